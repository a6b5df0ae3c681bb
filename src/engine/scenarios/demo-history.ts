/**
 * A deterministic execution history for the demo, built by really running executions on the
 * virtual clock (so every record is consistent with the rules): 27 executions of the coupled
 * Production Pipeline with successes, failures at build, code scanning, stage deploy, testing
 * and production deploy, a rejected approval, an overridden gate, a push upgrade and a
 * re-execution; stage-only runs with one promoted build; development and code quality runs.
 */
import type { EngineContext } from '../context'
import { addFault } from '../faults'
import { advanceClock, advanceStep, cancelStep, reExecute, runUntil, startExecution, type StartOptions } from '../executions'
import { failingImportant } from '../metrics'
import type { Actor, Execution, FaultStatus, Pipeline, StepAction, StepState } from '../model'
import { gitPush, pushUpgrade } from '../triggers'

const BEA: Actor = { roles: ['business-owner'], userId: '3E8367615C0A78710A495EEF@AdobeID' }
const DAN: Actor = { roles: ['deployment-manager'], userId: '12EB35385CEED6A70A495ED3@AdobeID' }
const PAM: Actor = { roles: ['program-manager'], userId: '5A1C9F0E4B7D2E3C0A495F11@AdobeID' }

const HOUR = 3_600_000
const DAY = 24 * HOUR

type Decision = 'approve' | 'reject' | 'override'

interface Run {
  decide?: Decision
  fault?: { action: StepAction; status: FaultStatus; environmentType?: 'stage' | 'prod'; metric?: 'important' | 'critical' }
}

function decideOn(ctx: EngineContext, execution: Execution, step: StepState, decision: Decision): void {
  const ref = {
    programId: execution.programId,
    pipelineId: execution.pipelineId,
    executionId: execution.id,
    phaseId: step.phaseId,
    stepId: step.stepId,
  }
  if (step.action === 'approval') {
    if (decision === 'reject') cancelStep(ctx, BEA, ref, { kind: 'reject-approval' }, { approved: false })
    else advanceStep(ctx, BEA, ref, { kind: 'approve' }, { approved: true })
  } else if (step.action === 'schedule') {
    advanceStep(ctx, DAN, ref, { kind: 'schedule' }, { type: 'IMMEDIATE' })
  } else {
    const kpis = failingImportant(step.metrics).map((m) => m.kpi)
    advanceStep(ctx, PAM, ref, { kind: 'override', kpis }, { metrics: kpis.map((kpi) => ({ kpi, override: true })) })
  }
}

/** Runs an execution to its end, answering every wait with `decision` (approve by default). */
function finish(ctx: EngineContext, execution: Execution, decision: Decision = 'approve'): Execution {
  for (let guard = 0; guard < 20 && execution.status === 'RUNNING'; guard++) {
    runUntil(ctx, () => execution.status !== 'RUNNING' || execution.steps.some((s) => s.status === 'WAITING'))
    const waiting = execution.steps.find((s) => s.status === 'WAITING')
    if (waiting && execution.status === 'RUNNING') {
      advanceClock(ctx, ctx.now + 20 * 60_000)
      decideOn(ctx, execution, waiting, decision)
    }
  }
  return execution
}

function run(ctx: EngineContext, pipeline: Pipeline, actor: Actor, spec: Run = {}, options: StartOptions = {}): Execution {
  if (spec.fault) addFault(ctx, { pipelineId: pipeline.id, ...spec.fault })
  const execution = startExecution(ctx, actor, pipeline.programId, pipeline.id, options)
  return finish(ctx, execution, spec.decide)
}

/** Moves to 09:00–11:59 of the next day. */
function nextMorning(ctx: EngineContext, days = 1): void {
  const start = Math.floor(ctx.now / DAY) * DAY + days * DAY + 9 * HOUR
  advanceClock(ctx, Math.max(ctx.now + 1, start + ctx.random.int(0, 3 * HOUR)))
}

export function demoHistory(ctx: EngineContext, programId: string): void {
  const pipelines = ctx.pipelinesOf(programId)
  const byName = (name: string) => pipelines.find((p) => p.name === name) as Pipeline
  const production = byName('Production Pipeline')
  const devDeploy = byName('Dev Deploy')
  const stageOnly = byName('Stage Only pipeline')
  const prodOnly = byName('Prod Only Pipeline')
  const repoId = production.repositoryId as string
  const push = (branch: string) => gitPush(ctx, repoId, branch)

  const special: Record<number, Run & { upgrade?: true; reExecute?: true }> = {
    3: { fault: { action: 'build', status: 'FAILED' } },
    6: { decide: 'reject' },
    9: { fault: { action: 'deploy', status: 'FAILED', environmentType: 'prod' } },
    10: { reExecute: true },
    13: { upgrade: true },
    16: { fault: { action: 'codeQuality', status: 'FAILED', metric: 'important' }, decide: 'override' },
    19: { fault: { action: 'codeQuality', status: 'FAILED', metric: 'critical' } },
    22: { fault: { action: 'deploy', status: 'ERROR', environmentType: 'stage' } },
    24: { fault: { action: 'functionalTest', status: 'FAILED' } },
  }
  for (let i = 0; i < 27; i++) {
    const s = special[i] ?? {}
    if (s.reExecute) {
      const last = ctx.findExecution(production.executionIds[production.executionIds.length - 1] as string) as Execution
      const deploy = last.steps.find((st) => st.action === 'deploy' && st.environmentType === 'prod') as StepState
      advanceClock(ctx, ctx.now + 2 * HOUR)
      finish(ctx, reExecute(ctx, DAN, programId, production.id, deploy.stepId))
    } else if (s.upgrade) {
      finish(ctx, pushUpgrade(ctx, programId, production.id))
    } else {
      if (i % 2 === 0) push('main')
      run(ctx, production, i % 3 === 0 ? BEA : DAN, s)
    }
    if (i % 5 === 2) {
      push('develop') // starts the ON_COMMIT Code Quality pipeline
      runUntil(ctx, () => ctx.pipelinesOf(programId).every((p) => !p.currentExecutionId))
    }
    if (i % 4 === 1) run(ctx, devDeploy, DAN)
    if (s.reExecute || i === 9) continue
    nextMorning(ctx)
  }

  // Split pipelines: three stage-only runs (one failing its tests) and a promoted build.
  push('main')
  run(ctx, stageOnly, DAN)
  nextMorning(ctx)
  const promoted = run(ctx, stageOnly, DAN)
  run(ctx, prodOnly, BEA, {}, { sourceExecutionId: promoted.id })
  nextMorning(ctx)
  push('main')
  run(ctx, stageOnly, DAN, { fault: { action: 'functionalTest', status: 'FAILED' } })
  nextMorning(ctx)
  run(ctx, stageOnly, DAN)
  nextMorning(ctx)
}
