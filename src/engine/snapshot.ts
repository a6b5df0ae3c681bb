/**
 * Validating and migrating saved engine state. An imported or persisted state is checked
 * whole: it is either accepted as it is or refused with a list of what is wrong.
 */
import { z } from 'zod'
import { MAX_ASSETS_TEST_FILE_NAME, MAX_ASSETS_TEST_FILES } from './assets-test-files'
import { AUDIT_CATEGORY_OF, MAX_AUDIT_EVENTS } from './audit'
import { type AuditAction, type EngineState, STEP_ACTIONS } from './model'
import { CURRENT_STATE_VERSION, InvalidStateError } from './saved-state'
import { storedVariableProblems } from './variables'

// Re-exported: the tests and the team server import them with `parseState`.
export { CURRENT_STATE_VERSION, InvalidStateError }

const id = z.string().regex(/^\d+$/, 'must be a decimal id')
const time = z.number().int().nonnegative()
const envType = z.enum(['dev', 'stage', 'prod', 'rde', 'preprod'])
const stepAction = z.enum(STEP_ACTIONS)
const roles = z.enum(['business-owner', 'deployment-manager', 'program-manager', 'developer', 'cse'])
const dispatcherPaths = z
  .array(z.strictObject({ path: z.string().startsWith('/'), type: z.enum(['FLUSH', 'INVALIDATE']) }))
  .max(100)
const stepStatus = z.enum([
  'NOT_STARTED',
  'RUNNING',
  'FINISHED',
  'ERROR',
  'ROLLING_BACK',
  'ROLLED_BACK',
  'WAITING',
  'CANCELLED',
  'FAILED',
  'INCOMPLETE',
])
const assetsTestFiles = z.array(
  z.strictObject({ format: z.enum(['PDF', 'IMAGE']), fileName: z.string().min(1).max(MAX_ASSETS_TEST_FILE_NAME) }),
)
const executionStatus = z.enum(['NOT_STARTED', 'RUNNING', 'CANCELLING', 'CANCELLED', 'FINISHED', 'ERROR', 'FAILED'])

const variable = z.strictObject({
  name: z.string().min(1),
  type: z.enum(['string', 'secretString']),
  value: z.string().optional(),
  secret: z.strictObject({ length: z.number().int().nonnegative(), fingerprint: z.string() }).optional(),
  service: z.string().optional(),
  status: z.enum(['ready', 'updating']),
  updatedAt: time,
})

const program = z.strictObject({
  id,
  name: z.string().min(1).max(64),
  enabled: z.boolean(),
  tenantId: z.string(),
  imsOrgId: z.string(),
  status: z.enum(['creating', 'ready', 'deleting', 'deleted', 'deleted_failed', 'failed']),
  type: z.enum(['aem_cloud_service', 'aem_managed_services']),
  region: z.string(),
  createdAt: time,
  updatedAt: time,
  emergencyModeEnabled: z.boolean(),
  solutions: z.array(z.enum(['sites', 'assets', 'forms', 'screens'])),
  kpis: z
    .strictObject({ responseTimeMs95: z.number().int().positive(), pageViewsPerMinute: z.number().int().positive() })
    .optional(),
})

const environment = z.strictObject({
  id,
  programId: id,
  name: z.string().min(1),
  description: z.string(),
  type: envType,
  status: z.enum([
    'creating',
    'ready',
    'deleting',
    'deleted',
    'updating',
    'failed',
    'deploy_failed',
    'created',
    'restoring',
    'restore_failed',
    'resetting',
    'reset_failed',
    'degraded',
    'hibernated',
  ]),
  region: z.string(),
  createdAt: time,
  updatedAt: time,
  isAdditionalStage: z.boolean(),
  request: z.strictObject({ baseBranch: z.enum(['INTEGRATION', 'MASTER']), requestedAt: time, readyAt: time }).optional(),
  publishPairs: z.number().int().min(1).max(20),
  variables: z.array(variable).max(200),
})

const repository = z.strictObject({
  id,
  programId: id,
  name: z.string().min(1),
  description: z.string(),
  url: z.string(),
  branches: z.array(z.strictObject({ name: z.string().min(1), commits: z.array(z.string().regex(/^[0-9a-f]{40}$/)).min(1) })),
})

const phase = z.strictObject({
  id,
  name: z.string(),
  type: z.enum(['VALIDATE', 'BUILD', 'DEPLOY']),
  repositoryId: id.optional(),
  branch: z.string().optional(),
  environmentId: id.optional(),
  environmentType: envType.optional(),
  steps: z.array(z.strictObject({ id, action: stepAction })).min(1),
})

const pipeline = z.strictObject({
  id,
  programId: id,
  name: z.string().min(1).max(64),
  category: z.enum(['production', 'nonProduction', 'stageOnly', 'prodOnly']),
  nonProdKind: z.enum(['codeQuality', 'deployment']).optional(),
  trigger: z.enum(['MANUAL', 'ON_COMMIT']),
  importantMetricFailureBehavior: z.enum(['ASK', 'FAIL', 'CONTINUE']),
  codeSource: z.enum(['fullStack', 'config', 'frontEnd', 'webTierConfig']),
  repositoryId: id.optional(),
  branch: z.string().optional(),
  codeLocation: z.string(),
  buildStrategy: z.enum(['FULL', 'SMART']),
  ignoreWebTierConfig: z.boolean(),
  environmentIds: z.array(id),
  productionOptions: z.strictObject({
    pauseBeforeProd: z.boolean(),
    scheduled: z.boolean(),
    goLiveApproval: z.boolean(),
    cseOversight: z.enum(['MY_CSE', 'ANY_CSE']).nullable(),
  }),
  stageTesting: z.strictObject({
    productFunctional: z.boolean(),
    customFunctional: z.boolean(),
    customUi: z.boolean(),
    experienceAudit: z.boolean(),
    experienceAuditPaths: z.array(z.string().startsWith('/')).max(25),
    sitesPageSets: z
      .array(z.enum(['POPULAR', 'OTHER', 'NEW']))
      .min(1)
      .max(3),
    assetsSplit: z.strictObject({ images: z.number().int().min(0).max(100), pdfs: z.number().int().min(0).max(100) }),
    assetsTestFiles: assetsTestFiles.max(MAX_ASSETS_TEST_FILES),
  }),
  approveAfterStageDeployment: z.boolean(),
  skipDetachingDispatchers: z.boolean(),
  dispatcherPaths: z.strictObject({ dev: dispatcherPaths, stage: dispatcherPaths, prod: dispatcherPaths }),
  phases: z.array(phase).min(1).max(100),
  createdAt: time,
  updatedAt: time,
  lastStartedAt: time.optional(),
  lastFinishedAt: time.optional(),
  currentExecutionId: id.optional(),
  executionIds: z.array(id),
  variables: z.array(variable).max(200),
  favoriteOf: z.array(roles),
})

const metric = z.strictObject({
  id,
  kpi: z.string(),
  severity: z.enum(['critical', 'important', 'informational']),
  passed: z.boolean(),
  override: z.boolean(),
  actualValue: z.string(),
  expectedValue: z.string(),
  comparator: z.enum(['GT', 'GTE', 'LT', 'LTE', 'EQ', 'NEQ']),
})

const stepState = z.strictObject({
  id,
  stepId: id,
  phaseId: id,
  action: stepAction,
  variant: z.enum(['artifactPreparation', 'copyArtifacts']).optional(),
  environmentId: id.optional(),
  environmentType: envType.optional(),
  repositoryId: id.optional(),
  branch: z.string().optional(),
  commitId: z.string().optional(),
  status: stepStatus,
  startedAt: time.optional(),
  finishedAt: time.optional(),
  updatedAt: time,
  plannedMs: z.number().int().nonnegative().optional(),
  metrics: z.array(metric).optional(),
  input: z.record(z.string(), z.unknown()).optional(),
  timeoutAt: time.optional(),
  scheduledFor: time.optional(),
  activities: z
    .array(
      z.strictObject({
        id: z.number().int(),
        description: z.string(),
        status: z.enum(['NOT_STARTED', 'RUNNING', 'FINISHED', 'FAILED']),
        command: z.strictObject({ stepAction: z.string(), instanceId: z.string() }).optional(),
        finishedAt: time.optional(),
      }),
    )
    .optional(),
  currentActivityId: z.number().int().optional(),
  resultMessage: z.string().optional(),
  testAssets: assetsTestFiles.optional(),
  timerId: z.number().int().optional(),
})

const execution = z.strictObject({
  id,
  programId: id,
  pipelineId: id,
  category: z.enum(['production', 'nonProduction', 'stageOnly', 'prodOnly']),
  artifactsVersion: z.string(),
  user: z.string(),
  status: executionStatus,
  trigger: z.enum(['ON_COMMIT', 'MANUAL', 'PUSH_UPGRADES', 'RE_EXECUTE']),
  mode: z.enum(['NORMAL', 'EMERGENCY']),
  createdAt: time,
  updatedAt: time,
  finishedAt: time.optional(),
  repositoryId: id.optional(),
  branch: z.string().optional(),
  commitId: z.string().optional(),
  sourceExecutionId: id.optional(),
  builtByExecutionId: id.optional(),
  validatedByExecutionId: id.optional(),
  reExecutedFromStepId: id.optional(),
  isRollback: z.boolean().optional(),
  failureReason: z.string().optional(),
  steps: z.array(stepState).min(1),
})

const timerPayload = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('step-done'), executionId: id, stepIndex: z.number().int().nonnegative() }),
  z.strictObject({
    kind: z.literal('activity-done'),
    executionId: id,
    stepIndex: z.number().int().nonnegative(),
    activityId: z.number().int(),
  }),
  z.strictObject({ kind: z.literal('wait-timeout'), executionId: id, stepIndex: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('scheduled-start'), executionId: id, stepIndex: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal('environment-ready'), environmentId: id }),
])

const stateSchema = z.strictObject({
  version: z.literal(CURRENT_STATE_VERSION),
  scenario: z.string(),
  clock: z.strictObject({
    now: time,
    nextSeq: z.number().int().positive(),
    heap: z.array(z.strictObject({ id: z.number().int(), at: time, seq: z.number().int(), payload: timerPayload })),
  }),
  random: z.strictObject({ seed: z.number().int().nonnegative(), state: z.number().int().nonnegative() }),
  nextId: z.number().int().positive(),
  programs: z.array(program),
  environments: z.array(environment),
  repositories: z.array(repository),
  pipelines: z.array(pipeline),
  executions: z.array(execution),
  faults: z.array(
    z.strictObject({
      id,
      pipelineId: id,
      action: stepAction,
      environmentType: envType.optional(),
      status: z.enum(['FAILED', 'ERROR', 'PAUSED']),
      metric: z.enum(['critical', 'important']).optional(),
      remaining: z.number().int().positive(),
    }),
  ),
  events: z.array(
    z.strictObject({
      id,
      at: time,
      type: z.enum(['started', 'waiting', 'ended']),
      programId: id,
      pipelineId: id,
      executionId: id,
      stepAction: stepAction.optional(),
      status: z.union([executionStatus, stepStatus]).optional(),
    }),
  ),
  audit: z
    .array(
      z.strictObject({
        id,
        at: time,
        programId: id,
        userId: z.string(),
        roles: z.array(roles),
        action: z.enum(Object.keys(AUDIT_CATEGORY_OF) as [AuditAction, ...AuditAction[]]),
        pipelineId: id.optional(),
        pipelineName: z.string().optional(),
        executionId: id.optional(),
        environmentId: id.optional(),
        environmentName: z.string().optional(),
        stepAction: stepAction.optional(),
        detail: z.string().optional(),
      }),
    )
    .max(MAX_AUDIT_EVENTS),
  revision: z.number().int().nonnegative(),
})

type Json = Record<string, unknown>
const asList = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {}

/**
 * Version 1 → 2 (AMS): programs get `emergencyModeEnabled: false` and `solutions: ["sites"]`;
 * pipelines get the AMS options switched off and the default performance test settings. Every
 * version-1 program was a Cloud Service program in practice, so nothing else changes.
 */
function migrateV1(state: Json): Json {
  const programs = asList(state.programs).map((p) => ({ emergencyModeEnabled: false, solutions: ['sites'], ...p }))
  const pipelines = asList(state.pipelines).map((p) => ({
    ...p,
    productionOptions: { goLiveApproval: false, cseOversight: null, ...asObject(p.productionOptions) },
    stageTesting: {
      ...asObject(p.stageTesting),
      sitesPageSets: ['POPULAR', 'OTHER', 'NEW'],
      assetsSplit: { images: 70, pdfs: 30 },
    },
    approveAfterStageDeployment: false,
    skipDetachingDispatchers: false,
    dispatcherPaths: { dev: [], stage: [], prod: [] },
  }))
  return { ...state, version: 2, programs, pipelines }
}

/**
 * Version 2 → 3: pipelines get no custom assets test files (the default assets, as before); the
 * AMS audit trail starts empty (nothing before it was recorded). `audit` goes before `revision`,
 * where a new state has it, so a migrated state exports like a new one.
 */
function migrateV2(state: Json): Json {
  const pipelines = asList(state.pipelines).map((p) => ({
    ...p,
    stageTesting: { assetsTestFiles: [], ...asObject(p.stageTesting) },
  }))
  const { revision, ...rest } = state
  return { ...rest, version: 3, pipelines, audit: [], revision }
}

/** Older state versions and how to bring them up to date. */
const MIGRATIONS: Record<number, (state: Json) => Json> = { 1: migrateV1, 2: migrateV2 }

function migrate(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw
  let state = raw as Record<string, unknown>
  let version = typeof state.version === 'number' ? state.version : undefined
  while (version !== undefined && version < CURRENT_STATE_VERSION && MIGRATIONS[version]) {
    state = (MIGRATIONS[version] as (s: Record<string, unknown>) => Record<string, unknown>)(state)
    version = state.version as number
  }
  return state
}

/** Checks references between entities, which the shape alone cannot. */
function referenceProblems(state: EngineState): string[] {
  const problems: string[] = []
  const programs = new Set(state.programs.map((p) => p.id))
  const environments = new Set(state.environments.map((e) => e.id))
  const pipelines = new Map(state.pipelines.map((p) => [p.id, p]))
  const executions = new Set(state.executions.map((e) => e.id))
  for (const e of state.environments)
    if (!programs.has(e.programId)) problems.push(`environment ${e.id} belongs to unknown program ${e.programId}`)
  for (const r of state.repositories)
    if (!programs.has(r.programId)) problems.push(`repository ${r.id} belongs to unknown program ${r.programId}`)
  for (const p of state.pipelines) {
    if (!programs.has(p.programId)) problems.push(`pipeline ${p.id} belongs to unknown program ${p.programId}`)
    for (const envId of p.environmentIds)
      if (!environments.has(envId)) problems.push(`pipeline ${p.id} targets unknown environment ${envId}`)
    if (p.currentExecutionId && !executions.has(p.currentExecutionId))
      problems.push(`pipeline ${p.id} runs unknown execution ${p.currentExecutionId}`)
    for (const execId of p.executionIds)
      if (!executions.has(execId)) problems.push(`pipeline ${p.id} lists unknown execution ${execId}`)
  }
  for (const e of state.executions) {
    const p = pipelines.get(e.pipelineId)
    if (!p || p.programId !== e.programId) problems.push(`execution ${e.id} belongs to unknown pipeline ${e.pipelineId}`)
  }
  // Audit entries may name deleted pipelines and executions (that is their point), but not an unknown program.
  for (const a of state.audit)
    if (!programs.has(a.programId)) problems.push(`audit entry ${a.id} belongs to unknown program ${a.programId}`)
  const highest = [
    ...state.programs,
    ...state.environments,
    ...state.repositories,
    ...state.pipelines,
    ...state.executions,
  ].reduce((max, entity) => Math.max(max, Number(entity.id)), 0)
  if (state.nextId <= highest) problems.push(`nextId ${state.nextId} is not above the highest id in use (${highest})`)
  problems.push(...environmentAndVariableProblems(state))
  return problems
}

/** Environments, their provisioning requests and timers, and variables (environments.ts, variables.ts). */
function environmentAndVariableProblems(state: EngineState): string[] {
  const problems: string[] = []
  const seenIds = new Set<string>()
  for (const [kind, list] of [
    ['program', state.programs],
    ['environment', state.environments],
    ['repository', state.repositories],
    ['pipeline', state.pipelines],
    ['execution', state.executions],
  ] as const) {
    for (const entity of list) {
      if (seenIds.has(entity.id)) problems.push(`${kind} ${entity.id} reuses an id already in use`)
      seenIds.add(entity.id)
    }
  }
  const environments = new Map(state.environments.map((e) => [e.id, e]))
  const readyTimers = new Set<string>()
  const timerIds = new Set<number>()
  for (const t of state.clock.heap) {
    if (timerIds.has(t.id)) problems.push(`timer ${t.id} is scheduled twice`)
    timerIds.add(t.id)
    if (t.seq >= state.clock.nextSeq)
      problems.push(`timer ${t.id} has sequence ${t.seq}, not below the clock's nextSeq ${state.clock.nextSeq}`)
    if (t.payload.kind === 'environment-ready') {
      if (!environments.has(t.payload.environmentId))
        problems.push(`timer ${t.id} makes unknown environment ${t.payload.environmentId} ready`)
      readyTimers.add(t.payload.environmentId)
    }
  }
  const names = new Set<string>()
  const additional = new Set<string>()
  for (const e of state.environments) {
    const name = `${e.programId}\u0000${e.name.trim().toLowerCase()}`
    if (names.has(name)) problems.push(`environment ${e.id}: program ${e.programId} has two environments named "${e.name}"`)
    names.add(name)
    if (e.isAdditionalStage) {
      if (e.type !== 'stage') problems.push(`environment ${e.id} is an additional staging environment of type ${e.type}`)
      if (additional.has(e.programId)) problems.push(`program ${e.programId} has more than one additional staging environment`)
      additional.add(e.programId)
    }
    if (e.request) {
      if (!e.isAdditionalStage)
        problems.push(`environment ${e.id} has a provisioning request but is not an additional staging environment`)
      if (e.request.readyAt < e.request.requestedAt) problems.push(`environment ${e.id} would be ready before it was requested`)
      if (e.status === 'creating' && !readyTimers.has(e.id)) {
        problems.push(`environment ${e.id} is being provisioned but no timer will make it ready`)
      }
    }
    problems.push(...storedVariableProblems(e.variables, 'environment', `environment ${e.id}`))
  }
  for (const p of state.pipelines) {
    for (const envId of p.environmentIds) {
      const env = environments.get(envId)
      if (env && env.programId !== p.programId) problems.push(`pipeline ${p.id} targets environment ${envId} of another program`)
    }
    problems.push(...storedVariableProblems(p.variables, 'pipeline', `pipeline ${p.id}`))
  }
  return problems
}

/** Parses saved state (already JSON-decoded), migrating older versions; throws `InvalidStateError`. */
export function parseState(raw: unknown): EngineState {
  const migrated = migrate(raw)
  const result = stateSchema.safeParse(migrated)
  if (!result.success) {
    throw new InvalidStateError(
      result.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`),
    )
  }
  // The schema has no transforms or defaults, so the validated input itself is returned: zod's
  // output reorders keys to schema order, which would break byte-identical export→import→export.
  const state = migrated as EngineState
  const problems = referenceProblems(state)
  if (problems.length > 0) throw new InvalidStateError(problems)
  return state
}
