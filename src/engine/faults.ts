/**
 * Injected faults: the next matching step(s) of a pipeline end FAILED or ERROR, or, for a
 * quality gate (code scanning; AMS security and performance testing) with `metric`, report
 * failing metrics of that severity instead (spec §D.5 demos). `PAUSED` [AMS] pauses a deploy
 * after its running activity until someone resumes or stops it (spec §D.1, §D.8).
 */
import type { EngineContext } from './context'
import { invalid } from './errors'
import { flavourOf } from './flavour'
import { isHumanStep, isQualityGate } from './executions/common'
import type { EnvironmentType, Execution, Fault, FaultStatus, StepAction, StepState } from './model'

export interface FaultInput {
  pipelineId: string
  action: StepAction
  environmentType?: EnvironmentType
  status: FaultStatus
  count?: number
  metric?: 'important' | 'critical'
}

export const MAX_FAULT_COUNT = 100

export function addFault(ctx: EngineContext, input: FaultInput): Fault {
  const pipeline = ctx.findPipeline(input.pipelineId)
  if (!pipeline)
    throw invalid(`Pipeline ${input.pipelineId} does not exist.`, [
      { field: 'pipelineId', message: 'Unknown pipeline.', invalidValue: input.pipelineId },
    ])
  if (isHumanStep(input)) {
    throw invalid('Approval, schedule and CSE Support steps wait for people; they cannot be made to fail.', [
      { field: 'action', message: 'Choose a step that runs.', invalidValue: input.action },
    ])
  }
  if (input.metric && !isQualityGate(input)) {
    throw invalid('Only quality gates report metrics that can fail: code scanning, security testing and performance testing.', [
      {
        field: 'metric',
        message: 'A metric fault needs action "codeQuality", "securityTest", "loadTest" or "reportPerformanceTest".',
        invalidValue: input.metric,
      },
    ])
  }
  if (input.status === 'PAUSED') pausedFaultProblems(ctx, pipeline.programId, input)
  const runs = pipeline.phases.some((ph) => ph.steps.some((s) => s.action === input.action))
  if (!runs) {
    throw invalid(`"${pipeline.name}" has no ${input.action} step.`, [
      { field: 'action', message: 'The pipeline does not run this step.', invalidValue: input.action },
    ])
  }
  const count = input.count ?? 1
  if (!Number.isInteger(count) || count < 1 || count > MAX_FAULT_COUNT) {
    throw invalid(`count must be a whole number from 1 to ${MAX_FAULT_COUNT}.`, [
      { field: 'count', message: 'Out of range.', invalidValue: input.count },
    ])
  }
  const fault: Fault = {
    id: ctx.newId(),
    pipelineId: input.pipelineId,
    action: input.action,
    environmentType: input.environmentType,
    status: input.status,
    metric: input.metric,
    remaining: count,
  }
  ctx.state.faults.push(fault)
  ctx.touch()
  return fault
}

/** Only AMS deploys pause (spec §D.1): not other steps, not Cloud Service deploys (a metric was refused before). */
function pausedFaultProblems(ctx: EngineContext, programId: string, input: FaultInput): void {
  if (input.action !== 'deploy') {
    throw invalid('Only a deploy can be paused.', [
      { field: 'status', message: 'PAUSED needs action "deploy".', invalidValue: input.status },
    ])
  }
  if (flavourOf(ctx, programId) !== 'ams') {
    throw invalid('Cloud Service deploys never pause; a paused deploy exists on Managed Services (AMS) programs only.', [
      { field: 'status', message: 'Use FAILED or ERROR on a Cloud Service program.', invalidValue: input.status },
    ])
  }
}

export function listFaults(ctx: EngineContext): readonly Fault[] {
  return ctx.state.faults
}

export function clearFaults(ctx: EngineContext): void {
  if (ctx.state.faults.length === 0) return
  ctx.state.faults = []
  ctx.touch()
}

/** Consumes one use of the first fault matching this step, if any, and returns it. */
export function takeFault(ctx: EngineContext, execution: Execution, step: StepState): Fault | undefined {
  const faults = ctx.state.faults
  if (faults.length === 0) return undefined
  for (let i = 0; i < faults.length; i++) {
    const f = faults[i] as Fault
    if (f.pipelineId !== execution.pipelineId || f.action !== step.action) continue
    if (f.environmentType !== undefined && f.environmentType !== step.environmentType) continue
    f.remaining--
    if (f.remaining <= 0) faults.splice(i, 1)
    return f
  }
  return undefined
}
