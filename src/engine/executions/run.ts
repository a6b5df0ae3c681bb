/**
 * Running an execution: steps start one after another, each finishing on a timer; gates
 * evaluate metrics; human gates wait (and time out); the production deploy rolls through its
 * activities. Everything is driven by `onTimer` and by the decisions in `decisions.ts`.
 */
import { DEFAULT_PROGRAM_KPIS, performanceMetrics, performanceReportMetrics, securityTestMetrics } from '../ams-metrics'
import { testAssetsOf } from '../assets-test-files'
import type { EngineContext } from '../context'
import { takeFault } from '../faults'
import { type Flavour, flavourOf } from '../flavour'
import { codeQualityMetrics, contentAuditMetrics, describeMetric, failingCritical, failingImportant } from '../metrics'
import type { DeployActivity, Execution, ExecutionStatus, Fault, Metric, StepState } from '../model'
import { amsActivityDuration, planAmsDeploy } from './ams-deploy'
import { isHumanStep, isProdDeploy, stepLabel } from './common'
import {
  AMS_SHORT_WAIT_TIMEOUT_MS,
  ARTIFACT_PREPARATION_MS,
  COPY_ARTIFACTS_MS,
  DAY,
  DURATION_JITTER,
  PAUSED_DEPLOY_TIMEOUT_MS,
  PROD_DEPLOY_MS,
  REUSED_BUILD_MS,
  STEP_DURATION_MS,
  WAIT_TIMEOUT_MS,
} from './durations'
import { activityDuration, planActivities } from './rolling'

type EndStatus = Extract<ExecutionStatus, 'FINISHED' | 'FAILED' | 'ERROR' | 'CANCELLED'>

function baseDuration(execution: Execution, step: StepState): number {
  if (step.action === 'build') {
    if (step.variant === 'artifactPreparation') return ARTIFACT_PREPARATION_MS
    if (step.variant === 'copyArtifacts') return COPY_ARTIFACTS_MS
    if (execution.builtByExecutionId !== undefined && execution.builtByExecutionId !== execution.id) return REUSED_BUILD_MS
  }
  if (isProdDeploy(step)) return PROD_DEPLOY_MS
  return STEP_DURATION_MS[step.action]
}

/** Starts step `index`: it runs on a timer, or waits for a person. */
export function beginStep(ctx: EngineContext, execution: Execution, index: number): void {
  const step = execution.steps[index] as StepState
  const now = ctx.now
  step.startedAt = now
  step.updatedAt = now
  execution.updatedAt = now
  if (isHumanStep(step)) {
    waitAt(ctx, execution, index)
    return
  }
  step.status = 'RUNNING'
  if (step.action === 'assetsTest') {
    // Fixed when the test starts, so the step's result does not change with later edits of the pipeline.
    step.testAssets = testAssetsOf(ctx.findPipeline(execution.pipelineId)?.stageTesting.assetsTestFiles ?? [])
  }
  const ms = ctx.random.jitter(baseDuration(execution, step), DURATION_JITTER)
  step.plannedMs = ms
  const ams = flavourOf(ctx, execution.programId) === 'ams'
  if (step.action === 'deploy' && (ams || isProdDeploy(step))) {
    const env = step.environmentId === undefined ? undefined : ctx.findEnvironment(step.environmentId)
    if (ams) {
      const pipeline = ctx.findPipeline(execution.pipelineId)
      const envKey =
        step.environmentType === 'prod' || step.environmentType === 'stage' || step.environmentType === 'dev'
          ? step.environmentType
          : undefined
      const paths = pipeline && envKey ? pipeline.dispatcherPaths[envKey] : []
      step.activities = planAmsDeploy(
        step.environmentType,
        env?.publishPairs ?? 1,
        paths,
        pipeline?.skipDetachingDispatchers ?? false,
      )
    } else {
      step.activities = planActivities(env?.publishPairs ?? 2)
    }
    startActivity(ctx, execution, index, 1)
    return
  }
  step.timerId = ctx.clock.schedule(now + ms, { kind: 'step-done', executionId: execution.id, stepIndex: index })
}

function startActivity(ctx: EngineContext, execution: Execution, index: number, activityId: number): void {
  const step = execution.steps[index] as StepState
  const activities = step.activities ?? []
  const activity = activities[activityId - 1]
  if (!activity) return
  activity.status = 'RUNNING'
  step.currentActivityId = activityId
  const total = step.plannedMs ?? PROD_DEPLOY_MS
  const ms = activity.command
    ? amsActivityDuration(activities, activityId, total)
    : activityDuration(activityId, activities.length, total)
  step.timerId = ctx.clock.schedule(ctx.now + ms, {
    kind: 'activity-done',
    executionId: execution.id,
    stepIndex: index,
    activityId,
  })
}

/**
 * How long a step may wait (spec §D.7, §K.5): 14 days on Cloud Service; on AMS 7 days for the
 * quality gates and the approval after the stage deployment, 14 for production approval,
 * schedule and CSE Support; a paused deploy (stage, dev or production) 7.
 */
export function waitTimeoutMs(flavour: Flavour, step: Pick<StepState, 'action' | 'environmentType'>): number {
  if (flavour === 'cs') return WAIT_TIMEOUT_MS
  if (step.action === 'deploy') return PAUSED_DEPLOY_TIMEOUT_MS
  if (step.action === 'schedule' || step.action === 'managed') return WAIT_TIMEOUT_MS
  if (step.action === 'approval') return step.environmentType === 'prod' ? WAIT_TIMEOUT_MS : AMS_SHORT_WAIT_TIMEOUT_MS
  return AMS_SHORT_WAIT_TIMEOUT_MS
}

/** Puts a step into WAITING with its timeout (`waitTimeoutMs`). */
export function waitAt(ctx: EngineContext, execution: Execution, index: number, message?: string): void {
  const step = execution.steps[index] as StepState
  const now = ctx.now
  step.status = 'WAITING'
  step.updatedAt = now
  step.timeoutAt = now + waitTimeoutMs(flavourOf(ctx, execution.programId), step)
  step.timerId = ctx.clock.schedule(step.timeoutAt, { kind: 'wait-timeout', executionId: execution.id, stepIndex: index })
  if (message !== undefined) step.resultMessage = message
  execution.updatedAt = now
  ctx.emit({
    type: 'waiting',
    programId: execution.programId,
    pipelineId: execution.pipelineId,
    executionId: execution.id,
    stepAction: step.action,
    status: 'WAITING',
  })
  ctx.touch()
}

function clearTimer(ctx: EngineContext, step: StepState): void {
  if (step.timerId !== undefined) {
    ctx.clock.cancel(step.timerId)
    step.timerId = undefined
  }
}

/** Ends step `index` FINISHED and starts the next one, or finishes the execution. */
export function completeStep(ctx: EngineContext, execution: Execution, index: number, message?: string): void {
  const step = execution.steps[index] as StepState
  const now = ctx.now
  clearTimer(ctx, step)
  step.status = 'FINISHED'
  step.finishedAt = now
  step.updatedAt = now
  step.timeoutAt = undefined
  if (message !== undefined) step.resultMessage = message
  const next = index + 1
  if (next < execution.steps.length) beginStep(ctx, execution, next)
  else endExecution(ctx, execution, 'FINISHED')
  ctx.touch()
}

/** Ends step `index` (and so the execution) FAILED, ERROR or CANCELLED. */
export function stopStep(
  ctx: EngineContext,
  execution: Execution,
  index: number,
  status: Exclude<EndStatus, 'FINISHED'>,
  reason: string,
): void {
  const step = execution.steps[index] as StepState
  const now = ctx.now
  clearTimer(ctx, step)
  if (step.activities && step.currentActivityId !== undefined) {
    const running = step.activities[step.currentActivityId - 1]
    if (running && running.status === 'RUNNING') running.status = 'FAILED'
  }
  step.status = status
  if (step.startedAt === undefined) step.startedAt = now
  step.finishedAt = now
  step.updatedAt = now
  step.timeoutAt = undefined
  step.resultMessage = reason
  execution.failureReason = reason
  endExecution(ctx, execution, status)
}

export function endExecution(ctx: EngineContext, execution: Execution, status: EndStatus): void {
  const now = ctx.now
  execution.status = status
  execution.finishedAt = now
  execution.updatedAt = now
  const pipeline = ctx.findPipeline(execution.pipelineId)
  if (pipeline && pipeline.currentExecutionId === execution.id) {
    pipeline.currentExecutionId = undefined
    pipeline.lastFinishedAt = now
  }
  ctx.emit({ type: 'ended', programId: execution.programId, pipelineId: execution.pipelineId, executionId: execution.id, status })
  ctx.touch()
}

export function faultReason(step: StepState, fault: Fault): string {
  const label = stepLabel(step)
  if (fault.status === 'ERROR')
    return `${label} ended with an internal error (simulated infrastructure failure). Retry the execution.`
  switch (step.action) {
    case 'build':
      return 'Build failed: BUILD_MAVEN_TRANSFER_ARTIFACT_ERROR – merge conflicts with destination branch'
    case 'deploy':
      return `${label} failed: the deployment did not pass its health checks and was rolled back.`
    case 'productTest':
    case 'functionalTest':
    case 'uiTest':
      return `${label} failed: 3 of 42 tests failed.`
    default:
      return `${label} failed.`
  }
}

/** The execution if it is running and step `index` has `status`; stale timers find nothing. */
function liveExecution(
  ctx: EngineContext,
  executionId: string,
  index: number,
  status: StepState['status'],
): Execution | undefined {
  const execution = ctx.findExecution(executionId)
  if (!execution || execution.status !== 'RUNNING') return undefined
  const step = execution.steps[index]
  return step && step.status === status ? execution : undefined
}

/** A running step's time is up. */
export function onStepDone(ctx: EngineContext, executionId: string, index: number): void {
  const execution = liveExecution(ctx, executionId, index, 'RUNNING')
  if (!execution) return
  const step = execution.steps[index] as StepState
  step.timerId = undefined
  const fault = takeFault(ctx, execution, step)
  if (fault?.status === 'PAUSED') {
    pauseDeploy(ctx, execution, index)
    return
  }
  if (fault && fault.metric === undefined) {
    stopStep(ctx, execution, index, fault.status, faultReason(step, fault))
    return
  }
  const metrics = gateMetrics(ctx, execution, step, fault?.metric)
  if (metrics) {
    evaluateGate(ctx, execution, index, metrics)
    return
  }
  if (step.action === 'contentAudit') step.metrics = contentAuditMetrics(ctx)
  completeStep(ctx, execution, index)
}

/** The metrics a quality gate reports (spec §D.5), or undefined for a step that is not a gate. */
function gateMetrics(
  ctx: EngineContext,
  execution: Execution,
  step: StepState,
  failing?: 'important' | 'critical',
): Metric[] | undefined {
  const flavour = flavourOf(ctx, execution.programId)
  const program = ctx.findProgram(execution.programId)
  const kpis = program?.kpis ?? DEFAULT_PROGRAM_KPIS
  switch (step.action) {
    case 'codeQuality':
      return codeQualityMetrics(ctx, failing, flavour)
    case 'securityTest':
      return securityTestMetrics(ctx, failing)
    case 'loadTest':
      return performanceMetrics(ctx, kpis, failing)
    case 'reportPerformanceTest':
      return performanceReportMetrics(ctx, kpis, program?.solutions ?? [], failing)
    default:
      return undefined
  }
}

/** What a gate is called in failure reasons. */
function gateName(step: StepState): string {
  return step.action === 'codeQuality' ? 'Code scanning' : stepLabel(step)
}

/** Critical failures fail the step; important ones wait, fail or continue per the pipeline's setting. */
function evaluateGate(ctx: EngineContext, execution: Execution, index: number, metrics: Metric[]): void {
  const step = execution.steps[index] as StepState
  step.metrics = metrics
  const name = gateName(step)
  const critical = failingCritical(metrics)
  if (critical.length > 0) {
    stopStep(ctx, execution, index, 'FAILED', `${name} found critical failures: ${critical.map(describeMetric).join('; ')}.`)
    return
  }
  const important = failingImportant(metrics)
  if (important.length === 0) {
    completeStep(ctx, execution, index)
    return
  }
  const summary = important.map(describeMetric).join('; ')
  const pipeline = ctx.findPipeline(execution.pipelineId)
  // Code scanning that ends the run (a code quality pipeline) has nothing to continue to (spec §D.3 #4).
  const lastStep = index === execution.steps.length - 1 && step.action === 'codeQuality'
  if (lastStep || (pipeline?.category === 'nonProduction' && pipeline.nonProdKind === 'codeQuality')) {
    stopStep(
      ctx,
      execution,
      index,
      'FAILED',
      `${name} found important failures, which cannot be overridden in a code quality pipeline: ${summary}.`,
    )
    return
  }
  switch (pipeline?.importantMetricFailureBehavior ?? 'ASK') {
    case 'FAIL':
      stopStep(ctx, execution, index, 'FAILED', `${name} found important failures (Fail Immediately): ${summary}.`)
      return
    case 'CONTINUE':
      for (const m of important) m.override = true
      completeStep(ctx, execution, index, 'Overridden')
      return
    case 'ASK':
      waitAt(ctx, execution, index, `Important metrics failed: ${summary}. Override or reject.`)
  }
}

/** One activity of the rolling production deploy is done. */
export function onActivityDone(ctx: EngineContext, executionId: string, index: number, activityId: number): void {
  const execution = liveExecution(ctx, executionId, index, 'RUNNING')
  if (!execution) return
  const step = execution.steps[index] as StepState
  const activities = step.activities ?? []
  const activity = activities[activityId - 1]
  if (!activity || activity.status !== 'RUNNING') return
  step.timerId = undefined
  const now = ctx.now
  const fault = takeFault(ctx, execution, step)
  if (fault?.status === 'PAUSED') {
    activity.status = 'FINISHED'
    activity.finishedAt = now
    pauseDeploy(ctx, execution, index, activity)
    return
  }
  if (fault) {
    activity.status = 'FAILED'
    activity.finishedAt = now
    stopStep(ctx, execution, index, fault.status, `${faultReason(step, fault)} (${activity.description})`)
    return
  }
  activity.status = 'FINISHED'
  activity.finishedAt = now
  step.updatedAt = now
  execution.updatedAt = now
  if (activityId < activities.length) {
    startActivity(ctx, execution, index, activityId + 1)
    ctx.touch()
  } else {
    step.currentActivityId = undefined
    completeStep(ctx, execution, index)
  }
}

/** The activity a paused deploy carries on with: the first that has not run. */
const nextActivity = (step: StepState): DeployActivity | undefined => step.activities?.find((a) => a.status === 'NOT_STARTED')

/**
 * [AMS] A deploy pauses (spec §D.1, §D.8): it waits after `after`, its last finished activity,
 * until it is resumed (`{"resume": true}`) or stopped (`{"resume": false}`), or times out.
 */
export function pauseDeploy(ctx: EngineContext, execution: Execution, index: number, after?: DeployActivity): void {
  const step = execution.steps[index] as StepState
  step.currentActivityId = undefined
  const next = nextActivity(step)
  const where = after ? ` after "${after.description}"` : ''
  const then = next ? `resume to continue with "${next.description}"` : 'resume to complete it'
  waitAt(ctx, execution, index, `Deployment paused${where}: ${then}, or stop it.`)
}

/** [AMS] Resumes a paused deploy at its next activity (or completes it when none is left). */
export function resumeDeploy(ctx: EngineContext, execution: Execution, index: number, message: string): void {
  const step = execution.steps[index] as StepState
  clearTimer(ctx, step)
  step.status = 'RUNNING'
  step.timeoutAt = undefined
  step.updatedAt = ctx.now
  step.resultMessage = message
  execution.updatedAt = ctx.now
  const next = nextActivity(step)
  if (next) {
    startActivity(ctx, execution, index, next.id)
    ctx.touch()
  } else completeStep(ctx, execution, index)
}

export function onWaitTimeout(ctx: EngineContext, executionId: string, index: number): void {
  const execution = liveExecution(ctx, executionId, index, 'WAITING')
  if (!execution) return
  const step = execution.steps[index] as StepState
  step.timerId = undefined
  const flavour = flavourOf(ctx, execution.programId)
  const days = Math.round(waitTimeoutMs(flavour, step) / DAY)
  stopStep(
    ctx,
    execution,
    index,
    'CANCELLED',
    `${stepLabel(step, flavour)} waited ${days} days without a decision and timed out.`,
  )
}

export function onScheduledStart(ctx: EngineContext, executionId: string, index: number): void {
  const execution = liveExecution(ctx, executionId, index, 'WAITING')
  const step = execution?.steps[index]
  if (!execution || !step || step.scheduledFor === undefined || step.scheduledFor > ctx.now) return
  step.timerId = undefined
  completeStep(ctx, execution, index)
}
