/**
 * Wire representations of pipeline executions (Swagger `PipelineExecution`,
 * `PipelineExecutionStepState`, `PipelineStepMetrics`) as the simulator returns them.
 * Simulator-only fields live under `x-sim`.
 */
import type { HalList, HalResource } from './hal'
import type { Blocked, EnvironmentType, PipelineCategory } from './resources'

export type ExecutionStatus = 'NOT_STARTED' | 'RUNNING' | 'CANCELLING' | 'CANCELLED' | 'FINISHED' | 'ERROR' | 'FAILED'
export type ExecutionTrigger = 'ON_COMMIT' | 'MANUAL' | 'PUSH_UPGRADES' | 'RE_EXECUTE'
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

export interface Metric {
  id: string
  kpi: string
  severity: 'critical' | 'important' | 'informational'
  passed: boolean
  override: boolean
  actualValue: string
  expectedValue: string
  comparator: 'GT' | 'GTE' | 'LT' | 'LTE' | 'EQ' | 'NEQ'
}

export interface MetricList {
  metrics: Metric[]
}

/** One activity of the rolling production deploy. */
export interface DeployActivity {
  id: number
  description: string
  status: 'NOT_STARTED' | 'RUNNING' | 'FINISHED' | 'FAILED'
  finishedAt?: string
}

export interface StepDetails {
  environmentUrls?: Array<{ instanceType: 'author' | 'publish' | 'preview'; instanceUrl: string }>
  /** JSON array (as a string) of the planned deploy activities. */
  deployCommands?: string
  /** The `id` (as a string, per Swagger) of the running entry of `deployCommands`. */
  currentDeployCommandId?: string
  /** JSON array (as a string) of the activities performed so far. */
  deploymentStepDescription?: string
  /** The last advance/cancel body. */
  input?: Record<string, unknown>
}

export interface StepState extends HalResource {
  id: string
  stepId: string
  phaseId: string
  executionId: string
  pipelineId: string
  programId: string
  action: string
  status: StepStatus
  startedAt?: string
  finishedAt?: string
  updatedAt: string
  repository?: string
  branch?: string
  commitId?: string
  environment?: string
  environmentId?: string
  environmentType?: EnvironmentType
  details: StepDetails
  'x-sim': {
    /** The product's name for the step (e.g. "Artifact Preparation"). */
    label: string
    variant?: 'artifactPreparation' | 'copyArtifacts'
    /** Result line: failure reason, "Overridden", "Approved by …". */
    resultMessage?: string
    /** A waiting step times out (step and execution CANCELLED) at this time. */
    timeoutAt?: string
    /** A scheduled production deploy starts at this time. */
    scheduledFor?: string
    plannedDurationMs?: number
    activities?: DeployActivity[]
    /** Why advance / cancel / reExecute links are absent for this caller, where relevant. */
    blocked: Record<string, Blocked>
  }
}

export interface RollbackRisk {
  message: string
  productionArtifactsVersion: string
  productionExecutionId: string
}

export interface Execution extends HalResource {
  id: string
  programId: string
  pipelineId: string
  artifactsVersion: string
  user: string
  status: ExecutionStatus
  trigger: ExecutionTrigger
  pipelineExecutionMode: 'NORMAL' | 'EMERGENCY'
  pipelineType: 'CI_CD'
  createdAt: string
  updatedAt: string
  finishedAt?: string
  _embedded: { stepStates: StepState[] }
  'x-sim': {
    pipelineName: string
    category: PipelineCategory
    sourceExecutionId?: string
    builtByExecutionId?: string
    validatedByExecutionId?: string
    reExecutedFromStepId?: string
    /** A rollback execution (spec §F.4): redeploys `sourceExecutionId`'s artifacts; never re-executable. */
    isRollback?: boolean
    /** Top-level failure reason (the red banner). */
    failureReason?: string
    /** Set when this execution deploys artifacts older than what production ran when it started. */
    rollbackRisk?: RollbackRisk
    /** Stage-only executions: whether Promote Build may run from here, and if not, why. */
    canPromote?: { allowed: boolean; reason?: string; prodOnlyPipelineId?: string; rollbackRisk?: RollbackRisk }
  }
}

export type ExecutionList = HalList<'executions', Execution>

/** (sim) One row of GET `/api/program/{programId}/executions` (the Activity page, spec §B.7). */
export interface ActivityExecution extends Execution {
  'x-sim': Execution['x-sim'] & {
    /** The ACTION column: "Full Stack Pipeline Execution", "Re-execution", "Rollback Execution", "Promote Build", … */
    action: string
  }
}

/** (sim) GET `/api/program/{programId}/executions?start=&limit=&pipelineId=&status=&trigger=`, newest first. */
export type ActivityList = HalList<'executions', ActivityExecution>

/** (sim) GET `…/pipeline/{prodOnlyId}/promotableExecutions`. */
export type PromotableExecutionList = HalList<
  'executions',
  Pick<Execution, 'id' | 'pipelineId' | 'artifactsVersion' | 'status' | 'createdAt' | 'finishedAt' | '_links'> & {
    commitId?: string
    repository?: string
    branch?: string
    latest: boolean
    rollbackRisk?: RollbackRisk
  }
>

export interface Artifact extends HalResource {
  id: string
  /** The step's action (Swagger requires it). */
  stepName: string
  type: 'LOG_FILE' | 'SCAN_ISSUES' | 'CONTENT_AUDIT_RESULTS'
  file: string
  format: string
}

export type ArtifactList = HalList<'artifacts', Artifact>

/** `GET …/logs` with `Accept: application/json`. */
export interface Redirect {
  redirect: string
}

/** (sim) POST `/__sim/faults`. */
export interface FaultCreate {
  pipelineId: string
  action: string
  environmentType?: EnvironmentType
  status: 'FAILED' | 'ERROR'
  count?: number
  metric?: 'important' | 'critical'
}

export interface Fault {
  id: string
  pipelineId: string
  action: string
  environmentType?: EnvironmentType
  status: 'FAILED' | 'ERROR'
  metric?: 'important' | 'critical'
  remaining: number
}

/** (sim) POST `/__sim/git/push` → 201. */
export interface GitPushResult {
  repositoryId: string
  branch: string
  commitId: string
  started: string[]
  skipped: Array<{ pipelineId: string; reason: string }>
}
