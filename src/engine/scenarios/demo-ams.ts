/**
 * The demo's Managed Services program, "AMS Program" (spec §J.1), with a history made by really
 * running its pipelines: Go Live approvals and CSE Support started by a Customer Success
 * Engineer, an overridden security test, a failed performance test, an emergency run, a CSE
 * rejection, development deploys and a stage-only build promoted through the production only pipeline.
 */
import { SYSTEM_ACTOR } from '../actors'
import type { EngineContext } from '../context'
import { advanceClock, advanceStep, cancelStep, runUntil, startExecution, type StartOptions } from '../executions'
import { addFault } from '../faults'
import { failingImportant } from '../metrics'
import type { Actor, Execution, FaultStatus, Pipeline, StepAction, StepState } from '../model'
import { createPipeline, type PipelineInput, withDefaults } from '../pipelines'
import { gitPush } from '../triggers'
import { addAmsProgram } from './ams-program'

const BEA: Actor = { roles: ['business-owner'], userId: '3E8367615C0A78710A495EEF@AdobeID' }
const DAN: Actor = { roles: ['deployment-manager'], userId: '12EB35385CEED6A70A495ED3@AdobeID' }
const PAM: Actor = { roles: ['program-manager'], userId: '5A1C9F0E4B7D2E3C0A495F11@AdobeID' }
const CARL: Actor = { roles: ['cse'], userId: '7C0F2A9B5E1D4C3B0A495F22@AdobeID' }

const HOUR = 3_600_000
const DAY = 24 * HOUR

interface Run {
  fault?: { action: StepAction; status: FaultStatus; environmentType?: 'stage' | 'prod'; metric?: 'important' | 'critical' }
  /** How the waits are answered: approve and start (default), or the CSE rejects. */
  cse?: 'start' | 'reject'
}

function decide(ctx: EngineContext, execution: Execution, step: StepState, run: Run): void {
  const ref = {
    programId: execution.programId,
    pipelineId: execution.pipelineId,
    executionId: execution.id,
    phaseId: step.phaseId,
    stepId: step.stepId,
  }
  switch (step.action) {
    case 'approval':
      return advanceStep(ctx, BEA, ref, { kind: 'approve' }, { approved: true })
    case 'schedule':
      return advanceStep(ctx, DAN, ref, { kind: 'schedule' }, { type: 'IMMEDIATE' })
    case 'managed':
      if (run.cse === 'reject') return cancelStep(ctx, CARL, ref, { kind: 'reject-managed' }, { start: false })
      return advanceStep(ctx, CARL, ref, { kind: 'start' }, { start: true })
    default: {
      const kpis = failingImportant(step.metrics).map((m) => m.kpi)
      return advanceStep(ctx, PAM, ref, { kind: 'override', kpis }, { metrics: kpis.map((kpi) => ({ kpi, override: true })) })
    }
  }
}

function run(ctx: EngineContext, pipeline: Pipeline, actor: Actor, spec: Run = {}, options: StartOptions = {}): Execution {
  if (spec.fault) addFault(ctx, { pipelineId: pipeline.id, ...spec.fault })
  const execution = startExecution(ctx, actor, pipeline.programId, pipeline.id, options)
  for (let guard = 0; guard < 20 && execution.status === 'RUNNING'; guard++) {
    runUntil(ctx, () => execution.status !== 'RUNNING' || execution.steps.some((s) => s.status === 'WAITING'))
    const waiting = execution.steps.find((s) => s.status === 'WAITING')
    if (waiting && execution.status === 'RUNNING') {
      advanceClock(ctx, ctx.now + ctx.random.int(10, 90) * 60_000)
      decide(ctx, execution, waiting, spec)
    }
  }
  return execution
}

function nextMorning(ctx: EngineContext): void {
  const start = Math.floor(ctx.now / DAY) * DAY + DAY + 9 * HOUR
  advanceClock(ctx, Math.max(ctx.now + 1, start + ctx.random.int(0, 3 * HOUR)))
}

export function demoAms(ctx: EngineContext): void {
  const program = addAmsProgram(ctx, 'AMS Program', 'ams')
  const envs = ctx.environmentsOf(program.id)
  const env = (type: string) => envs.find((e) => e.type === type)?.id as string
  const repo = ctx.repositoriesOf(program.id)[0]
  if (!repo) return
  const source = { repositoryId: repo.id, branch: 'main' }
  const create = (config: PipelineInput) => createPipeline(ctx, SYSTEM_ACTOR, program.id, withDefaults(config, 'ams'))
  const production = create({
    name: 'AMS Production',
    category: 'production',
    ...source,
    environmentIds: [env('stage'), env('prod')],
    productionOptions: { goLiveApproval: true, scheduled: false, cseOversight: 'ANY_CSE' },
    dispatcherPaths: {
      stage: [{ path: '/content/wknd', type: 'INVALIDATE' }],
      prod: [
        { path: '/content/wknd', type: 'INVALIDATE' },
        { path: '/etc.clientlibs', type: 'FLUSH' },
      ],
    },
  })
  const devDeploy = create({
    name: 'AMS Dev Deploy',
    category: 'nonProduction',
    nonProdKind: 'deployment',
    ...source,
    branch: 'develop',
    environmentIds: [env('dev')],
    skipDetachingDispatchers: true,
  })
  const stageOnly = create({ name: 'AMS Stage Only', category: 'stageOnly', ...source, environmentIds: [env('stage')] })
  const prodOnly = create({
    name: 'AMS Prod Only',
    category: 'prodOnly',
    environmentIds: [env('prod')],
    productionOptions: { goLiveApproval: true, cseOversight: 'MY_CSE' },
  })
  const push = (branch: string) => gitPush(ctx, repo.id, branch)

  nextMorning(ctx)
  run(ctx, production, DAN)
  run(ctx, devDeploy, DAN)
  nextMorning(ctx)
  push('main')
  run(ctx, production, DAN, { fault: { action: 'securityTest', status: 'FAILED', metric: 'important' } })
  nextMorning(ctx)
  push('main')
  run(ctx, production, BEA, { fault: { action: 'loadTest', status: 'FAILED', metric: 'critical' } })
  advanceClock(ctx, ctx.now + 2 * HOUR)
  run(ctx, production, DAN, {}, { mode: 'EMERGENCY' })
  nextMorning(ctx)
  push('develop')
  run(ctx, devDeploy, DAN)
  push('main')
  run(ctx, production, DAN, { cse: 'reject' })
  nextMorning(ctx)
  const promoted = run(ctx, stageOnly, DAN)
  run(ctx, prodOnly, BEA, {}, { sourceExecutionId: promoted.id })
  nextMorning(ctx)
  push('main')
  run(ctx, stageOnly, DAN)
  nextMorning(ctx)
}
