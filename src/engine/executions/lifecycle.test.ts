import { describe, expect, it } from 'vitest'
import { advanceStep, cancelExecution, cancelStep, startExecution, WAIT_TIMEOUT_MS } from '../executions'
import { DAY, HOUR, MINUTE, SECOND, STEP_DURATION_MS } from './durations'
import { advanceBy, BO, DEV, DM, freshFixture, PM, refOf, refusal, settle, step } from './fixtures'

describe('starting an execution', () => {
  it('creates one step state per configured step, with the ids, environments and source of the pipeline', () => {
    const f = freshFixture()
    const pipeline = f.coupled({ productionOptions: { pauseBeforeProd: true, scheduled: true } })
    const branch = f.engine.ctx.findRepository(f.repoId)!.branches.find((b) => b.name === 'main')!
    const e = startExecution(f.engine.ctx, DM, f.programId, pipeline.id)
    const configured = pipeline.phases.flatMap((ph) =>
      ph.steps.map((s) => ({ phaseId: ph.id, stepId: s.id, action: s.action, environmentId: ph.environmentId })),
    )
    expect(
      e.steps.map((s) => ({ phaseId: s.phaseId, stepId: s.stepId, action: s.action, environmentId: s.environmentId })),
    ).toEqual(configured)
    expect(step(e, 'build')).toMatchObject({ repositoryId: f.repoId, branch: 'main', commitId: branch.commits.at(-1) })
    expect(step(e, 'deploy', 'prod').environmentId).toBe(f.prodId)
    expect(e).toMatchObject({ status: 'RUNNING', trigger: 'MANUAL', mode: 'NORMAL', user: 'dan@AdobeID', category: 'production' })
    expect(e.steps[0]!.status).toBe('RUNNING')
    expect(e.steps.slice(1).every((s) => s.status === 'NOT_STARTED')).toBe(true)
  })

  it('records the execution on its pipeline and announces it', () => {
    const f = freshFixture()
    const pipeline = f.coupled()
    const e = startExecution(f.engine.ctx, BO, f.programId, pipeline.id)
    expect(pipeline).toMatchObject({ currentExecutionId: e.id, lastStartedAt: f.engine.now, executionIds: [e.id] })
    expect(f.engine.state.events.at(-1)).toMatchObject({ type: 'started', executionId: e.id, pipelineId: pipeline.id })
  })

  it('names the artifacts version after the virtual time and the zero-padded execution id', () => {
    const f = freshFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
    // The scenarios start on 2 November 2026 at 09:00 UTC.
    expect(e.artifactsVersion).toBe(`2026.1102.90000.${e.id.padStart(10, '0')}`)
  })

  it('records no user for automatic triggers', () => {
    const f = freshFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id, { trigger: 'PUSH_UPGRADES' })
    expect(e.user).toBe('')
  })

  it('refuses emergency mode on a Cloud Service program (an AMS-only mode, spec §D.11), starting nothing', () => {
    const f = freshFixture()
    const p = f.coupled()
    const error = refusal(() => startExecution(f.engine.ctx, DM, f.programId, p.id, { mode: 'EMERGENCY' }))
    expect(error.kind).toBe('invalid')
    expect(error.fieldErrors[0]?.field).toBe('pipelineExecutionMode')
    expect(p.executionIds).toEqual([])
  })

  it('refuses developers', () => {
    const f = freshFixture()
    expect(refusal(() => startExecution(f.engine.ctx, DEV, f.programId, f.coupled().id)).kind).toBe('forbidden')
  })

  it('refuses a pipeline that is already running, naming it', () => {
    const f = freshFixture()
    const p = f.coupled()
    startExecution(f.engine.ctx, DM, f.programId, p.id)
    const error = refusal(() => startExecution(f.engine.ctx, DM, f.programId, p.id))
    expect(error.kind).toBe('precondition-failed')
    expect(error.message).toMatch(/busy/)
    expect(error.facts.pipelineId).toBe(p.id)
  })

  it('refuses to start while an environment of the pipeline is not ready', () => {
    const f = freshFixture()
    const p = f.coupled()
    f.engine.ctx.findEnvironment(f.prodId)!.status = 'updating'
    const error = refusal(() => startExecution(f.engine.ctx, DM, f.programId, p.id))
    expect(error.kind).toBe('precondition-failed')
    expect(error.message).toMatch(/fresh-prod" is updating/)
  })
})

describe('running an execution', () => {
  it('runs the steps one after another with the simulated durations, within their jitter', () => {
    const f = freshFixture()
    const e = startExecution(
      f.engine.ctx,
      DM,
      f.programId,
      f.add({
        name: 'Dev',
        category: 'nonProduction',
        nonProdKind: 'deployment',
        repositoryId: f.repoId,
        branch: 'main',
        environmentIds: [f.devId],
      }).id,
    )
    settle(f.engine, e)
    expect(e.status).toBe('FINISHED')
    for (let i = 0; i < e.steps.length; i++) {
      const s = e.steps[i]!
      expect(s.status).toBe('FINISHED')
      const took = s.finishedAt! - s.startedAt!
      const base = STEP_DURATION_MS[s.action]
      expect(took).toBeGreaterThanOrEqual(Math.floor(base * 0.9))
      expect(took).toBeLessThanOrEqual(Math.ceil(base * 1.1))
      if (i > 0) expect(s.startedAt).toBe(e.steps[i - 1]!.finishedAt)
    }
  })

  it('finishes a production execution without gates within six virtual hours, then frees the pipeline', () => {
    const f = freshFixture()
    const p = f.coupled()
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const started = f.engine.now
    expect(settle(f.engine, e)).toBeUndefined()
    expect(e.status).toBe('FINISHED')
    expect(e.finishedAt! - started).toBeLessThan(6 * HOUR)
    expect(p.currentExecutionId).toBeUndefined()
    expect(p.lastFinishedAt).toBe(e.finishedAt)
    expect(f.engine.state.events.at(-1)).toMatchObject({ type: 'ended', executionId: e.id, status: 'FINISHED' })
  })

  it('rolls the production deploy through author and each publish/dispatcher pair', () => {
    const f = freshFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
    const deploy = step(e, 'deploy', 'prod')
    runUntilStarted(f, () => deploy.status === 'RUNNING')
    expect(deploy.activities!.map((a) => a.description)).toEqual([
      'Deploy AEM packages to author',
      'Detach dispatcher1 from the load balancer',
      'Deploy AEM packages to publish1 and the Dispatcher package to dispatcher1',
      'Flush the Dispatcher cache of dispatcher1',
      'Put dispatcher1 back into the load balancer',
      'Detach dispatcher2 from the load balancer',
      'Deploy AEM packages to publish2 and the Dispatcher package to dispatcher2',
      'Flush the Dispatcher cache of dispatcher2',
      'Put dispatcher2 back into the load balancer',
    ])
    const seen = new Set<number>()
    while (deploy.status === 'RUNNING') {
      seen.add(deploy.currentActivityId!)
      f.engine.advanceTo(f.engine.nextDeadline()!)
    }
    expect([...seen]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(deploy.status).toBe('FINISHED')
    expect(deploy.activities!.every((a) => a.status === 'FINISHED' && a.finishedAt !== undefined)).toBe(true)
  })
})

function runUntilStarted(f: ReturnType<typeof freshFixture>, done: () => boolean) {
  for (let i = 0; i < 1000 && !done(); i++) f.engine.advanceTo(f.engine.nextDeadline()!)
  expect(done()).toBe(true)
}

describe('the approval gate', () => {
  const waitingAtApproval = () => {
    const f = freshFixture()
    const p = f.coupled({ productionOptions: { pauseBeforeProd: true, scheduled: false } })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const waiting = settle(f.engine, e)!
    return { f, p, e, waiting }
  }

  it('waits for a decision and announces it', () => {
    const { f, e, waiting } = waitingAtApproval()
    expect(waiting.action).toBe('approval')
    expect(e.status).toBe('RUNNING')
    expect(waiting.timeoutAt).toBe(f.engine.now + WAIT_TIMEOUT_MS)
    expect(f.engine.state.events.at(-1)).toMatchObject({ type: 'waiting', stepAction: 'approval' })
  })

  it('deploys to production once approved, echoing the input', () => {
    const { f, e, waiting } = waitingAtApproval()
    advanceStep(f.engine.ctx, PM, refOf(e, waiting), { kind: 'approve' }, { approved: true })
    expect(waiting).toMatchObject({ status: 'FINISHED', input: { approved: true } })
    expect(step(e, 'deploy', 'prod').status).toBe('RUNNING')
    settle(f.engine, e)
    expect(e.status).toBe('FINISHED')
  })

  it('cancels the execution when rejected', () => {
    const { f, p, e, waiting } = waitingAtApproval()
    cancelStep(f.engine.ctx, BO, refOf(e, waiting), { kind: 'reject-approval' }, { approved: false })
    expect(waiting.status).toBe('CANCELLED')
    expect(e.status).toBe('CANCELLED')
    expect(e.failureReason).toMatch(/rejected/)
    expect(p.currentExecutionId).toBeUndefined()
  })

  it('times out after 14 virtual days, cancelling step and execution', () => {
    const { f, e, waiting } = waitingAtApproval()
    advanceBy(f.engine, 14 * DAY - 1)
    expect(waiting.status).toBe('WAITING')
    advanceBy(f.engine, 1)
    expect(waiting.status).toBe('CANCELLED')
    expect(e.status).toBe('CANCELLED')
    expect(e.failureReason).toMatch(/timed out/)
  })

  it('no longer times out once advanced', () => {
    const { f, e, waiting } = waitingAtApproval()
    advanceStep(f.engine.ctx, DM, refOf(e, waiting), { kind: 'approve' }, { approved: true })
    expect(f.engine.state.clock.heap.some((t) => t.payload.kind === 'wait-timeout')).toBe(false)
    advanceBy(f.engine, 20 * DAY)
    expect(e.status).toBe('FINISHED')
  })

  it('refuses other bodies and developers', () => {
    const { f, e, waiting } = waitingAtApproval()
    expect(refusal(() => advanceStep(f.engine.ctx, DM, refOf(e, waiting), { kind: 'schedule' }, {})).kind).toBe('invalid')
    expect(refusal(() => advanceStep(f.engine.ctx, DEV, refOf(e, waiting), { kind: 'approve' }, {})).kind).toBe('forbidden')
    expect(refusal(() => cancelStep(f.engine.ctx, DEV, refOf(e, waiting), { kind: 'reject-approval' }, {})).kind).toBe(
      'forbidden',
    )
    expect(refusal(() => cancelStep(f.engine.ctx, DM, refOf(e, waiting), { kind: 'reject-metrics' }, {})).kind).toBe('invalid')
  })
})

describe('the schedule step', () => {
  const waitingAtSchedule = () => {
    const f = freshFixture()
    const e = startExecution(
      f.engine.ctx,
      DM,
      f.programId,
      f.coupled({ productionOptions: { pauseBeforeProd: false, scheduled: true } }).id,
    )
    return { f, e, waiting: settle(f.engine, e)! }
  }

  it('deploys immediately when asked', () => {
    const { f, e, waiting } = waitingAtSchedule()
    expect(waiting.action).toBe('schedule')
    advanceStep(f.engine.ctx, PM, refOf(e, waiting), { kind: 'schedule' }, { type: 'IMMEDIATE' })
    expect(step(e, 'deploy', 'prod').status).toBe('RUNNING')
  })

  it('starts the production deploy at the scheduled virtual time', () => {
    const { f, e, waiting } = waitingAtSchedule()
    const at = f.engine.now + 2 * DAY
    advanceStep(f.engine.ctx, DM, refOf(e, waiting), { kind: 'schedule', at }, { type: 'SCHEDULED', schedule: 'x' })
    expect(waiting).toMatchObject({ status: 'WAITING', scheduledFor: at })
    advanceBy(f.engine, 2 * DAY - 1)
    expect(step(e, 'deploy', 'prod').status).toBe('NOT_STARTED')
    advanceBy(f.engine, 1)
    expect(step(e, 'deploy', 'prod')).toMatchObject({ status: 'RUNNING', startedAt: at })
  })

  it('refuses a schedule in the past', () => {
    const { f, e, waiting } = waitingAtSchedule()
    expect(refusal(() => advanceStep(f.engine.ctx, DM, refOf(e, waiting), { kind: 'schedule', at: f.engine.now }, {})).kind).toBe(
      'invalid',
    )
  })

  it('stops the execution on cancel', () => {
    const { f, e, waiting } = waitingAtSchedule()
    cancelStep(f.engine.ctx, PM, refOf(e, waiting), { kind: 'cancel' }, { cancel: true })
    expect(e.status).toBe('CANCELLED')
    expect(waiting.status).toBe('CANCELLED')
  })
})

describe('cancelling', () => {
  it('cancels a running step and the execution for business owners and deployment managers', () => {
    for (const actor of [BO, DM]) {
      const f = freshFixture()
      const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
      advanceBy(f.engine, 10 * SECOND)
      const build = step(e, 'build')
      expect(build.status).toBe('RUNNING')
      cancelStep(f.engine.ctx, actor, refOf(e, build), { kind: 'cancel' }, { cancel: true })
      expect(build.status).toBe('CANCELLED')
      expect(e.status).toBe('CANCELLED')
      expect(f.engine.state.clock.heap).toEqual([])
    }
  })

  it('lets program managers cancel waiting steps only', () => {
    const f = freshFixture()
    const e = startExecution(
      f.engine.ctx,
      DM,
      f.programId,
      f.coupled({ productionOptions: { pauseBeforeProd: true, scheduled: false } }).id,
    )
    advanceBy(f.engine, 10 * SECOND)
    expect(refusal(() => cancelStep(f.engine.ctx, PM, refOf(e, step(e, 'build')), { kind: 'cancel' }, {})).kind).toBe('forbidden')
    const waiting = settle(f.engine, e)!
    cancelStep(f.engine.ctx, PM, refOf(e, waiting), { kind: 'reject-approval' }, { approved: false })
    expect(e.status).toBe('CANCELLED')
  })

  it('cancels the current step of a pipeline from its menu', () => {
    const f = freshFixture()
    const p = f.coupled()
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    advanceBy(f.engine, 8 * MINUTE)
    cancelExecution(f.engine.ctx, DM, f.programId, p.id)
    expect(e.status).toBe('CANCELLED')
    expect(refusal(() => cancelExecution(f.engine.ctx, DM, f.programId, p.id)).kind).toBe('invalid')
  })

  it('refuses to cancel a finished step', () => {
    const f = freshFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
    advanceBy(f.engine, 10 * SECOND)
    expect(refusal(() => cancelStep(f.engine.ctx, DM, refOf(e, step(e, 'validate')), { kind: 'cancel' }, {})).kind).toBe(
      'invalid',
    )
  })
})
