/**
 * [AMS] The paused deploy (spec §D.1, §D.7, §D.8): a `PAUSED` fault pauses a deploy after its
 * running activity; `{"resume": true}` carries on, `{"resume": false}` stops it — both through advance.
 */
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { addFault } from '../faults'
import type { Execution, StepState } from '../model'
import { amsFixture, CSE } from './ams-fixtures'
import { advanceStep, canAdvance, waitingFor } from './decisions'
import { DAY } from './durations'
import { BO, DEV, DM, freshFixture, PM, refOf, refusal, settle, step } from './fixtures'
import { advanceClock } from '../executions'
import { startExecution } from './start'
import { Engine } from '../engine'
import { parseState } from '../snapshot'

const statuses = (s: StepState) => s.activities?.map((a) => a.status)

/** A coupled AMS run whose deploy to `env` pauses (`count` times), settled at the first pause. */
function paused(env: 'stage' | 'prod', count = 1) {
  const f = amsFixture()
  const p = f.coupled()
  addFault(f.engine.ctx, { pipelineId: p.id, action: 'deploy', environmentType: env, status: 'PAUSED', count })
  const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
  const waiting = settle(f.engine, e)
  return { f, p, e, ctx: f.engine.ctx, waiting: waiting as StepState }
}

describe('a paused AMS deploy', () => {
  it('waits after its first activity, saying so and naming the activity it resumes with', () => {
    const { e, waiting } = paused('stage')
    expect(waiting).toBe(step(e, 'deploy', 'stage'))
    expect(waiting.status).toBe('WAITING')
    expect(e.status).toBe('RUNNING')
    expect(statuses(waiting)?.slice(0, 2)).toEqual(['FINISHED', 'NOT_STARTED'])
    expect(waiting.currentActivityId).toBeUndefined()
    expect(waiting.resultMessage).toBe(
      'Deployment paused after "Detect the artifact types to deploy": resume to continue with "Detach dispatcher1 from the load balancer", or stop it.',
    )
  })

  it('resumes when advanced with resume true: the remaining activities run in order and the execution finishes', () => {
    const { f, e, ctx, waiting } = paused('stage')
    advanceStep(ctx, DM, refOf(e, waiting), { kind: 'resume', resume: true }, { resume: true })
    expect(waiting.status).toBe('RUNNING')
    expect(waiting.currentActivityId).toBe(2)
    expect(settle(f.engine, e)).toBeUndefined()
    expect(e.status).toBe('FINISHED')
    expect(statuses(waiting)?.every((s) => s === 'FINISHED')).toBe(true)
    expect(waiting.resultMessage).toBe('Resumed by dan@AdobeID')
    expect(waiting.input).toEqual({ resume: true })
  })

  it('stops when advanced with resume false: the step and the execution end CANCELLED and the rest of the deploy never runs', () => {
    const { f, e, ctx, waiting } = paused('stage')
    advanceStep(ctx, PM, refOf(e, waiting), { kind: 'resume', resume: false }, { resume: false })
    expect(waiting.status).toBe('CANCELLED')
    expect(e.status).toBe('CANCELLED')
    expect(e.failureReason).toBe('Deploy to Stage was stopped by pam@AdobeID while paused.')
    expect(
      statuses(waiting)
        ?.slice(1)
        .every((s) => s === 'NOT_STARTED'),
    ).toBe(true)
    expect(step(e, 'securityTest').status).toBe('NOT_STARTED')
    expect(waiting.input).toEqual({ resume: false })
    expect(settle(f.engine, e)).toBeUndefined()
    expect(e.status).toBe('CANCELLED')
  })

  it('pauses a production deploy too: after author1, resuming with the first dispatcher', () => {
    const { e, waiting } = paused('prod')
    expect(waiting).toBe(step(e, 'deploy', 'prod'))
    expect(step(e, 'deploy', 'stage').status).toBe('FINISHED')
    expect(waiting.resultMessage).toMatch(/after "Deploy AEM packages to author1": resume to continue with "Detach dispatcher1/)
  })

  it('pauses as many times as the fault says (count), each time at the next activity', () => {
    const { f, e, ctx, waiting } = paused('stage', 2)
    advanceStep(ctx, BO, refOf(e, waiting), { kind: 'resume', resume: true }, { resume: true })
    expect(settle(f.engine, e)).toBe(waiting)
    expect(statuses(waiting)?.slice(0, 3)).toEqual(['FINISHED', 'FINISHED', 'NOT_STARTED'])
    advanceStep(ctx, BO, refOf(e, waiting), { kind: 'resume', resume: true }, { resume: true })
    expect(settle(f.engine, e)).toBeUndefined()
    expect(e.status).toBe('FINISHED')
  })

  it('is resumed or stopped by a Business Owner, Deployment Manager or Program Manager only; a Developer and a CSE are refused', () => {
    const { e, ctx, waiting } = paused('prod')
    for (const actor of [BO, DM, PM]) expect(canAdvance(ctx, actor, e, waiting).ok).toBe(true)
    for (const actor of [DEV, CSE]) expect(canAdvance(ctx, actor, e, waiting).ok).toBe(false)
    expect(refusal(() => advanceStep(ctx, CSE, refOf(e, waiting), { kind: 'resume', resume: true }, {})).kind).toBe('forbidden')
    expect(waitingFor('ams', waiting).description).toBe(
      'Waiting for a Business Owner, Deployment Manager or Program Manager to resume or stop the paused deployment.',
    )
  })

  it('refuses other advance bodies, and refuses resume on a step that is not a paused deploy', () => {
    const { e, ctx, waiting } = paused('stage')
    const wrong = refusal(() => advanceStep(ctx, DM, refOf(e, waiting), { kind: 'approve' }, { approved: true }))
    expect(wrong.message).toBe('Deploy to Stage is paused: advance it with {"resume": true} or {"resume": false}.')
    expect(waiting.status).toBe('WAITING')

    const f = amsFixture()
    const p = f.coupled({ productionOptions: { goLiveApproval: true } })
    const run = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const approval = settle(f.engine, run) as StepState
    const refused = refusal(() =>
      advanceStep(f.engine.ctx, DM, refOf(run, approval), { kind: 'resume', resume: true }, { resume: true }),
    )
    expect(refused.fieldErrors.map((x) => x.field)).toEqual(['resume'])
    expect(approval.status).toBe('WAITING')
  })

  it('left alone, is cancelled after 7 days, not before (spec §D.7 has no row for it: the AMS 7 days)', () => {
    const { f, e, waiting } = paused('prod')
    const pausedAt = f.engine.now
    advanceClock(f.engine.ctx, pausedAt + 7 * DAY - 1)
    expect(waiting.status).toBe('WAITING')
    advanceClock(f.engine.ctx, pausedAt + 7 * DAY)
    expect(waiting.status).toBe('CANCELLED')
    expect(e.status).toBe('CANCELLED')
    expect(e.failureReason).toBe('Deploy to Production waited 7 days without a decision and timed out.')
  })
})

describe('a saved state', () => {
  it('keeps a paused deploy and a pending PAUSED fault: exported, imported and resumed, the run finishes', () => {
    const { f, e, waiting } = paused('stage', 2)
    const restored = new Engine(parseState(JSON.parse(f.engine.exportState())))
    expect(restored.exportState()).toBe(f.engine.exportState())
    const again = restored.ctx.findExecution(e.id) as Execution
    const deploy = step(again, 'deploy', 'stage')
    expect([deploy.status, restored.ctx.state.faults[0]?.status]).toEqual(['WAITING', 'PAUSED'])
    advanceStep(restored.ctx, DM, refOf(again, deploy), { kind: 'resume', resume: true }, { resume: true })
    expect(settle(restored, again)).toBe(deploy)
    advanceStep(restored.ctx, DM, refOf(again, deploy), { kind: 'resume', resume: true }, { resume: true })
    expect(settle(restored, again)).toBeUndefined()
    expect(again.status).toBe('FINISHED')
    expect(waiting.status).toBe('WAITING')
  })
})

describe('the PAUSED fault', () => {
  const fieldsOf = (error: DomainError) => error.fieldErrors.map((x) => x.field)

  it('is refused on Cloud Service programs, whose deploys never pause, with a field error on status', () => {
    const f = freshFixture()
    const p = f.coupled()
    const error = refusal(() => addFault(f.engine.ctx, { pipelineId: p.id, action: 'deploy', status: 'PAUSED' }))
    expect(error.kind).toBe('invalid')
    expect(fieldsOf(error)).toEqual(['status'])
    expect(error.message).toMatch(/Cloud Service deploys never pause/)
    expect(f.engine.ctx.state.faults).toEqual([])
  })

  it('is refused on steps other than deploy, and with a metric', () => {
    const f = amsFixture()
    const p = f.coupled()
    const ctx = f.engine.ctx
    expect(fieldsOf(refusal(() => addFault(ctx, { pipelineId: p.id, action: 'build', status: 'PAUSED' })))).toEqual(['status'])
    expect(
      fieldsOf(refusal(() => addFault(ctx, { pipelineId: p.id, action: 'securityTest', status: 'PAUSED', metric: 'critical' }))),
    ).toEqual(['status'])
    expect(
      fieldsOf(refusal(() => addFault(ctx, { pipelineId: p.id, action: 'deploy', status: 'PAUSED', metric: 'important' }))),
    ).toEqual(['metric'])
    expect(ctx.state.faults).toEqual([])
  })

  it('never pauses anything but the matching deploy: a stage pause leaves the production deploy alone', () => {
    const { f, e, ctx, waiting } = paused('stage')
    advanceStep(ctx, DM, refOf(e, waiting), { kind: 'resume', resume: true }, { resume: true })
    settle(f.engine, e)
    const prod = step(e, 'deploy', 'prod') as StepState
    expect(prod.status).toBe('FINISHED')
    expect(prod.resultMessage).toBeUndefined()
    expect((e as Execution).steps.filter((s) => s.input !== undefined)).toEqual([waiting])
  })
})
