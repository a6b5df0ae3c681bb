/**
 * The simulated backend's domain model. Everything here is plain, JSON-serialisable data:
 * the whole `EngineState` is what a snapshot saves and an import restores.
 * Times are epoch milliseconds of the virtual clock; ids are decimal strings.
 */
import type { ClockState } from './clock'
import type { RandomState } from './random'

export const ROLES = ['business-owner', 'deployment-manager', 'program-manager', 'developer', 'cse'] as const
export type Role = (typeof ROLES)[number]
/** What the `admin` token holds: the four Cloud Manager roles, not the Customer Success Engineer. */
export const ADMIN_ROLES: readonly Role[] = ['business-owner', 'deployment-manager', 'program-manager', 'developer']

/** Who is calling: the roles they hold and the user id recorded on executions they start. */
export interface Actor {
  readonly roles: readonly Role[]
  readonly userId: string
}

export type ProgramType = 'aem_cloud_service' | 'aem_managed_services'
export type ProgramStatus = 'creating' | 'ready' | 'deleting' | 'deleted' | 'deleted_failed' | 'failed'

export interface Program {
  id: string
  name: string
  enabled: boolean
  tenantId: string
  imsOrgId: string
  status: ProgramStatus
  type: ProgramType
  region: string
  createdAt: number
  updatedAt: number
  /** [AMS] Emergency Mode enabled (by a CSE); always false on Cloud Service programs. */
  emergencyModeEnabled: boolean
  /** Licensed solutions; AMS performance tests run per solution (Sites: loadTest, Assets: assetsTest). */
  solutions: Solution[]
  /** [AMS] What performance testing compares 95th percentile response time and page views per minute against. */
  kpis?: ProgramKpis
}

export interface ProgramKpis {
  responseTimeMs95: number
  pageViewsPerMinute: number
}

export type Solution = 'sites' | 'assets' | 'forms' | 'screens'

export const ENVIRONMENT_TYPES = ['dev', 'stage', 'prod', 'rde', 'preprod'] as const
export type EnvironmentType = (typeof ENVIRONMENT_TYPES)[number]
export type EnvironmentStatus =
  | 'creating'
  | 'ready'
  | 'deleting'
  | 'deleted'
  | 'updating'
  | 'failed'
  | 'deploy_failed'
  | 'created'
  | 'restoring'
  | 'restore_failed'
  | 'resetting'
  | 'reset_failed'
  | 'degraded'
  | 'hibernated'

export type VariableType = 'string' | 'secretString'
export type EnvironmentVariableService = 'author' | 'publish' | 'preview'
export type PipelineVariableService = 'build' | 'functionalTest' | 'uiTest' | 'loadTest'

/**
 * A variable as stored. Secret values are never kept: only their length and a fingerprint,
 * so neither the API nor a state export can leak them.
 */
export interface Variable {
  name: string
  type: VariableType
  /** Present for `string` variables only. */
  value?: string
  /** Present for `secretString` variables only. */
  secret?: { length: number; fingerprint: string }
  service?: string
  status: 'ready' | 'updating'
  updatedAt: number
}

export interface Environment {
  id: string
  programId: string
  name: string
  description: string
  type: EnvironmentType
  status: EnvironmentStatus
  region: string
  createdAt: number
  updatedAt: number
  /** A second (additional) staging environment, never paired with production. */
  isAdditionalStage: boolean
  /** For an additional staging environment: what it was requested from and when. */
  request?: { baseBranch: 'INTEGRATION' | 'MASTER'; requestedAt: number; readyAt: number }
  /** Publish/dispatcher pairs behind the load balancer: drives the rolling production deploy. */
  publishPairs: number
  variables: Variable[]
}

export interface Branch {
  name: string
  /** Newest commit last. */
  commits: string[]
}

export interface Repository {
  id: string
  programId: string
  name: string
  description: string
  url: string
  branches: Branch[]
}

export type PipelineCategory = 'production' | 'nonProduction' | 'stageOnly' | 'prodOnly'
export type NonProdKind = 'codeQuality' | 'deployment'
export type PipelineTrigger = 'MANUAL' | 'ON_COMMIT'
export type ImportantMetricBehavior = 'ASK' | 'FAIL' | 'CONTINUE'
export type CodeSource = 'fullStack' | 'config' | 'frontEnd' | 'webTierConfig'
export type BuildStrategy = 'FULL' | 'SMART'

export type SitesPageSet = 'POPULAR' | 'OTHER' | 'NEW'

export interface StageTesting {
  /** [CS] */
  productFunctional: boolean
  /** [CS] */
  customFunctional: boolean
  /** [CS] */
  customUi: boolean
  experienceAudit: boolean
  /** Page paths for the experience audit: at most 25, each starting with `/`. */
  experienceAuditPaths: string[]
  /** [AMS] Sites performance test page sets (traffic split equally among them); at least one. */
  sitesPageSets: SitesPageSet[]
  /** [AMS] Assets performance test distribution; images + pdfs = 100. */
  assetsSplit: { images: number; pdfs: number }
  /** [AMS] Custom test files the Assets performance test uploads instead of default assets (names only). */
  assetsTestFiles: AssetsTestFile[]
}

export type AssetsTestFormat = 'PDF' | 'IMAGE'
/** [AMS] One custom test file of the Assets performance test: its format and name (no contents are kept). */
export interface AssetsTestFile {
  format: AssetsTestFormat
  fileName: string
}

export type CseOversight = 'MY_CSE' | 'ANY_CSE'

export interface ProductionOptions {
  /** [CS] Pause before deploying to Production: an approval gate before the production deploy. */
  pauseBeforeProd: boolean
  /** Adds a schedule step before the production deploy. */
  scheduled: boolean
  /** [AMS] Use Go Live Approval: an approval gate before the production deploy. */
  goLiveApproval: boolean
  /** [AMS] Use CSE Oversight: a `managed` step (CSE Support) before the production deploy. */
  cseOversight: CseOversight | null
}

export type DispatcherPathType = 'FLUSH' | 'INVALIDATE'
export interface DispatcherPath {
  path: string
  type: DispatcherPathType
}
/** [AMS] Dispatcher paths to flush or invalidate after a deploy, per environment type of the pipeline. */
export interface DispatcherPaths {
  dev: DispatcherPath[]
  stage: DispatcherPath[]
  prod: DispatcherPath[]
}

/** What a user configures; phases and steps are derived from it. */
export interface PipelineConfig {
  name: string
  category: PipelineCategory
  nonProdKind?: NonProdKind
  trigger: PipelineTrigger
  importantMetricFailureBehavior: ImportantMetricBehavior
  codeSource: CodeSource
  repositoryId?: string
  branch?: string
  codeLocation: string
  buildStrategy: BuildStrategy
  ignoreWebTierConfig: boolean
  /** dev env (non-prod deployment), stage env (stage-only), [stage, prod] (production), [prod] (prod-only). */
  environmentIds: string[]
  productionOptions: ProductionOptions
  stageTesting: StageTesting
  /** [AMS] Approve after Stage Deployment: an approval right after the stage deploy, before testing. */
  approveAfterStageDeployment: boolean
  /** [AMS] Skip Load Balancer changes: deploys do not detach dispatchers from the load balancer. */
  skipDetachingDispatchers: boolean
  /** [AMS] Dispatcher Configuration. */
  dispatcherPaths: DispatcherPaths
}

/** Every step action, in pipeline order; saved state and request bodies are checked against it. */
export const STEP_ACTIONS = [
  'validate',
  'build',
  'codeQuality',
  'buildImage',
  'deploy',
  'productTest',
  'functionalTest',
  'uiTest',
  'contentAudit',
  'securityTest',
  'loadTest',
  'assetsTest',
  'reportPerformanceTest',
  'approval',
  'schedule',
  'managed',
] as const

export type StepAction = (typeof STEP_ACTIONS)[number]

export type PhaseType = 'VALIDATE' | 'BUILD' | 'DEPLOY'

export interface PipelineStep {
  id: string
  action: StepAction
}

export interface PipelinePhase {
  id: string
  /** `VALIDATE`, `BUILD_1`, `DEPLOY_1` (stage or dev), `DEPLOY_2` (prod). */
  name: string
  type: PhaseType
  repositoryId?: string
  branch?: string
  environmentId?: string
  environmentType?: EnvironmentType
  steps: PipelineStep[]
}

export interface Pipeline extends PipelineConfig {
  id: string
  programId: string
  phases: PipelinePhase[]
  createdAt: number
  updatedAt: number
  lastStartedAt?: number
  lastFinishedAt?: number
  /** The running (or waiting) execution, if any. */
  currentExecutionId?: string
  /** Execution ids, oldest first. */
  executionIds: string[]
  variables: Variable[]
  /** Roles that starred this pipeline (favourites are per user; the simulator's users are its roles). */
  favoriteOf: Role[]
}

export type ExecutionStatus = 'NOT_STARTED' | 'RUNNING' | 'CANCELLING' | 'CANCELLED' | 'FINISHED' | 'ERROR' | 'FAILED'
export type ExecutionTrigger = 'ON_COMMIT' | 'MANUAL' | 'PUSH_UPGRADES' | 'RE_EXECUTE'
export type ExecutionMode = 'NORMAL' | 'EMERGENCY'
export type StepStatus =
  | 'NOT_STARTED'
  | 'RUNNING'
  | 'FINISHED'
  | 'ERROR'
  | 'ROLLING_BACK'
  | 'ROLLED_BACK'
  | 'WAITING'
  | 'CANCELLED'
  | 'FAILED'
  | 'INCOMPLETE'

export type MetricSeverity = 'critical' | 'important' | 'informational'
export type Comparator = 'GT' | 'GTE' | 'LT' | 'LTE' | 'EQ' | 'NEQ'

export interface Metric {
  id: string
  kpi: string
  severity: MetricSeverity
  passed: boolean
  override: boolean
  actualValue: string
  expectedValue: string
  comparator: Comparator
}

/** One activity of a rolling deploy ("Detach dispatcher1 from the load balancer", ...). */
export interface DeployActivity {
  id: number
  description: string
  status: 'NOT_STARTED' | 'RUNNING' | 'FINISHED' | 'FAILED'
  /** [AMS] The API's `stepAction`/`instanceId` (CS production deploys derive them from `id`). */
  command?: { stepAction: string; instanceId: string }
  /** When the activity ended (reported as `updated` in `deploymentStepDescription`). */
  finishedAt?: number
}

export interface StepState {
  id: string
  stepId: string
  phaseId: string
  action: StepAction
  /** How the UI should name a build step that does not build. */
  variant?: 'artifactPreparation' | 'copyArtifacts'
  environmentId?: string
  environmentType?: EnvironmentType
  repositoryId?: string
  branch?: string
  commitId?: string
  status: StepStatus
  startedAt?: number
  finishedAt?: number
  updatedAt: number
  /** Planned duration in virtual ms once running. */
  plannedMs?: number
  metrics?: Metric[]
  /** The last advance/cancel input, echoed as `details.input`. */
  input?: Record<string, unknown>
  /** When a WAITING step times out. */
  timeoutAt?: number
  /** A scheduled deployment's start time. */
  scheduledFor?: number
  /** Rolling deploy activities; the running one is `currentActivityId`. */
  activities?: DeployActivity[]
  currentActivityId?: number
  /** A human-readable result line (failure reason, "Overridden", ...). */
  resultMessage?: string
  /** [AMS] `assetsTest`: the custom test files it uploaded, fixed when it started; empty: the default assets. */
  testAssets?: AssetsTestFile[]
  /** Timer id of the pending transition, so it can be cancelled. */
  timerId?: number
}

export interface Execution {
  id: string
  programId: string
  pipelineId: string
  category: PipelineCategory
  artifactsVersion: string
  user: string
  status: ExecutionStatus
  trigger: ExecutionTrigger
  mode: ExecutionMode
  createdAt: number
  updatedAt: number
  finishedAt?: number
  repositoryId?: string
  branch?: string
  commitId?: string
  /** Prod-only: the stage-only execution whose artifacts are promoted. Re-execute: the original execution. */
  sourceExecutionId?: string
  /** The execution that built the artifacts this one deploys. */
  builtByExecutionId?: string
  /** The execution that validated the artifacts on a lower environment. */
  validatedByExecutionId?: string
  /** Re-execute: the production deploy step it was started from. */
  reExecutedFromStepId?: string
  /** Rollback: redeploys the artifacts of `sourceExecutionId` to production; never re-executable. */
  isRollback?: boolean
  /** Top-level failure reason shown as a banner. */
  failureReason?: string
  steps: StepState[]
}

/** `PAUSED` [AMS]: a deploy pauses (WAITING) after its running activity, until resumed or stopped. */
export type FaultStatus = 'FAILED' | 'ERROR' | 'PAUSED'

/**
 * Makes the next matching step(s) fail; `metric` turns a gate failure into a metric failure;
 * `PAUSED` pauses an AMS deploy instead.
 */
export interface Fault {
  id: string
  pipelineId: string
  action: StepAction
  environmentType?: EnvironmentType
  status: FaultStatus
  metric?: 'critical' | 'important'
  remaining: number
}

/** Things that happen at a virtual time. */
export type TimerPayload =
  | { kind: 'step-done'; executionId: string; stepIndex: number }
  | { kind: 'activity-done'; executionId: string; stepIndex: number; activityId: number }
  | { kind: 'wait-timeout'; executionId: string; stepIndex: number }
  | { kind: 'scheduled-start'; executionId: string; stepIndex: number }
  | { kind: 'environment-ready'; environmentId: string }

/** Something users are told about (the in-app notification bell). */
export interface EngineEvent {
  id: string
  at: number
  type: 'started' | 'waiting' | 'ended'
  programId: string
  pipelineId: string
  executionId: string
  stepAction?: StepAction
  status?: ExecutionStatus | StepStatus
}

/** [AMS] What a person did, as the program's audit trail records it (`audit.ts`). */
export type AuditAction =
  | 'PIPELINE_CREATED'
  | 'PIPELINE_UPDATED'
  | 'PIPELINE_DELETED'
  | 'EXECUTION_STARTED'
  | 'EMERGENCY_EXECUTION_STARTED'
  | 'EXECUTION_CANCELLED'
  | 'APPROVAL_APPROVED'
  | 'APPROVAL_REJECTED'
  | 'METRICS_OVERRIDDEN'
  | 'METRICS_REJECTED'
  | 'CSE_SUPPORT_STARTED'
  | 'CSE_SUPPORT_REJECTED'
  | 'DEPLOYMENT_SCHEDULED'
  | 'PIPELINE_VARIABLES_CHANGED'
  | 'ENVIRONMENT_VARIABLES_CHANGED'

/** [AMS] One entry of a program's audit trail. Names are kept as they were, so entries outlive deleted objects. */
export interface AuditEvent {
  id: string
  at: number
  programId: string
  /** Who: the caller's user and roles. */
  userId: string
  roles: Role[]
  action: AuditAction
  pipelineId?: string
  pipelineName?: string
  executionId?: string
  environmentId?: string
  environmentName?: string
  /** The step a gate decision was about. */
  stepAction?: StepAction
  /** More about what changed: the settings an edit changed, the variables, a trigger or a source. */
  detail?: string
}

export interface EngineState {
  /** Bumped on any change to the shape of this interface; see `snapshot.ts`. */
  version: number
  scenario: string
  clock: ClockState<TimerPayload>
  random: RandomState
  nextId: number
  programs: Program[]
  environments: Environment[]
  repositories: Repository[]
  pipelines: Pipeline[]
  executions: Execution[]
  faults: Fault[]
  events: EngineEvent[]
  /** [AMS] Audit trails of the AMS programs, oldest first (bounded). */
  audit: AuditEvent[]
  /** Counts every state change; lets clients tell whether anything moved. */
  revision: number
}
