/**
 * Execution rules: starting, step progression, gates, cancel, re-execute and promote.
 * The rules live in `executions/*`; this module is their entry point and the timer dispatch.
 */
import type { EngineContext } from './context'
import { onEnvironmentReady } from './environments'
import type { TimerPayload } from './model'
import { onActivityDone, onScheduledStart, onStepDone, onWaitTimeout } from './executions/run'

export {
  type ActivityFilter,
  activityAction,
  programActivity,
  seedHistory,
} from './executions/activity'
export { artifactsVersion, civil, compareArtifactsVersions, formatLogTime } from './executions/calendar'
export {
  currentStepIndex,
  hasLog,
  hasMetrics,
  isHumanStep,
  isQualityGate,
  isProdDeploy,
  isStepDone,
  lastExecutionOf,
  stepIndexOf,
  stepLabel,
} from './executions/common'
export {
  type AdvanceDecision,
  advanceStep,
  type CancelDecision,
  canAdvance,
  canCancel,
  canCancelCurrent,
  cancelExecution,
  cancelStep,
  type StepRef,
  stepDeciders,
  waitingFor,
} from './executions/decisions'
export { WAIT_TIMEOUT_MS } from './executions/durations'
export { type EnvironmentLockInfo, environmentLock } from './executions/locks'
export { canPromote, prodOnlyPipelineOf, promote } from './executions/promote'
export { canReExecute, canReExecuteStep, prodDeployStep, reExecute } from './executions/reexecute'
export { activityCommand } from './executions/rolling'
export {
  canRollback,
  deploysToProduction,
  isSuccessfulDeployment,
  type RollbackPlan,
  rollback,
  rollbackPlan,
} from './executions/rollback'
export {
  executionRollbackRisk,
  latestPromotable,
  promotableExecutions,
  productionReleaseAt,
  type RollbackRisk,
  rollbackRisk,
} from './executions/sources'
export {
  blockingPipeline,
  canRunInEmergency,
  canStart,
  canStartPipeline,
  EMERGENCY_SKIPPED,
  type StartOptions,
  startExecution,
} from './executions/start'
export { type PhaseGroup, type PhaseGroupKey, phaseGroupOf, phaseGroups } from './executions/phase-groups'
export { waitTimeoutMs } from './executions/run'

/** Applies a timer that came due. */
export function onTimer(ctx: EngineContext, payload: TimerPayload): void {
  switch (payload.kind) {
    case 'step-done':
      return onStepDone(ctx, payload.executionId, payload.stepIndex)
    case 'activity-done':
      return onActivityDone(ctx, payload.executionId, payload.stepIndex, payload.activityId)
    case 'wait-timeout':
      return onWaitTimeout(ctx, payload.executionId, payload.stepIndex)
    case 'scheduled-start':
      return onScheduledStart(ctx, payload.executionId, payload.stepIndex)
    case 'environment-ready':
      return onEnvironmentReady(ctx, payload.environmentId)
  }
}

/** Moves the virtual clock to `target`, firing what is due (for scenarios, which hold a context). */
export function advanceClock(ctx: EngineContext, target: number): number {
  const fired = ctx.clock.advanceTo(target, (payload) => onTimer(ctx, payload))
  if (fired > 0) ctx.touch()
  return fired
}

/** Runs the clock until `done()` holds or nothing is left to fire before `limit`. */
export function runUntil(ctx: EngineContext, done: () => boolean, limit = ctx.now + 30 * 86_400_000): boolean {
  while (!done()) {
    const next = ctx.clock.nextDeadline()
    if (next === undefined || next > limit) return false
    advanceClock(ctx, next)
  }
  return true
}
