/**
 * People deciding on steps (spec §D.8): override or reject failed metrics, approve or reject
 * the production gate, schedule the production deploy, cancel a running step.
 */
import { recordDecision } from '../audit'
import type { EngineContext } from '../context'
import { ALLOWED, enforce, forbidden, invalid, refuse, type Verdict } from '../errors'
import { type Flavour, flavourOf } from '../flavour'
import { failingImportant } from '../metrics'
import type { Actor, Execution, Role, StepState } from '../model'
import { hasRole, permits, ROLE_NAMES } from '../permissions'
import { currentStepIndex, isQualityGate, stepIndexOf, stepLabel } from './common'
import { completeStep, resumeDeploy, stopStep } from './run'

export type AdvanceDecision =
  /** Override failed important metrics: `kpis` are those sent with `override: true`. */
  | { kind: 'override'; kpis: readonly string[] }
  | { kind: 'approve' }
  /** Deploy now (`at` absent) or at virtual time `at`. */
  | { kind: 'schedule'; at?: number }
  /** [AMS] A Customer Success Engineer starts the managed production deploy (`{"start": true}`). */
  | { kind: 'start' }
  /** [AMS] A paused deploy carries on (`{"resume": true}`) or stops (`{"resume": false}`, via advance, not cancel). */
  | { kind: 'resume'; resume: boolean }

export type CancelDecision =
  | { kind: 'reject-metrics' }
  | { kind: 'reject-approval' }
  /** [AMS] A Customer Success Engineer declines the managed production deploy (`{"start": false}`). */
  | { kind: 'reject-managed' }
  | { kind: 'cancel' }

export interface StepRef {
  programId: string
  pipelineId: string
  executionId: string
  phaseId: string
  stepId: string
}

const BO: Role = 'business-owner'
const DM: Role = 'deployment-manager'
const PM: Role = 'program-manager'
const CSE: Role = 'cse'

/**
 * Who decides a waiting step (spec §G.2, §D.8): CSE Support only a Customer Success Engineer;
 * a production schedule also a CSE on AMS; every other gate a Business Owner, Deployment
 * Manager or Program Manager.
 */
export function stepDeciders(flavour: Flavour, step: Pick<StepState, 'action'>): Role[] {
  if (step.action === 'managed') return [CSE]
  if (step.action === 'schedule' && flavour === 'ams') return [BO, DM, PM, CSE]
  return [BO, DM, PM]
}

/** Who a waiting step waits for, in words everyone is shown. */
export function waitingFor(
  flavour: Flavour,
  step: Pick<StepState, 'action' | 'environmentType' | 'variant'>,
  cse?: 'MY_CSE' | 'ANY_CSE',
): { roles: Role[]; description: string } {
  const roles = stepDeciders(flavour, step)
  if (step.action === 'managed') {
    const which = cse === 'MY_CSE' ? 'your assigned Customer Success Engineer (My CSE)' : 'a Customer Success Engineer (Any CSE)'
    return { roles, description: `Waiting for ${which} to start or reject the production deployment.` }
  }
  const names = roles.map((r) => ROLE_NAMES[r])
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? '')
  const what = isQualityGate(step)
    ? 'override or reject the important failures'
    : step.action === 'schedule'
      ? 'schedule the production deployment'
      : step.action === 'deploy'
        ? 'resume or stop the paused deployment'
        : 'approve or reject'
  return { roles, description: `Waiting for a ${list} to ${what}.` }
}

function decidedBy(ctx: EngineContext, actor: Actor, execution: Execution, step: StepState): Verdict {
  const flavour = flavourOf(ctx, execution.programId)
  const deciders = stepDeciders(flavour, step)
  if (hasRole(actor, deciders)) return ALLOWED
  const label = stepLabel(step, flavour)
  if (step.action === 'managed') {
    return refuse(forbidden(`${label} waits for a Customer Success Engineer; only a CSE may start or reject it.`))
  }
  if (hasRole(actor, [CSE])) {
    return refuse(forbidden(`A Customer Success Engineer decides CSE Support and production schedules only, not ${label}.`))
  }
  return refuse(
    forbidden(`You don't have permission to decide ${label}: this needs ${deciders.map((r) => ROLE_NAMES[r]).join(', ')}.`),
  )
}

export function canAdvance(ctx: EngineContext, actor: Actor, execution: Execution, step: StepState): Verdict {
  const role = permits(actor, 'advancePipelineExecution')
  if (!role.ok) return role
  if (execution.status !== 'RUNNING' || step.status !== 'WAITING') {
    return refuse(invalid(`${stepLabel(step)} is ${step.status}; only a waiting step can be advanced.`))
  }
  return decidedBy(ctx, actor, execution, step)
}

export function canCancel(ctx: EngineContext, actor: Actor, execution: Execution, step: StepState): Verdict {
  const role = permits(actor, 'cancelPipelineExecutionStep')
  if (!role.ok) return role
  if (execution.status !== 'RUNNING' || (step.status !== 'WAITING' && step.status !== 'RUNNING')) {
    return refuse(invalid(`${stepLabel(step)} is ${step.status}; only a running or waiting step can be cancelled.`))
  }
  if (step.status === 'RUNNING' && !hasRole(actor, [BO, DM])) {
    if (hasRole(actor, [CSE])) return refuse(forbidden('A Customer Success Engineer cannot cancel a running step.'))
    return refuse(forbidden('Program Managers may cancel waiting steps only; this step is running.'))
  }
  if (step.status === 'WAITING') return decidedBy(ctx, actor, execution, step)
  return ALLOWED
}

function locate(ctx: EngineContext, ref: StepRef): { execution: Execution; index: number; step: StepState } {
  const execution = ctx.execution(ref.programId, ref.pipelineId, ref.executionId)
  const index = stepIndexOf(execution, ref.phaseId, ref.stepId)
  return { execution, index, step: execution.steps[index] as StepState }
}

const who = (actor: Actor) => actor.userId || 'a user'

export function advanceStep(
  ctx: EngineContext,
  actor: Actor,
  ref: StepRef,
  decision: AdvanceDecision,
  echo: Record<string, unknown>,
): void {
  const { execution, index, step } = locate(ctx, ref)
  enforce(canAdvance(ctx, actor, execution, step))
  const label = stepLabel(step, flavourOf(ctx, execution.programId))
  if (step.action === 'managed') {
    if (decision.kind !== 'start') throw invalid(`${label} is started with {"start": true}.`)
    step.input = echo
    recordDecision(ctx, actor, execution, step, 'CSE_SUPPORT_STARTED')
    completeStep(ctx, execution, index, `Started by ${who(actor)}`)
    return
  }
  if (decision.kind === 'start') throw invalid(`{"start": true} starts CSE Support; ${label} is not that step.`)
  if (step.action === 'deploy') {
    if (decision.kind !== 'resume') throw invalid(`${label} is paused: advance it with {"resume": true} or {"resume": false}.`)
    step.input = echo
    if (decision.resume) resumeDeploy(ctx, execution, index, `Resumed by ${who(actor)}`)
    else stopStep(ctx, execution, index, 'CANCELLED', `${label} was stopped by ${who(actor)} while paused.`)
    return
  }
  if (decision.kind === 'resume')
    throw invalid(`{"resume": …} resumes or stops a paused deploy; ${label} is not one.`, [
      { field: 'resume', message: 'Only a paused deploy takes resume.', invalidValue: echo.resume },
    ])
  if (step.action === 'approval') {
    if (decision.kind !== 'approve') throw invalid(`${label} is advanced with {"approved": true}.`)
    step.input = echo
    recordDecision(ctx, actor, execution, step, 'APPROVAL_APPROVED')
    completeStep(ctx, execution, index, `Approved by ${who(actor)}`)
    return
  }
  if (step.action === 'schedule') {
    if (decision.kind !== 'schedule')
      throw invalid(`${label} is advanced with {"type": "IMMEDIATE"} or {"type": "SCHEDULED", "schedule": "<ISO-8601>"}.`)
    if (decision.at === undefined) {
      step.input = echo
      step.scheduledFor = undefined
      recordDecision(ctx, actor, execution, step, 'DEPLOYMENT_SCHEDULED', 'Deploy now')
      completeStep(ctx, execution, index, 'Deployed immediately')
      return
    }
    if (decision.at <= ctx.now) {
      throw invalid('The schedule must be in the future.', [
        { field: 'schedule', message: 'Choose a time after now.', invalidValue: echo.schedule },
      ])
    }
    if (step.timerId !== undefined) ctx.clock.cancel(step.timerId)
    step.input = echo
    step.scheduledFor = decision.at
    step.timeoutAt = undefined
    step.updatedAt = ctx.now
    step.resultMessage = 'Scheduled'
    recordDecision(
      ctx,
      actor,
      execution,
      step,
      'DEPLOYMENT_SCHEDULED',
      `Scheduled for ${typeof echo.schedule === 'string' ? echo.schedule : decision.at}`,
    )
    step.timerId = ctx.clock.schedule(decision.at, { kind: 'scheduled-start', executionId: execution.id, stepIndex: index })
    execution.updatedAt = ctx.now
    ctx.touch()
    return
  }
  if (decision.kind !== 'override')
    throw invalid(`${label} is advanced with {"metrics": [{"kpi": "...", "override": true}, ...]}.`)
  const failing = failingImportant(step.metrics)
  const missing = failing.filter((m) => !decision.kpis.includes(m.kpi))
  if (missing.length > 0) {
    throw invalid(
      `An override must list every failing important metric; missing: ${missing.map((m) => m.kpi).join(', ')}.`,
      missing.map((m) => ({ field: 'metrics', message: `Override ${m.kpi} too.`, invalidValue: m.kpi })),
    )
  }
  for (const m of failing) m.override = true
  step.input = echo
  recordDecision(ctx, actor, execution, step, 'METRICS_OVERRIDDEN', `${label}: ${failing.map((m) => m.kpi).join(', ')}`)
  completeStep(ctx, execution, index, 'Overridden')
}

export function cancelStep(
  ctx: EngineContext,
  actor: Actor,
  ref: StepRef,
  decision: CancelDecision,
  echo: Record<string, unknown>,
): void {
  const { execution, index, step } = locate(ctx, ref)
  enforce(canCancel(ctx, actor, execution, step))
  applyCancel(ctx, actor, execution, index, decision, echo)
}

function applyCancel(
  ctx: EngineContext,
  actor: Actor,
  execution: Execution,
  index: number,
  decision: CancelDecision,
  echo: Record<string, unknown>,
): void {
  const step = execution.steps[index] as StepState
  const label = stepLabel(step, flavourOf(ctx, execution.programId))
  if (decision.kind === 'reject-managed') {
    if (step.action !== 'managed') throw invalid(`{"start": false} rejects CSE Support; ${label} is not that step.`)
    step.input = echo
    recordDecision(ctx, actor, execution, step, 'CSE_SUPPORT_REJECTED')
    stopStep(ctx, execution, index, 'CANCELLED', `The production deployment was rejected by the CSE ${who(actor)}.`)
    return
  }
  if (decision.kind === 'reject-metrics') {
    if (step.status !== 'WAITING' || !isQualityGate(step))
      throw invalid(`{"override": false} rejects failed metrics of a waiting quality gate; ${label} is not one.`)
    step.input = echo
    recordDecision(ctx, actor, execution, step, 'METRICS_REJECTED')
    stopStep(ctx, execution, index, 'FAILED', `${label}: important metric failures were rejected by ${who(actor)}.`)
    return
  }
  if (decision.kind === 'reject-approval') {
    if (step.action !== 'approval') throw invalid(`{"approved": false} rejects an approval; ${label} is not one.`)
    step.input = echo
    recordDecision(ctx, actor, execution, step, 'APPROVAL_REJECTED')
    stopStep(ctx, execution, index, 'CANCELLED', `Deployment to production was rejected by ${who(actor)}.`)
    return
  }
  step.input = echo
  recordDecision(ctx, actor, execution, step, 'EXECUTION_CANCELLED', `During ${label}`)
  stopStep(ctx, execution, index, 'CANCELLED', `Execution cancelled by ${who(actor)} during ${label}.`)
}

/** Cancels whatever step the pipeline's current execution is on (the pipeline menu's Cancel). */
export function canCancelCurrent(ctx: EngineContext, actor: Actor, execution: Execution | undefined): Verdict {
  const role = permits(actor, 'cancelPipelineExecutionStep')
  if (!role.ok) return role
  if (!execution || execution.status !== 'RUNNING') return refuse(invalid('The pipeline is not running.'))
  const index = currentStepIndex(execution)
  if (index < 0) return refuse(invalid('The execution has no running or waiting step.'))
  return canCancel(ctx, actor, execution, execution.steps[index] as StepState)
}

export function cancelExecution(ctx: EngineContext, actor: Actor, programId: string, pipelineId: string): Execution {
  const pipeline = ctx.pipeline(programId, pipelineId)
  const execution = pipeline.currentExecutionId ? ctx.findExecution(pipeline.currentExecutionId) : undefined
  enforce(canCancelCurrent(ctx, actor, execution))
  const running = execution as Execution
  applyCancel(ctx, actor, running, currentStepIndex(running), { kind: 'cancel' }, { cancel: true })
  return running
}
