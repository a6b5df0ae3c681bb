/**
 * Running an execution: steps start one after another, each finishing on a timer; gates
 * evaluate metrics; human gates wait (and time out); the production deploy rolls through its
 * activities. Everything is driven by `onTimer` and by the decisions in `decisions.ts`.
 */
import type { EngineContext } from '../context'
import { takeFault } from '../faults'
import { codeQualityMetrics, contentAuditMetrics, describeMetric, failingCritical, failingImportant } from '../metrics'
import type { Execution, ExecutionStatus, Fault, StepState } from '../model'
import { isProdDeploy, stepLabel } from './common'
import {
  ARTIFACT_PREPARATION_MS,
  COPY_ARTIFACTS_MS,
  DURATION_JITTER,
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
  if (step.action === 'approval' || step.action === 'schedule') {
    waitAt(ctx, execution, index)
    return
  }
  step.status = 'RUNNING'
  const ms = ctx.random.jitter(baseDuration(execution, step), DURATION_JITTER)
  step.plannedMs = ms
  if (isProdDeploy(step)) {
    const env = step.environmentId === undefined ? undefined : ctx.findEnvironment(step.environmentId)
    const activities = planActivities(env?.publishPairs ?? 2)
    step.activities = activities
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
  const ms = activityDuration(activityId, activities.length, step.plannedMs ?? PROD_DEPLOY_MS)
  step.timerId = ctx.clock.schedule(ctx.now + ms, {
    kind: 'activity-done',
    executionId: execution.id,
    stepIndex: index,
    activityId,
  })
}

/** Puts a step into WAITING with its 14-day timeout. */
export function waitAt(ctx: EngineContext, execution: Execution, index: number, message?: string): void {
  const step = execution.steps[index] as StepState
  const now = ctx.now
  step.status = 'WAITING'
  step.updatedAt = now
  step.timeoutAt = now + WAIT_TIMEOUT_MS
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
  if (fault && fault.metric === undefined) {
    stopStep(ctx, execution, index, fault.status, faultReason(step, fault))
    return
  }
  if (step.action === 'codeQuality') {
    evaluateCodeQuality(ctx, execution, index, fault?.metric)
    return
  }
  if (step.action === 'contentAudit') step.metrics = contentAuditMetrics(ctx)
  completeStep(ctx, execution, index)
}

function evaluateCodeQuality(ctx: EngineContext, execution: Execution, index: number, failing?: 'important' | 'critical'): void {
  const step = execution.steps[index] as StepState
  const metrics = codeQualityMetrics(ctx, failing)
  step.metrics = metrics
  const critical = failingCritical(metrics)
  if (critical.length > 0) {
    stopStep(
      ctx,
      execution,
      index,
      'FAILED',
      `Code scanning found critical failures: ${critical.map(describeMetric).join('; ')}.`,
    )
    return
  }
  const important = failingImportant(metrics)
  if (important.length === 0) {
    completeStep(ctx, execution, index)
    return
  }
  const summary = important.map(describeMetric).join('; ')
  const pipeline = ctx.findPipeline(execution.pipelineId)
  const lastStep = index === execution.steps.length - 1
  if (lastStep || (pipeline?.category === 'nonProduction' && pipeline.nonProdKind === 'codeQuality')) {
    stopStep(
      ctx,
      execution,
      index,
      'FAILED',
      `Code scanning found important failures, which cannot be overridden in a code quality pipeline: ${summary}.`,
    )
    return
  }
  switch (pipeline?.importantMetricFailureBehavior ?? 'ASK') {
    case 'FAIL':
      stopStep(ctx, execution, index, 'FAILED', `Code scanning found important failures (Fail Immediately): ${summary}.`)
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

export function onWaitTimeout(ctx: EngineContext, executionId: string, index: number): void {
  const execution = liveExecution(ctx, executionId, index, 'WAITING')
  if (!execution) return
  const step = execution.steps[index] as StepState
  step.timerId = undefined
  stopStep(ctx, execution, index, 'CANCELLED', `${stepLabel(step)} waited 14 days without a decision and timed out.`)
}

export function onScheduledStart(ctx: EngineContext, executionId: string, index: number): void {
  const execution = liveExecution(ctx, executionId, index, 'WAITING')
  const step = execution?.steps[index]
  if (!execution || !step || step.scheduledFor === undefined || step.scheduledFor > ctx.now) return
  step.timerId = undefined
  completeStep(ctx, execution, index)
}
