/**
 * Pipeline configuration rules: what may be created or changed, and the phases and steps
 * each kind of pipeline runs.
 */
import type { EngineContext } from './context'
import {
  ALLOWED,
  conflict,
  DomainError,
  enforce,
  type FieldError,
  invalid,
  preconditionFailed,
  refuse,
  type Verdict,
} from './errors'
import {
  amsBuildActions,
  amsLowerDeployActions,
  amsProblems,
  amsProdActions,
  amsTestActions,
  DEFAULT_ASSETS_SPLIT,
  emptyDispatcherPaths,
  flavourProblems,
  SITES_PAGE_SETS,
} from './ams-pipelines'
import { assetsTestFileProblems, removedAssetsTestFileProblems } from './assets-test-files'
import { changedSettings, recordAudit } from './audit'
import { type Flavour, flavourOf } from './flavour'
import type { Actor, Environment, Pipeline, PipelineCategory, PipelineConfig, PipelinePhase, StepAction } from './model'
import { permits } from './permissions'

export const MAX_PIPELINES_PER_PROGRAM = 300
export const MAX_PIPELINE_NAME = 64
export const MAX_AUDIT_PATHS = 25

export type AddPipelineKind = 'production' | 'nonProduction' | 'prodOnly'

export const DEFAULT_STAGE_TESTING = {
  productFunctional: true,
  customFunctional: true,
  customUi: false,
  experienceAudit: true,
  experienceAuditPaths: [] as string[],
}

/** AMS stage testing is security and performance testing; the experience audit runs only if configured. */
const AMS_STAGE_TESTING = { productFunctional: false, customFunctional: false, customUi: false, experienceAudit: false }

export type PipelineInput = Omit<Partial<PipelineConfig>, 'productionOptions' | 'stageTesting' | 'dispatcherPaths'> &
  Pick<PipelineConfig, 'name' | 'category'> & {
    productionOptions?: Partial<PipelineConfig['productionOptions']>
    stageTesting?: Partial<PipelineConfig['stageTesting']>
    dispatcherPaths?: Partial<PipelineConfig['dispatcherPaths']>
  }

/** Fills the optional parts of a configuration with the product's defaults for the program's flavour. */
export function withDefaults(input: PipelineInput, flavour: Flavour = 'cs'): PipelineConfig {
  return {
    trigger: 'MANUAL',
    importantMetricFailureBehavior: 'ASK',
    codeSource: 'fullStack',
    codeLocation: '/',
    buildStrategy: 'FULL',
    ignoreWebTierConfig: false,
    environmentIds: [],
    approveAfterStageDeployment: false,
    skipDetachingDispatchers: false,
    ...input,
    productionOptions: {
      pauseBeforeProd: false,
      scheduled: false,
      goLiveApproval: false,
      cseOversight: null,
      ...input.productionOptions,
    },
    stageTesting: {
      ...DEFAULT_STAGE_TESTING,
      ...(flavour === 'ams' ? AMS_STAGE_TESTING : {}),
      sitesPageSets: [...SITES_PAGE_SETS],
      assetsSplit: { ...DEFAULT_ASSETS_SPLIT },
      assetsTestFiles: [],
      ...input.stageTesting,
    },
    dispatcherPaths: { ...emptyDispatcherPaths(), ...input.dispatcherPaths },
  }
}

/** The coupled production pipeline: production, full stack. */
export function isCoupled(p: Pick<Pipeline, 'category' | 'codeSource'>): boolean {
  return p.category === 'production' && p.codeSource === 'fullStack'
}

function primaryPair(ctx: EngineContext, programId: string): { stage?: Environment; prod?: Environment } {
  const envs = ctx.environmentsOf(programId)
  return {
    stage: envs.find((e) => e.type === 'stage' && !e.isAdditionalStage),
    prod: envs.find((e) => e.type === 'prod'),
  }
}

function hasBranch(ctx: EngineContext, programId: string): boolean {
  return ctx.repositoriesOf(programId).some((r) => r.branches.length > 0)
}

/** Whether the Add Pipeline menu may offer a kind of pipeline now, and if not, why. */
export function canAddPipeline(ctx: EngineContext, actor: Actor, programId: string, kind: AddPipelineKind): Verdict {
  const role = permits(actor, 'createPipeline')
  if (!role.ok) return role
  const pipelines = ctx.pipelinesOf(programId)
  if (pipelines.length >= MAX_PIPELINES_PER_PROGRAM) {
    return refuse(conflict(`A program can have at most ${MAX_PIPELINES_PER_PROGRAM} pipelines.`))
  }
  if (kind === 'production') {
    const coupled = pipelines.find(isCoupled)
    if (coupled) {
      return refuse(
        conflict(`A program can have only one production pipeline, and "${coupled.name}" already exists.`, {
          pipelineId: coupled.id,
        }),
      )
    }
    const { stage, prod } = primaryPair(ctx, programId)
    if (!stage || !prod) return refuse(conflict('A production pipeline needs a Production and Stage environment pair.'))
    if (!hasBranch(ctx, programId)) return refuse(conflict('A production pipeline needs a repository with a branch.'))
    return ALLOWED
  }
  if (kind === 'prodOnly') {
    const prodOnly = pipelines.find((p) => p.category === 'prodOnly')
    if (prodOnly) {
      return refuse(
        conflict(`A program can have only one production only pipeline, and "${prodOnly.name}" already exists.`, {
          pipelineId: prodOnly.id,
        }),
      )
    }
    if (!pipelines.some((p) => p.category === 'stageOnly')) {
      return refuse(conflict('Add a stage-only pipeline first: a production only pipeline promotes its builds.'))
    }
    if (!primaryPair(ctx, programId).prod) return refuse(conflict('A production only pipeline needs a Production environment.'))
    return ALLOWED
  }
  if (!hasBranch(ctx, programId)) return refuse(conflict('A pipeline needs a repository with a branch.'))
  return ALLOWED
}

function addKindOf(category: PipelineCategory): AddPipelineKind {
  if (category === 'production') return 'production'
  if (category === 'prodOnly') return 'prodOnly'
  return 'nonProduction'
}

/**
 * Checks a configuration against the program. `existing` is the pipeline being edited, which
 * must not collide with itself. Returns every field problem at once.
 */
export function validateConfig(ctx: EngineContext, programId: string, config: PipelineConfig, existing?: Pipeline): FieldError[] {
  const errors: FieldError[] = []
  const others = ctx.pipelinesOf(programId).filter((p) => p.id !== existing?.id)
  const name = config.name.trim()
  if (name.length === 0) errors.push({ field: 'name', message: 'Enter a pipeline name.', invalidValue: config.name })
  else if (config.name.length > MAX_PIPELINE_NAME) {
    errors.push({ field: 'name', message: `Use at most ${MAX_PIPELINE_NAME} characters.`, invalidValue: config.name })
  } else if (others.some((p) => p.name.trim().toLowerCase() === name.toLowerCase())) {
    errors.push({
      field: 'name',
      message: `A pipeline named "${name}" already exists in this program.`,
      invalidValue: config.name,
    })
  }

  const envs = config.environmentIds.map((id) => ctx.findEnvironment(id))
  const badEnv = config.environmentIds.find((_id, i) => envs[i]?.programId !== programId)
  if (badEnv !== undefined) {
    errors.push({ field: 'environmentIds', message: `Environment ${badEnv} is not part of this program.`, invalidValue: badEnv })
  }
  const notReady = envs.find((e) => e && e.programId === programId && e.status !== 'ready')
  if (notReady) {
    errors.push({
      field: 'environmentIds',
      message: `Environment "${notReady.name}" is ${notReady.status}; it can be chosen once it is ready.`,
      invalidValue: notReady.id,
    })
  }

  const needsSource = config.category !== 'prodOnly'
  if (needsSource) {
    const repo = config.repositoryId ? ctx.findRepository(config.repositoryId) : undefined
    if (!repo || repo.programId !== programId) {
      errors.push({ field: 'repositoryId', message: 'Choose a repository of this program.', invalidValue: config.repositoryId })
    } else if (!config.branch || !repo.branches.some((b) => b.name === config.branch)) {
      errors.push({ field: 'branch', message: `Choose a branch of ${repo.name}.`, invalidValue: config.branch })
    }
    if (!config.codeLocation.startsWith('/')) {
      errors.push({ field: 'codeLocation', message: 'The code location must start with "/".', invalidValue: config.codeLocation })
    }
  } else {
    if (config.repositoryId || config.branch) {
      errors.push({ field: 'repositoryId', message: 'A production only pipeline deploys promoted builds and has no repository.' })
    }
    if (config.trigger !== 'MANUAL') {
      errors.push({
        field: 'trigger',
        message: 'A production only pipeline is always started manually.',
        invalidValue: config.trigger,
      })
    }
  }

  const paths = config.stageTesting.experienceAuditPaths
  if (paths.length > MAX_AUDIT_PATHS) {
    errors.push({ field: 'stageTesting.experienceAuditPaths', message: `Add at most ${MAX_AUDIT_PATHS} page paths.` })
  }
  paths.forEach((path, i) => {
    if (!path.startsWith('/')) {
      errors.push({
        field: `stageTesting.experienceAuditPaths[${i}]`,
        message: 'A page path must start with "/".',
        invalidValue: path,
      })
    }
  })
  if (new Set(paths).size !== paths.length) {
    errors.push({ field: 'stageTesting.experienceAuditPaths', message: 'Each page path may be listed once.' })
  }

  errors.push(...validateEnvironmentsForCategory(config, envs, others))
  const flavour = flavourOf(ctx, programId)
  errors.push(...flavourProblems(flavour, config))
  if (flavour === 'ams') {
    errors.push(...amsProblems(config))
    const solutions = ctx.findProgram(programId)?.solutions ?? []
    const runsAssetsTest = amsTestActions(config, solutions).includes('assetsTest')
    errors.push(...assetsTestFileProblems(config.stageTesting.assetsTestFiles, runsAssetsTest))
  }
  return errors
}

function validateEnvironmentsForCategory(
  config: PipelineConfig,
  envs: Array<Environment | undefined>,
  others: Pipeline[],
): FieldError[] {
  const errors: FieldError[] = []
  const field = 'environmentIds'
  const types = envs.map((e) => e?.type)
  switch (config.category) {
    case 'production': {
      if (types.length !== 2 || types[0] !== 'stage' || types[1] !== 'prod' || envs[0]?.isAdditionalStage) {
        errors.push({ field, message: "A production pipeline deploys to the program's stage and production pair." })
      }
      if (isCoupled(config) && others.some(isCoupled)) {
        errors.push({ field: 'category', message: 'A program can have only one production pipeline.' })
      }
      if (config.codeSource === 'config' || config.codeSource === 'webTierConfig') {
        const twin = others.find((p) => p.category === 'production' && p.codeSource === config.codeSource)
        if (twin)
          errors.push({ field: 'codeSource', message: `"${twin.name}" already deploys this kind of code to these environments.` })
      }
      break
    }
    case 'stageOnly': {
      if (types.length !== 1 || types[0] !== 'stage') {
        errors.push({ field, message: 'A stage-only pipeline deploys to exactly one stage environment.' })
      }
      const twin = others.find((p) => p.category === 'stageOnly')
      if (twin) {
        errors.push({
          field,
          message: `A program can have only one stage-only pipeline, and "${twin.name}" already exists.`,
          invalidValue: config.environmentIds[0],
        })
      }
      break
    }
    case 'prodOnly': {
      if (types.length !== 1 || types[0] !== 'prod') {
        errors.push({ field, message: 'A production only pipeline deploys to the production environment.' })
      }
      if (others.some((p) => p.category === 'prodOnly')) {
        errors.push({ field: 'category', message: 'A program can have only one production only pipeline.' })
      }
      if (!others.some((p) => p.category === 'stageOnly')) {
        errors.push({ field: 'category', message: 'A production only pipeline needs a stage-only pipeline to promote from.' })
      }
      break
    }
    case 'nonProduction': {
      if (config.nonProdKind === 'codeQuality') {
        if (types.length > 0) errors.push({ field, message: 'A code quality pipeline does not deploy.' })
        break
      }
      if (types.length !== 1 || types[0] !== 'dev') {
        errors.push({ field, message: 'Choose one development environment to deploy to.' })
        break
      }
      if (config.codeSource === 'fullStack') {
        const twin = others.find(
          (p) =>
            p.category === 'nonProduction' && p.codeSource === 'fullStack' && p.environmentIds[0] === config.environmentIds[0],
        )
        if (twin) errors.push({ field, message: `"${twin.name}" already deploys full stack code to this environment.` })
      }
      break
    }
  }
  return errors
}

/** A non-production deployment to a stage environment is a stage-only pipeline. */
export function normaliseCategory(ctx: EngineContext, config: PipelineConfig): PipelineConfig {
  if (config.category === 'nonProduction' && config.nonProdKind !== 'codeQuality') {
    const env = config.environmentIds.length === 1 ? ctx.findEnvironment(config.environmentIds[0] as string) : undefined
    if (env?.type === 'stage') return { ...config, category: 'stageOnly', nonProdKind: 'deployment' }
  }
  if (config.category === 'stageOnly') return { ...config, nonProdKind: 'deployment', codeSource: 'fullStack' }
  if (config.category === 'prodOnly') {
    const { repositoryId: _r, branch: _b, nonProdKind: _k, ...rest } = config
    return { ...rest, codeSource: 'fullStack', trigger: config.trigger }
  }
  return config
}

/** Steps that run on the stage (or dev) environment after its deploy. */
function testActions(config: PipelineConfig): StepAction[] {
  const t = config.stageTesting
  const full = config.codeSource === 'fullStack'
  if (!full) return []
  if (config.category === 'nonProduction') {
    const steps: StepAction[] = []
    if (t.productFunctional) steps.push('productTest')
    if (t.customFunctional) steps.push('functionalTest')
    if (t.customUi) steps.push('uiTest')
    if (t.experienceAudit) steps.push('contentAudit')
    return steps
  }
  // Product and custom functional testing and the experience audit always run on stage.
  return t.customUi
    ? ['productTest', 'functionalTest', 'uiTest', 'contentAudit']
    : ['productTest', 'functionalTest', 'contentAudit']
}

function buildActions(config: PipelineConfig): StepAction[] {
  if (config.category === 'prodOnly') return ['build']
  if (config.category === 'nonProduction' && config.nonProdKind === 'codeQuality') return ['build', 'codeQuality']
  if (config.codeSource === 'fullStack') return ['build', 'codeQuality', 'buildImage']
  if (config.codeSource === 'webTierConfig') return ['build', 'buildImage']
  return ['build']
}

function csProdActions(config: PipelineConfig): StepAction[] {
  return [...prodGateActions(config), 'deploy']
}

function prodGateActions(config: PipelineConfig): StepAction[] {
  const steps: StepAction[] = []
  if (config.productionOptions.pauseBeforeProd) steps.push('approval')
  if (config.productionOptions.scheduled) steps.push('schedule')
  return steps
}

/**
 * The phases a configuration runs, reusing the ids of `previous` phases and steps where the
 * same phase and action remain, so execution URLs stay stable across edits.
 */
export function derivePhases(
  ctx: EngineContext,
  programId: string,
  config: PipelineConfig,
  previous: PipelinePhase[] = [],
): PipelinePhase[] {
  const envs = config.environmentIds.map((id) => ctx.findEnvironment(id))
  const program = ctx.findProgram(programId)
  const ams = flavourOf(ctx, programId) === 'ams'
  const lowerActions = ams
    ? amsLowerDeployActions(config, program?.solutions ?? [])
    : (['deploy', ...testActions(config)] as StepAction[])
  const prodActions = ams ? amsProdActions(config) : csProdActions(config)
  const plan: Array<Omit<PipelinePhase, 'id' | 'steps'> & { actions: StepAction[] }> = [
    { name: 'VALIDATE', type: 'VALIDATE', actions: ['validate'] },
    {
      name: 'BUILD_1',
      type: 'BUILD',
      ...(config.repositoryId ? { repositoryId: config.repositoryId, branch: config.branch ?? 'master' } : {}),
      actions:
        ams && !(config.category === 'nonProduction' && config.nonProdKind === 'codeQuality')
          ? amsBuildActions(config)
          : buildActions(config),
    },
  ]
  const deployPhase = (name: string, env: Environment | undefined, actions: StepAction[]) => {
    plan.push({ name, type: 'DEPLOY', environmentId: env?.id, environmentType: env?.type, actions })
  }
  switch (config.category) {
    case 'production':
      deployPhase('DEPLOY_1', envs[0], lowerActions)
      deployPhase('DEPLOY_2', envs[1], prodActions)
      break
    case 'stageOnly':
      deployPhase('DEPLOY_1', envs[0], lowerActions)
      break
    case 'prodOnly':
      deployPhase('DEPLOY_1', envs[0], prodActions)
      break
    case 'nonProduction':
      if (config.nonProdKind !== 'codeQuality') deployPhase('DEPLOY_1', envs[0], lowerActions)
      break
  }
  return plan.map(({ actions, ...phase }) => {
    const before = previous.find((p) => p.name === phase.name)
    return {
      ...phase,
      id: before?.id ?? ctx.newId(),
      steps: actions.map((action) => ({ id: before?.steps.find((s) => s.action === action)?.id ?? ctx.newId(), action })),
    }
  })
}

export function createPipeline(ctx: EngineContext, actor: Actor, programId: string, input: PipelineConfig): Pipeline {
  ctx.program(programId)
  const config = normaliseCategory(ctx, input)
  enforce(permits(actor, 'createPipeline'))
  if (ctx.pipelinesOf(programId).length >= MAX_PIPELINES_PER_PROGRAM) {
    enforce(canAddPipeline(ctx, actor, programId, addKindOf(config.category)))
  }
  const errors = validateConfig(ctx, programId, config)
  if (errors.length > 0) throw invalid('The pipeline configuration is not valid.', errors)
  const now = ctx.now
  const pipeline: Pipeline = {
    ...config,
    name: config.name.trim(),
    id: ctx.newId(),
    programId,
    phases: derivePhases(ctx, programId, config),
    createdAt: now,
    updatedAt: now,
    executionIds: [],
    variables: [],
    favoriteOf: [],
  }
  ctx.addPipeline(pipeline)
  recordAudit(ctx, actor, programId, { action: 'PIPELINE_CREATED', pipelineId: pipeline.id, pipelineName: pipeline.name })
  ctx.touch()
  return pipeline
}

/** Fields that define what a pipeline is; they are fixed once it exists. */
const FIXED_FIELDS = ['category', 'nonProdKind', 'codeSource'] as const

export function canEditPipeline(actor: Actor, pipeline: Pipeline): Verdict {
  const role = permits(actor, 'patchPipeline')
  if (!role.ok) return role
  if (pipeline.currentExecutionId) {
    return refuse(
      preconditionFailed(`"${pipeline.name}" is running; edit it once the execution ends.`, { pipelineId: pipeline.id }),
    )
  }
  return ALLOWED
}

export function updatePipeline(
  ctx: EngineContext,
  actor: Actor,
  programId: string,
  pipelineId: string,
  patch: Partial<PipelineInput>,
): Pipeline {
  const pipeline = ctx.pipeline(programId, pipelineId)
  const flavour = flavourOf(ctx, programId)
  const current = configOf(pipeline)
  const config = normaliseCategory(
    ctx,
    withDefaults(
      {
        ...current,
        ...patch,
        productionOptions: { ...current.productionOptions, ...patch.productionOptions },
        stageTesting: { ...current.stageTesting, ...patch.stageTesting },
        dispatcherPaths: { ...current.dispatcherPaths, ...patch.dispatcherPaths },
      },
      flavour,
    ),
  )
  // On AMS the approval and CSE settings name their own permission (spec §G.2), so it is checked first.
  if (flavour === 'ams') enforceAmsEditPermissions(actor, current, config)
  enforce(canEditPipeline(actor, pipeline))
  const fixed: FieldError[] = FIXED_FIELDS.filter((f) => patch[f] !== undefined && patch[f] !== pipeline[f]).map((f) => ({
    field: f,
    message: 'The kind of a pipeline cannot change after it is created.',
    invalidValue: patch[f],
  }))
  if (fixed.length > 0) throw invalid('The pipeline configuration is not valid.', fixed)
  const errors = validateConfig(ctx, programId, config, pipeline)
  if (flavour === 'ams')
    errors.push(...removedAssetsTestFileProblems(current.stageTesting.assetsTestFiles, config.stageTesting.assetsTestFiles))
  if (errors.length > 0) throw invalid('The pipeline configuration is not valid.', errors)
  const phases = derivePhases(ctx, programId, config, pipeline.phases)
  const before = pipeline.name
  Object.assign(pipeline, config, { name: config.name.trim(), phases, updatedAt: ctx.now })
  const changed = changedSettings({ ...current }, { ...configOf(pipeline) })
  if (changed.length > 0) {
    recordAudit(ctx, actor, programId, {
      action: 'PIPELINE_UPDATED',
      pipelineId,
      pipelineName: pipeline.name,
      detail: `Changed: ${changed.join(', ')}${before !== pipeline.name ? ` (was "${before}")` : ''}`,
    })
  }
  ctx.touch()
  return pipeline
}

/** Pipeline Modify Approval / Pipeline Modify Managed Deployment: checked only when those settings change. */
function enforceAmsEditPermissions(actor: Actor, before: PipelineConfig, after: PipelineConfig): void {
  const approvalChanged =
    before.productionOptions.goLiveApproval !== after.productionOptions.goLiveApproval ||
    before.approveAfterStageDeployment !== after.approveAfterStageDeployment
  if (approvalChanged) enforce(permits(actor, 'modifyPipelineApproval'))
  if (before.productionOptions.cseOversight !== after.productionOptions.cseOversight)
    enforce(permits(actor, 'modifyPipelineManagedDeployment'))
}

export function canDeletePipeline(ctx: EngineContext, actor: Actor, pipeline: Pipeline): Verdict {
  const role = permits(actor, 'deletePipeline')
  if (!role.ok) return role
  if (pipeline.currentExecutionId) {
    return refuse(
      preconditionFailed(`"${pipeline.name}" is running; delete it once the execution ends.`, { pipelineId: pipeline.id }),
    )
  }
  const dependant = ctx
    .pipelinesOf(pipeline.programId)
    .find((p) => p.category === 'prodOnly' && pipeline.category === 'stageOnly')
  if (dependant) {
    return refuse(
      conflict(`"${dependant.name}" promotes builds of this pipeline; delete it first.`, { pipelineId: dependant.id }),
    )
  }
  return ALLOWED
}

export function deletePipeline(ctx: EngineContext, actor: Actor, programId: string, pipelineId: string): void {
  const pipeline = ctx.pipeline(programId, pipelineId)
  enforce(canDeletePipeline(ctx, actor, pipeline))
  recordAudit(ctx, actor, programId, { action: 'PIPELINE_DELETED', pipelineId, pipelineName: pipeline.name })
  ctx.state.pipelines = ctx.state.pipelines.filter((p) => p.id !== pipelineId)
  ctx.state.executions = ctx.state.executions.filter((e) => e.pipelineId !== pipelineId)
  ctx.state.faults = ctx.state.faults.filter((f) => f.pipelineId !== pipelineId)
  ctx.reindex()
  ctx.touch()
}

export function configOf(p: Pipeline): PipelineConfig {
  const config: PipelineConfig = {
    name: p.name,
    category: p.category,
    trigger: p.trigger,
    importantMetricFailureBehavior: p.importantMetricFailureBehavior,
    codeSource: p.codeSource,
    codeLocation: p.codeLocation,
    buildStrategy: p.buildStrategy,
    ignoreWebTierConfig: p.ignoreWebTierConfig,
    environmentIds: [...p.environmentIds],
    productionOptions: { ...p.productionOptions },
    stageTesting: {
      ...p.stageTesting,
      experienceAuditPaths: [...p.stageTesting.experienceAuditPaths],
      sitesPageSets: [...p.stageTesting.sitesPageSets],
      assetsSplit: { ...p.stageTesting.assetsSplit },
      assetsTestFiles: p.stageTesting.assetsTestFiles.map((f) => ({ ...f })),
    },
    approveAfterStageDeployment: p.approveAfterStageDeployment,
    skipDetachingDispatchers: p.skipDetachingDispatchers,
    dispatcherPaths: {
      dev: p.dispatcherPaths.dev.map((d) => ({ ...d })),
      stage: p.dispatcherPaths.stage.map((d) => ({ ...d })),
      prod: p.dispatcherPaths.prod.map((d) => ({ ...d })),
    },
  }
  if (p.nonProdKind) config.nonProdKind = p.nonProdKind
  if (p.repositoryId) config.repositoryId = p.repositoryId
  if (p.branch) config.branch = p.branch
  return config
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError
}
