/**
 * Wire representations of the Cloud Manager API (Swagger definitions) as this API returns
 * them. Simulator-only fields live under `x-sim` so they can be told apart and swapped out.
 */
import type { HalList, HalResource } from './hal'

export type Role = 'business-owner' | 'deployment-manager' | 'program-manager' | 'developer' | 'cse'
/** Every role token (`Authorization: Bearer <token>`); `admin` holds the first four, never `cse`. */
export const ROLE_TOKENS: readonly Role[] = ['business-owner', 'deployment-manager', 'program-manager', 'developer', 'cse']
/** Roles that exist on AMS programs only (offer them only where `program.type` is `aem_managed_services`). */
export const AMS_ONLY_ROLES: readonly Role[] = ['cse']

/** The program's flavour (spec §0.1): Cloud Service or Managed Services. Everything AMS follows from it. */
export type ProgramType = 'aem_cloud_service' | 'aem_managed_services'
export const AMS_PROGRAM_TYPE: ProgramType = 'aem_managed_services'

/** (sim) Licensed solutions; AMS performance testing runs the Sites and Assets tests per solution. */
export type Solution = 'sites' | 'assets' | 'forms' | 'screens'

/** Why an action is not offered: present where the corresponding link is absent. */
export interface Blocked {
  code: string
  reason: string
}

export interface EmbeddedProgram extends HalResource {
  id: string
  name: string
  enabled: boolean
  tenantId: string
  status: string
  createdAt: string
  updatedAt: string
}

export type AddPipelineKind = 'production' | 'nonProduction' | 'prodOnly'

export interface Program extends EmbeddedProgram {
  imsOrgId: string
  type: ProgramType
  capabilities?: Record<string, unknown>
  /** (sim) [AMS] Emergency Mode enabled (absent on Cloud Service programs); the `emergencyMode` link changes it. */
  emergencyModeEnabled?: boolean
  'x-sim'?: {
    region: string
    /** [AMS] Emergency Mode enabled for the program (by a CSE): runs may start with `pipelineExecutionMode=EMERGENCY`. Always false on CS. */
    emergencyMode: boolean
    solutions: Solution[]
    /** [AMS] The KPIs performance testing compares against (95th percentile response time, page views per minute). */
    kpis?: { responseTimeMs95: number; pageViewsPerMinute: number }
    /** For each entry of the Add Pipeline menu: allowed, or why not. */
    addPipeline: Record<AddPipelineKind, Offer>
    /** Whether this caller may request an additional staging environment now, and if not, why. */
    requestAdditionalStage?: Offer
    /** Whether this caller may add environments, and which types the program can still take. */
    addEnvironment?: Offer & { types: Record<EnvironmentCreate['type'], Offer> }
  }
}

/** (sim) An action this caller may take now, or the reason it may not. */
export interface Offer {
  allowed: boolean
  reason?: string
}

export type ProgramList = HalList<'programs', EmbeddedProgram>

export type EnvironmentType = 'dev' | 'stage' | 'prod' | 'rde' | 'preprod'

export interface Environment extends HalResource {
  id: string
  programId: string
  name: string
  description: string
  type: EnvironmentType
  status: string
  region: string
  availableLogOptions: Array<{ service: string; name: string }>
  'x-sim'?: {
    isAdditionalStage: boolean
    createdAt: string
    request?: { baseBranch: 'INTEGRATION' | 'MASTER'; requestedAt: string; readyAt: string }
    /** Set while a pipeline deploys to, or waits before deploying to, this environment. */
    lock?: { pipelineId: string; pipelineName: string; executionId: string; reason: string }
    /** Whether this caller may delete the environment now, and if not, why. */
    delete?: Offer
  }
}

export type EnvironmentList = HalList<'environments', Environment>

/** POST `/api/program/{programId}/environments` (Swagger `NewEnvironment`). */
export interface EnvironmentCreate {
  name: string
  type: 'dev' | 'stage' | 'prod' | 'rde'
  region: string
  description?: string
}

/** (sim) POST `/api/program/{programId}/environments/additionalStageRequests` → 202 `Environment`. */
export interface AdditionalStageRequest {
  name: string
  description?: string
  baseBranch: 'INTEGRATION' | 'MASTER'
  /** Optional; when given it must be the region of Stage and Production. */
  region?: string
}

/** A variable as the API returns it: secrets never carry a value. */
export interface Variable {
  name: string
  value?: string
  type: 'string' | 'secretString'
  service?: string
  status: 'creating' | 'ready' | 'deleting' | 'deleted' | 'updating' | 'failed' | 'deleted_failed'
}

export type VariableList = HalList<'variables', Variable> & {
  /** Set when this caller cannot PATCH the list now (role, environment lock, running pipeline). */
  'x-sim'?: { blocked?: Blocked }
}

/** One entry of a PATCH `…/variables` body; an empty value deletes. */
export interface VariableUpdate {
  name: string
  value: string
  type?: 'string' | 'secretString'
  service?: string
}

export interface Repository extends HalResource {
  id: string
  repo: string
  description: string
  repositoryUrl: string
}

export type RepositoryList = HalList<'repositories', Repository>

export interface Branch extends HalResource {
  programId: string
  repositoryId: number
  name: string
}

export type BranchList = HalList<'branches', Branch>

export interface PipelineStep {
  name: string
  options?: Record<string, unknown>
}

export interface PipelinePhase {
  name: string
  type: 'VALIDATE' | 'BUILD' | 'DEPLOY'
  repositoryId?: string
  branch?: string
  environmentId?: string
  environmentType?: EnvironmentType
  steps?: PipelineStep[]
}

export type PipelineCategory = 'production' | 'nonProduction' | 'stageOnly' | 'prodOnly'

/** [AMS] Which CSE oversees the managed production deploy (`managed` step option `cse`). */
export type CseOversight = 'MY_CSE' | 'ANY_CSE'
/** [AMS] Dispatcher Configuration row: TYPE Flush | Invalidate. */
export type DispatcherPathType = 'FLUSH' | 'INVALIDATE'
export interface DispatcherPath {
  /** Starts with `/`; each path at most once per environment. */
  path: string
  type: DispatcherPathType
}
/** [AMS] Dispatcher paths per environment of the pipeline (at most 100 each); keys are environment types. */
export type DispatcherPaths = Partial<Record<'dev' | 'stage' | 'prod', DispatcherPath[]>>
/** [AMS] A custom test file of the Assets performance test. */
export interface AssetsTestFile {
  format: 'PDF' | 'IMAGE'
  fileName: string
}
/** [AMS] Sites performance test page sets; traffic splits equally among the enabled ones. */
export type SitesPageSet = 'POPULAR' | 'OTHER' | 'NEW'

/** Production deploy options. CS: pauseBeforeProd, scheduled. AMS: goLiveApproval, scheduled, cseOversight. */
export interface ProductionOptions {
  /** [CS] Pause before deploying to Production (approval gate). Refused as true on AMS. */
  pauseBeforeProd: boolean
  /** Scheduled (both flavours). */
  scheduled: boolean
  /** [AMS] Use Go Live Approval (approval gate before the production deploy). Absent on CS. */
  goLiveApproval?: boolean
  /** [AMS] Use CSE Oversight: Any CSE / My CSE; null when off. Absent on CS. */
  cseOversight?: CseOversight | null
}

/** The simulator's pipeline settings (the UI-only configuration of spec §H.5). */
export interface PipelineSettings {
  category: PipelineCategory
  nonProdKind?: 'codeQuality' | 'deployment'
  importantMetricFailureBehavior: 'ASK' | 'FAIL' | 'CONTINUE'
  codeSource: 'fullStack' | 'config' | 'frontEnd' | 'webTierConfig'
  repositoryId?: string
  branch?: string
  codeLocation: string
  buildStrategy: 'FULL' | 'SMART'
  ignoreWebTierConfig: boolean
  environmentIds: string[]
  productionOptions: ProductionOptions
  stageTesting: {
    /** [CS] Refused as true on AMS (AMS stage testing is security and performance testing). */
    productFunctional: boolean
    /** [CS] */
    customFunctional: boolean
    /** [CS] */
    customUi: boolean
    experienceAudit: boolean
    experienceAuditPaths: string[]
    /** [AMS] Sites content delivery/distributed load weight: at least one set. Absent on CS. */
    sitesPageSets?: SitesPageSet[]
    /** [AMS] Assets performance testing distribution: images + pdfs = 100. Absent on CS. */
    assetsSplit?: { images: number; pdfs: number }
    /**
     * [AMS] Custom test files of the Assets performance test (names only; no contents are stored): the
     * extension must fit the format, at most 20, each name once; an edit may not remove a saved one. Absent on CS.
     */
    assetsTestFiles?: AssetsTestFile[]
  }
  /** [AMS] Approve after Stage Deployment: an approval right after the stage deploy, before testing. Absent on CS. */
  approveAfterStageDeployment?: boolean
  /** [AMS] Skip Load Balancer changes (`deploy` step option `skipDetachingDispatchers`). Absent on CS. */
  skipDetachingDispatchers?: boolean
  /** [AMS] Dispatcher Configuration (deploy step options `dispatcherCacheFlushPaths` / `…InvalidationPaths`). Absent on CS. */
  dispatcherPaths?: DispatcherPaths
}

export interface Pipeline extends HalResource {
  id: string
  programId: string
  name: string
  trigger: 'ON_COMMIT' | 'MANUAL'
  status: 'IDLE' | 'BUSY' | 'WAITING'
  type: 'CI_CD'
  createdAt: string
  updatedAt: string
  lastStartedAt?: string
  lastFinishedAt?: string
  phases: PipelinePhase[]
  'x-sim': PipelineSettings & {
    favorite: boolean
    currentExecutionId?: string
    lastExecutionId?: string
    /** [AMS] The status is WAITING because a deploy is paused (shown as Paused, not Waiting). */
    paused?: true
    /** Why an action is unavailable, keyed by action (`start`, `edit`, `delete`, `emergency`, ...). */
    blocked: Record<string, Blocked>
    /**
     * The `pipelineExecutionMode`s a run may use: `["NORMAL"]`, or `["NORMAL", "EMERGENCY"]` on an
     * AMS program with Emergency Mode enabled (then show the Run Pipeline dialog, spec §D.11).
     */
    runModes: ExecutionMode[]
    /** [AMS] Settings this caller may not change (`approval`: Pipeline Modify Approval, `cseOversight`: Managed Deployment). */
    readOnlySettings?: Record<string, Blocked>
    /** [AMS] The test categories the pipeline runs, read off its steps (the Edit dialogs' read-only Testing list). */
    testingCategories?: AmsTestingCategory[]
  }
}

/** [AMS] Static Code Testing (`codeQuality`), Load/Performance Testing (`loadTest`, `assetsTest`, `reportPerformanceTest`), Security Testing (`securityTest`). */
export type AmsTestingCategory = 'STATIC_CODE' | 'PERFORMANCE' | 'SECURITY'

export type ExecutionMode = 'NORMAL' | 'EMERGENCY'

export type PipelineList = HalList<'pipelines', Pipeline>

/** The body of the simulator's create-pipeline call (spec §H.5). */
export type PipelineCreate = Partial<PipelineSettings> & {
  name: string
  category: PipelineCategory
  trigger?: 'ON_COMMIT' | 'MANUAL'
}

export type PipelinePatch = Partial<PipelineSettings> & {
  name?: string
  trigger?: 'ON_COMMIT' | 'MANUAL'
  phases?: Array<Partial<PipelinePhase>>
}

export interface SimClock {
  now: string
  speed: number
  paused: boolean
}

export interface SimScenario {
  name: string
  description: string
}

/** PUT `/__sim/state` → 200: what was imported. */
export interface SimStateSummary {
  scenario: string
  now: string
  revision: number
  counts: { programs: number; environments: number; repositories: number; pipelines: number; executions: number }
}

export interface SimScenarioList {
  current: string
  scenarios: SimScenario[]
}
