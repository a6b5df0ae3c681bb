/**
 * Wire representations of the Cloud Manager API (Swagger definitions) as this API returns
 * them. Simulator-only fields live under `x-sim` so they can be told apart and swapped out.
 */
import type { HalList, HalResource } from './hal'

export type Role = 'business-owner' | 'deployment-manager' | 'program-manager' | 'developer'
export const ROLE_TOKENS: readonly Role[] = ['business-owner', 'deployment-manager', 'program-manager', 'developer']

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
  type: 'aem_cloud_service' | 'aem_managed_services'
  capabilities?: Record<string, unknown>
  'x-sim'?: {
    region: string
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
  productionOptions: { pauseBeforeProd: boolean; scheduled: boolean }
  stageTesting: {
    productFunctional: boolean
    customFunctional: boolean
    customUi: boolean
    experienceAudit: boolean
    experienceAuditPaths: string[]
  }
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
    /** Why an action is unavailable, keyed by action (`start`, `edit`, `delete`, ...). */
    blocked: Record<string, Blocked>
  }
}

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
