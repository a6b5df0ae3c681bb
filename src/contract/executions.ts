/**
 * Wire representations of pipeline executions (Swagger `PipelineExecution`,
 * `PipelineExecutionStepState`, `PipelineStepMetrics`) as the simulator returns them.
 * Simulator-only fields live under `x-sim`.
 */
import type { HalList, HalResource } from './hal'
import type { AssetsTestFile, Blocked, DispatcherPath, EnvironmentType, ExecutionMode, PipelineCategory, Role } from './resources'

/**
 * Step actions. [CS]: buildImage, productTest, functionalTest, uiTest. [AMS]: securityTest,
 * loadTest, assetsTest, reportPerformanceTest, managed (CSE Support).
 */
export type StepAction =
  | 'validate'
  | 'build'
  | 'codeQuality'
  | 'buildImage'
  | 'deploy'
  | 'productTest'
  | 'functionalTest'
  | 'uiTest'
  | 'contentAudit'
  | 'securityTest'
  | 'loadTest'
  | 'assetsTest'
  | 'reportPerformanceTest'
  | 'approval'
  | 'schedule'
  | 'managed'

/**
 * (sim) The execution page's phase groups (left rail and timeline), in order. AMS stage-only:
 * Deployment Preparation, Preprod Deployment, Preprod Testing, Promote Build (no steps); AMS
 * prod-only: Deployment Preparation, Production Deployment; AMS coupled: Stage Deployment,
 * Stage Testing, Production Deployment.
 */
export type PhaseGroupKey =
  | 'deployment-preparation'
  | 'stage-deployment'
  | 'stage-testing'
  | 'preprod-deployment'
  | 'preprod-testing'
  | 'dev-deployment'
  | 'code-quality'
  | 'promote-build'
  | 'production-deployment'

export interface PhaseGroup {
  key: PhaseGroupKey
  title: string
  /** Ids (`StepState.id`) of the steps in this group, in order; empty for Promote Build. */
  stepIds: string[]
}

/** (sim) Who a waiting step waits for, shown to everyone (only those roles get its links). */
export interface WaitingFor {
  roles: Role[]
  /** e.g. "Waiting for a Customer Success Engineer (My CSE) to start the production deployment." */
  description: string
}

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
    /**
     * Deploy activities, live: CS production rolling deploy; AMS deploys (spec §D.9): load
     * balancer detach/attach per dispatcher (unless skipDetachingDispatchers), package installs,
     * dispatcher flush/invalidate of the configured paths.
     */
    activities?: DeployActivity[]
    /** [AMS] The deploy step's options as configured (also in the pipeline's phases). */
    deployOptions?: { skipDetachingDispatchers: boolean; dispatcherPaths: DispatcherPath[] }
    /** [AMS] `managed` step: which CSE oversees it. */
    cse?: 'MY_CSE' | 'ANY_CSE'
    /** [AMS] `assetsTest` step once started: the custom test files it uploads; `[]`: the default assets. */
    testAssets?: AssetsTestFile[]
    /** Set on a WAITING step: who may decide it. */
    waitingFor?: WaitingFor
    /** The phase group this step belongs to (same keys as the execution's `x-sim.phaseGroups`). */
    group?: PhaseGroupKey
    /** Why advance / cancel / reExecute links are absent for this caller, where relevant. */
    blocked: Record<string, Blocked>
  }
}

/** (sim) A production only execution that took a stage-only build; `href` is the execution. */
export interface Promotion {
  executionId: string
  pipelineId: string
  status: ExecutionStatus
  createdAt: string
  href: string
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
  pipelineExecutionMode: ExecutionMode
  pipelineType: 'CI_CD'
  createdAt: string
  updatedAt: string
  finishedAt?: string
  _embedded: { stepStates: StepState[] }
  'x-sim': {
    pipelineName: string
    category: PipelineCategory
    /** The program's flavour when the execution was read: `ams` for `aem_managed_services`. */
    flavour: 'cs' | 'ams'
    /** [AMS] The phase groups of the execution page, in order (absent on CS: the UI groups CS steps itself). */
    phaseGroups?: PhaseGroup[]
    /** [AMS] Emergency executions: the steps the mode skipped (security, performance, experience audit). */
    skippedActions?: StepAction[]
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
    /** Stage-only executions: the production only executions Promote Build started from it, newest first. */
    promotions?: Promotion[]
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

/**
 * (sim) POST `/__sim/faults`. `metric` turns the failure of a quality gate into a failing
 * metric of that severity: `codeQuality`, and on AMS `securityTest`, `loadTest`, `reportPerformanceTest`.
 */
export interface FaultCreate {
  pipelineId: string
  /** A `StepAction` that runs (not approval, schedule or managed). */
  action: string
  environmentType?: EnvironmentType
  /** `PAUSED` [AMS]: a `deploy` pauses (WAITING) until advanced with `{"resume": true | false}`. */
  status: 'FAILED' | 'ERROR' | 'PAUSED'
  count?: number
  metric?: 'important' | 'critical'
}

export interface Fault {
  id: string
  pipelineId: string
  action: string
  environmentType?: EnvironmentType
  status: 'FAILED' | 'ERROR' | 'PAUSED'
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

/**
 * [AMS] Display names of the security and performance testing KPIs (spec §D.5), for Review
 * Summary and Download Details; code scanning and experience audit names are the console's own.
 */
export const AMS_KPI_NAMES: Readonly<Record<string, string>> = {
  deserialization_firewall_attach_api_readiness: 'Deserialization Firewall Attach API Readiness',
  deserialization_firewall_functional: 'Deserialization Firewall Functional',
  deserialization_firewall_loaded: 'Deserialization Firewall Loaded',
  authorizable_node_name_generation: 'Authorizable Node Name Generation',
  default_login_accounts: 'Default Login Accounts',
  sling_get_servlet: 'Sling Get Servlet',
  sling_java_script_handler: 'Sling Java Script Handler',
  sling_jsp_script_handler: 'Sling JSP Script Handler',
  ssl_configuration: 'SSL Configuration',
  user_profile_default_access: 'User Profile Default Access',
  sling_referrer_filter: 'Sling Referrer Filter',
  cq_html_library_manager_config: 'CQ HTML Library Manager Config',
  crxde_support: 'CRXDE Support',
  davex_health_check: 'DavEx Health Check',
  example_content_packages: 'Example Content Packages',
  wcm_filter_configuration: 'WCM Filter Configuration',
  webdav_health_check: 'WebDAV Health Check',
  web_server_configuration: 'Web Server Configuration',
  cq_dispatcher_configuration: 'CQ Dispatcher Configuration',
  replication_and_transport_users: 'Replication and Transport Users',
  error_rate: 'Page Request Error Rate %',
  cpu_utilization_rate: 'CPU Utilization Rate',
  disk_io_wait_time: 'Disk IO Wait Time',
  response_time: '95 Percentile Response Time',
  peak_resp_time: 'Peak Response Time',
  views_per_minute: 'Page Views Per Minute',
  disk_bandwidth_util: 'Disk Bandwidth Utilization',
  network_bandwidth_util: 'Network Bandwidth Utilization',
  requests_per_minute: 'Requests Per Minute',
  assets_uploaded_per_minute: 'Assets Uploaded Per Minute',
  assets_processing_time_95: '95th Percentile Processing Time',
}
