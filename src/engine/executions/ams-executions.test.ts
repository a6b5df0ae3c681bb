/**
 * AMS execution rules (spec §D.3 #2/#6/#7/#9, §D.5, §D.7, §D.8, §D.9, §D.11, §G.2, §K.4–K.5).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../errors'
import { addFault } from '../faults'
import { codeQualityMetrics, failingImportant } from '../metrics'
import type { Execution, StepState } from '../model'
import { amsFixture, CSE } from './ams-fixtures'
import { advanceStep, cancelExecution, cancelStep, canAdvance, canCancel } from './decisions'
import { DAY } from './durations'
import { BO, DEV, DM, freshFixture, PM, refOf, refusal, settle, step } from './fixtures'
import { phaseGroups } from './phase-groups'
import { waitTimeoutMs } from './run'
import { startExecution } from './start'

const actions = (e: Execution) => e.steps.map((s) => s.action)

/** A coupled AMS pipeline with every production gate, started by a Deployment Manager. */
function gated(options: Parameters<ReturnType<typeof amsFixture>['coupled']>[0] = {}) {
  const f = amsFixture()
  const p = f.coupled({ productionOptions: { goLiveApproval: true, scheduled: true, cseOversight: 'MY_CSE' }, ...options })
  const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
  return { f, p, e, ctx: f.engine.ctx }
}

describe('an AMS coupled execution', () => {
  it('runs every step in order and waits for Go Live approval, the schedule and CSE Support, each decided by its people', () => {
    const { f, e, ctx } = gated()
    expect(settle(f.engine, e)?.action).toBe('approval')
    advanceStep(ctx, BO, refOf(e, step(e, 'approval')), { kind: 'approve' }, { approved: true })
    expect(settle(f.engine, e)?.action).toBe('schedule')
    advanceStep(ctx, CSE, refOf(e, step(e, 'schedule')), { kind: 'schedule' }, { type: 'IMMEDIATE' })
    const managed = settle(f.engine, e)
    expect(managed?.action).toBe('managed')
    advanceStep(ctx, CSE, refOf(e, managed!), { kind: 'start' }, { start: true })
    settle(f.engine, e)
    expect(e.status).toBe('FINISHED')
    expect(actions(e)).toEqual([
      'validate',
      'build',
      'codeQuality',
      'deploy',
      'securityTest',
      'loadTest',
      'assetsTest',
      'reportPerformanceTest',
      'approval',
      'schedule',
      'managed',
      'deploy',
    ])
    expect(step(e, 'managed').resultMessage).toBe('Started by carl@AdobeID')
    expect(step(e, 'managed').input).toEqual({ start: true })
  })

  it('with no waiting step, finishes within 12 virtual hours with every step finished', () => {
    const f = amsFixture()
    const p = f.coupled({ stageTesting: { experienceAudit: true } })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    expect(settle(f.engine, e)).toBeUndefined()
    expect(e.status).toBe('FINISHED')
    expect(e.steps.every((s) => s.status === 'FINISHED')).toBe(true)
    expect(e.finishedAt! - e.createdAt).toBeLessThan(12 * 3_600_000)
    for (const gate of ['securityTest', 'loadTest', 'reportPerformanceTest'] as const)
      expect(step(e, gate).metrics?.length).toBeGreaterThan(0)
    expect(step(e, 'assetsTest').metrics).toBeUndefined()
  })

  it('waits for an approval right after the stage deploy, before testing, when Approve after Stage Deployment is on', () => {
    const f = amsFixture()
    const p = f.coupled({ approveAfterStageDeployment: true })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const waiting = settle(f.engine, e)!
    expect(waiting.action).toBe('approval')
    expect(waiting.environmentType).toBe('stage')
    expect(step(e, 'deploy', 'stage').status).toBe('FINISHED')
    expect(step(e, 'securityTest').status).toBe('NOT_STARTED')
  })
})

describe('CSE Support waits for a Customer Success Engineer', () => {
  function atManaged() {
    const f = amsFixture()
    const p = f.coupled({ productionOptions: { cseOversight: 'ANY_CSE' } })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const managed = settle(f.engine, e)!
    return { f, e, managed, ctx: f.engine.ctx }
  }

  it('only a CSE may start or reject it; Business Owners, Deployment Managers and Program Managers are told who it waits for', () => {
    const { e, managed, ctx } = atManaged()
    expect(managed.action).toBe('managed')
    expect(canAdvance(ctx, CSE, e, managed).ok).toBe(true)
    expect(canCancel(ctx, CSE, e, managed).ok).toBe(true)
    for (const actor of [BO, DM, PM]) {
      const v = canAdvance(ctx, actor, e, managed)
      expect(v.ok).toBe(false)
      if (!v.ok) expect(v.error.message).toMatch(/waits for a Customer Success Engineer/)
      expect(canCancel(ctx, actor, e, managed).ok).toBe(false)
    }
    expect(refusal(() => advanceStep(ctx, DM, refOf(e, managed), { kind: 'start' }, { start: true })).kind).toBe('forbidden')
    expect(refusal(() => cancelExecution(ctx, DM, e.programId, e.pipelineId)).kind).toBe('forbidden')
    expect(managed.status).toBe('WAITING')
  })

  it('keeps stage and production locked while it waits, saying so in AMS words', () => {
    const { f, e } = atManaged()
    for (const envId of [f.stageId, f.prodId]) {
      expect(f.engine.environmentLock(envId)?.reason).toMatch(/waiting at CSE Support/)
    }
    expect(e.status).toBe('RUNNING')
  })

  it('a CSE rejecting it ({"start": false}) cancels the execution', () => {
    const { e, managed, ctx } = atManaged()
    cancelStep(ctx, CSE, refOf(e, managed), { kind: 'reject-managed' }, { start: false })
    expect(managed.status).toBe('CANCELLED')
    expect(e.status).toBe('CANCELLED')
    expect(e.failureReason).toMatch(/rejected by the CSE carl@AdobeID/)
  })

  it('is started with {"start": true} only; other advance bodies are refused', () => {
    const { e, managed, ctx } = atManaged()
    expect(refusal(() => advanceStep(ctx, CSE, refOf(e, managed), { kind: 'approve' }, { approved: true })).kind).toBe('invalid')
    expect(managed.status).toBe('WAITING')
  })

  it('a CSE decides CSE Support and production schedules only: not approvals, not quality gates, not running steps; and never starts a run', () => {
    const { f, e, ctx } = gated()
    const approval = settle(f.engine, e)!
    const v = canAdvance(ctx, CSE, e, approval)
    expect(v.ok).toBe(false)
    if (!v.ok) expect(v.error.message).toMatch(/CSE Support and production schedules only/)
    expect(refusal(() => startExecution(ctx, CSE, f.programId, e.pipelineId)).kind).toBe('forbidden')
    const g = amsFixture()
    const run = startExecution(g.engine.ctx, DM, g.programId, g.coupled().id)
    expect(canCancel(g.engine.ctx, CSE, run, run.steps[0]!).ok).toBe(false)
  })

  it('on a Cloud Service program a CSE may not decide the schedule, which Business Owners, Deployment Managers and Program Managers do', () => {
    const f = freshFixture()
    const p = f.coupled({ productionOptions: { pauseBeforeProd: false, scheduled: true } })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const schedule = settle(f.engine, e)!
    expect(schedule.action).toBe('schedule')
    expect(canAdvance(f.engine.ctx, CSE, e, schedule).ok).toBe(false)
    expect(canAdvance(f.engine.ctx, PM, e, schedule).ok).toBe(true)
    expect(canAdvance(f.engine.ctx, DEV, e, schedule).ok).toBe(false)
  })
})

describe('security and performance testing gates (three tiers)', () => {
  const gates = ['securityTest', 'loadTest', 'reportPerformanceTest'] as const

  it.each(gates)('%s: an important failure waits (Ask every time) until overridden, then the step reads Overridden', (action) => {
    const f = amsFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action, status: 'FAILED', metric: 'important' })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const waiting = settle(f.engine, e)!
    expect(waiting.action).toBe(action)
    const failing = failingImportant(waiting.metrics)
    expect(failing.length).toBeGreaterThan(0)
    expect(waiting.metrics!.every((m) => m.severity !== 'critical' || m.passed)).toBe(true)
    const partial = failing.slice(1).map((m) => m.kpi)
    expect(refusal(() => advanceStep(f.engine.ctx, PM, refOf(e, waiting), { kind: 'override', kpis: partial }, {})).kind).toBe(
      'invalid',
    )
    advanceStep(f.engine.ctx, PM, refOf(e, waiting), { kind: 'override', kpis: failing.map((m) => m.kpi) }, {})
    expect(waiting.resultMessage).toBe('Overridden')
    expect(waiting.metrics!.filter((m) => !m.passed && m.severity === 'important').every((m) => m.override)).toBe(true)
    settle(f.engine, e)
    expect(e.status).toBe('FINISHED')
  })

  it.each(gates)('%s: a critical failure fails the execution at once, whatever the setting', (action) => {
    const f = amsFixture()
    const p = f.coupled({ importantMetricFailureBehavior: 'CONTINUE' })
    addFault(f.engine.ctx, { pipelineId: p.id, action, status: 'FAILED', metric: 'critical' })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    expect(settle(f.engine, e)).toBeUndefined()
    expect(e.status).toBe('FAILED')
    expect(step(e, action).status).toBe('FAILED')
    expect(e.failureReason).toMatch(/critical failures/)
  })

  it('Reject ({"override": false}) fails the step and the execution; Fail Immediately does so without waiting; Continue Immediately overrides', () => {
    const f = amsFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'securityTest', status: 'FAILED', metric: 'important' })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const waiting = settle(f.engine, e)!
    cancelStep(f.engine.ctx, BO, refOf(e, waiting), { kind: 'reject-metrics' }, { override: false })
    expect([waiting.status, e.status]).toEqual(['FAILED', 'FAILED'])

    for (const [behavior, outcome] of [
      ['FAIL', 'FAILED'],
      ['CONTINUE', 'FINISHED'],
    ] as const) {
      const g = amsFixture()
      const q = g.coupled({ importantMetricFailureBehavior: behavior })
      addFault(g.engine.ctx, { pipelineId: q.id, action: 'loadTest', status: 'FAILED', metric: 'important' })
      const run = startExecution(g.engine.ctx, DM, g.programId, q.id)
      expect(settle(g.engine, run)).toBeUndefined()
      expect(run.status).toBe(outcome)
    }
  })

  it('compares 95th percentile response time and page views per minute against the program KPIs', () => {
    const f = amsFixture()
    f.program.kpis = { responseTimeMs95: 700, pageViewsPerMinute: 900 }
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
    settle(f.engine, e)
    const metrics = step(e, 'loadTest').metrics!
    expect(metrics.find((m) => m.kpi === 'response_time')).toMatchObject({ comparator: 'LT', expectedValue: '700', passed: true })
    expect(metrics.find((m) => m.kpi === 'views_per_minute')).toMatchObject({
      comparator: 'GTE',
      expectedValue: '900',
      passed: true,
    })
    expect(metrics.filter((m) => m.severity === 'critical').map((m) => m.kpi)).toEqual([
      'error_rate',
      'cpu_utilization_rate',
      'disk_io_wait_time',
    ])
  })

  it('AMS code scanning rates reliability as important, failing worse than C; Cloud Service as critical, failing worse than D (spec §K.4)', () => {
    const f = amsFixture()
    const ams = codeQualityMetrics(f.engine.ctx, undefined, 'ams').find((m) => m.kpi === 'reliability_rating')!
    const cs = codeQualityMetrics(f.engine.ctx, undefined, 'cs').find((m) => m.kpi === 'reliability_rating')!
    expect([ams.severity, ams.comparator, ams.expectedValue]).toEqual(['important', 'GTE', 'C'])
    expect([cs.severity, cs.comparator, cs.expectedValue]).toEqual(['critical', 'GTE', 'D'])
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
    settle(f.engine, e)
    expect(step(e, 'codeQuality').metrics!.find((m) => m.kpi === 'reliability_rating')?.severity).toBe('important')
  })

  it('refuses metric faults on steps without metrics, and any fault on CSE Support', () => {
    const f = amsFixture()
    const p = f.coupled({ productionOptions: { cseOversight: 'ANY_CSE' } })
    expect(
      refusal(() => addFault(f.engine.ctx, { pipelineId: p.id, action: 'assetsTest', status: 'FAILED', metric: 'important' }))
        .fieldErrors[0]?.field,
    ).toBe('metric')
    expect(
      refusal(() => addFault(f.engine.ctx, { pipelineId: p.id, action: 'managed', status: 'FAILED' })).fieldErrors[0]?.field,
    ).toBe('action')
  })
})

describe('AMS timeouts (spec §D.7)', () => {
  it('7 days for quality gates and the stage approval; 14 for Go Live approval, schedule and CSE Support; Cloud Service 14 for all', () => {
    const table = (
      [
        ['codeQuality', undefined],
        ['securityTest', 'stage'],
        ['loadTest', 'stage'],
        ['reportPerformanceTest', 'stage'],
        ['approval', 'stage'],
        ['approval', 'prod'],
        ['schedule', 'prod'],
        ['managed', 'prod'],
      ] as const
    ).map(([action, environmentType]) => [
      action,
      environmentType,
      waitTimeoutMs('ams', { action, environmentType }) / DAY,
      waitTimeoutMs('cs', { action, environmentType }) / DAY,
    ])
    expect(table).toEqual([
      ['codeQuality', undefined, 7, 14],
      ['securityTest', 'stage', 7, 14],
      ['loadTest', 'stage', 7, 14],
      ['reportPerformanceTest', 'stage', 7, 14],
      ['approval', 'stage', 7, 14],
      ['approval', 'prod', 14, 14],
      ['schedule', 'prod', 14, 14],
      ['managed', 'prod', 14, 14],
    ])
  })

  it('a security gate left alone is cancelled after 7 days, not before; CSE Support after 14', () => {
    const f = amsFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'securityTest', status: 'FAILED', metric: 'important' })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const waiting = settle(f.engine, e)!
    f.engine.advanceBy(7 * DAY - 1)
    expect(waiting.status).toBe('WAITING')
    f.engine.advanceBy(1)
    expect([waiting.status, e.status]).toEqual(['CANCELLED', 'CANCELLED'])
    expect(e.failureReason).toMatch(/waited 7 days/)

    const g = amsFixture()
    const run = startExecution(g.engine.ctx, DM, g.programId, g.coupled({ productionOptions: { cseOversight: 'MY_CSE' } }).id)
    const managed = settle(g.engine, run)!
    g.engine.advanceBy(14 * DAY - 1)
    expect(managed.status).toBe('WAITING')
    g.engine.advanceBy(1)
    expect(run.failureReason).toMatch(/CSE Support waited 14 days/)
  })
})

describe('Emergency Mode (spec §D.3 #9, §D.11)', () => {
  it('skips security, performance and experience audit steps, keeping approvals and CSE Support', () => {
    const f = amsFixture()
    const p = f.coupled({
      approveAfterStageDeployment: true,
      stageTesting: { experienceAudit: true },
      productionOptions: { goLiveApproval: true, cseOversight: 'ANY_CSE' },
    })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id, { mode: 'EMERGENCY' })
    expect(e.mode).toBe('EMERGENCY')
    expect(actions(e)).toEqual(['validate', 'build', 'codeQuality', 'deploy', 'approval', 'approval', 'managed', 'deploy'])
  })

  it('applies to stage-only and prod-only runs too', () => {
    const f = amsFixture()
    const stageOnly = f.stageOnly()
    const e = startExecution(f.engine.ctx, DM, f.programId, stageOnly.id, { mode: 'EMERGENCY' })
    expect(actions(e)).toEqual(['validate', 'build', 'codeQuality', 'deploy'])
    settle(f.engine, e)
    const prodOnly = f.prodOnly({ productionOptions: { goLiveApproval: true } })
    const promoted = startExecution(f.engine.ctx, DM, f.programId, prodOnly.id, { mode: 'EMERGENCY', sourceExecutionId: e.id })
    expect(actions(promoted)).toEqual(['validate', 'build', 'approval', 'deploy'])
  })

  it('is refused on an AMS program without Emergency Mode enabled, and on Cloud Service programs, starting nothing', () => {
    const f = amsFixture()
    f.program.emergencyModeEnabled = false
    const p = f.coupled()
    const error = refusal(() => startExecution(f.engine.ctx, DM, f.programId, p.id, { mode: 'EMERGENCY' }))
    expect(error.message).toMatch(/not enabled for "AMS Program"/)
    expect(error.fieldErrors[0]?.field).toBe('pipelineExecutionMode')
    expect(p.executionIds).toEqual([])
    const cs = freshFixture()
    expect(
      refusal(() => startExecution(cs.engine.ctx, DM, cs.programId, cs.coupled().id, { mode: 'EMERGENCY' })).message,
    ).toMatch(/AMS programs only/)
  })
})

describe('AMS deploys (spec §D.9)', () => {
  const commands = (s: StepState) => s.activities!.map((a) => `${a.command!.stepAction} ${a.command!.instanceId}`)

  it('to stage: detach every dispatcher, install on author and publishers, apply the Dispatcher configuration, flush and invalidate the configured paths, re-attach', () => {
    const f = amsFixture()
    const p = f.coupled({
      dispatcherPaths: {
        stage: [
          { path: '/content/site', type: 'INVALIDATE' },
          { path: '/etc.clientlibs', type: 'FLUSH' },
        ],
      },
    })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, e)
    const deploy = step(e, 'deploy', 'stage')
    expect(commands(deploy)).toEqual([
      'detect-artifact-types author1',
      'manage-elb-links-detach dispatcher1',
      'manage-elb-links-detach dispatcher2',
      'install-client-packages author1',
      'install-client-packages publish1',
      'install-client-packages publish2',
      'deploy-dispatcher-configuration dispatcher1',
      'deploy-dispatcher-configuration dispatcher2',
      'flush-dispatcher-cache dispatcher1',
      'invalidate-dispatcher-cache dispatcher1',
      'flush-dispatcher-cache dispatcher2',
      'invalidate-dispatcher-cache dispatcher2',
      'manage-elb-links-attach dispatcher1',
      'manage-elb-links-attach dispatcher2',
    ])
    expect(deploy.activities!.find((a) => a.command!.stepAction === 'invalidate-dispatcher-cache')?.description).toBe(
      'Invalidate /content/site on dispatcher1',
    )
    expect(deploy.activities!.every((a) => a.status === 'FINISHED')).toBe(true)
  })

  it('to production: author first, then one publish/dispatcher pair at a time, detached, deployed, flushed and put back, shown live', () => {
    const f = amsFixture()
    const p = f.coupled({ dispatcherPaths: { prod: [{ path: '/content/site', type: 'FLUSH' }] } })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const ctx = f.engine.ctx
    while (step(e, 'deploy', 'prod').status !== 'RUNNING') f.engine.advanceTo(ctx.clock.nextDeadline()!)
    const deploy = step(e, 'deploy', 'prod')
    expect(commands(deploy)).toEqual([
      'install-client-packages author1',
      'manage-elb-links-detach dispatcher1',
      'install-client-packages publish1',
      'flush-dispatcher-cache dispatcher1',
      'manage-elb-links-attach dispatcher1',
      'manage-elb-links-detach dispatcher2',
      'install-client-packages publish2',
      'flush-dispatcher-cache dispatcher2',
      'manage-elb-links-attach dispatcher2',
    ])
    const seen: number[] = []
    while (deploy.status === 'RUNNING') {
      seen.push(deploy.currentActivityId!)
      expect(deploy.activities!.filter((a) => a.status === 'RUNNING')).toHaveLength(1)
      f.engine.advanceTo(ctx.clock.nextDeadline()!)
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('with Skip Load Balancer changes, never detaches or attaches a dispatcher', () => {
    const f = amsFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled({ skipDetachingDispatchers: true }).id)
    settle(f.engine, e)
    for (const deploy of e.steps.filter((s) => s.action === 'deploy')) {
      expect(commands(deploy).some((c) => c.startsWith('manage-elb-links'))).toBe(false)
    }
  })

  it('a failing deploy fault stops at the running activity and names it', () => {
    const f = amsFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'deploy', status: 'FAILED', environmentType: 'prod' })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, e)
    const deploy = step(e, 'deploy', 'prod')
    expect(deploy.status).toBe('FAILED')
    expect(deploy.activities![0]?.status).toBe('FAILED')
    expect(e.failureReason).toMatch(/Deploy AEM packages to author1/)
  })
})

describe('AMS phase groups for the execution page', () => {
  it('stage-only: Deployment Preparation, Preprod Deployment, Preprod Testing, Promote Build; prod-only: Deployment Preparation, Production Deployment', () => {
    const f = amsFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.stageOnly({ approveAfterStageDeployment: true }).id)
    expect(phaseGroups(e).map((g) => [g.title, g.stepIds.map((id) => e.steps.find((s) => s.id === id)!.action)])).toEqual([
      ['Deployment Preparation', ['validate', 'build', 'codeQuality']],
      ['Preprod Deployment', ['deploy', 'approval']],
      ['Preprod Testing', ['securityTest', 'loadTest', 'assetsTest', 'reportPerformanceTest']],
      ['Promote Build', []],
    ])
    const g = amsFixture()
    const stage = startExecution(g.engine.ctx, DM, g.programId, g.stageOnly().id)
    settle(g.engine, stage)
    const prod = startExecution(g.engine.ctx, DM, g.programId, g.prodOnly({ productionOptions: { cseOversight: 'MY_CSE' } }).id)
    expect(phaseGroups(prod).map((x) => [x.title, x.stepIds.length])).toEqual([
      ['Deployment Preparation', 2],
      ['Production Deployment', 2],
    ])
  })

  it('coupled: Stage Deployment, Stage Testing, Production Deployment', () => {
    const { e } = gated()
    expect(phaseGroups(e).map((g) => [g.key, g.stepIds.length])).toEqual([
      ['stage-deployment', 4],
      ['stage-testing', 4],
      ['production-deployment', 4],
    ])
  })
})

describe('under random decisions by random roles', () => {
  it('CSE Support is only ever started or rejected by a CSE, and every run ends', () => {
    const roles = [BO, DM, PM, DEV, CSE]
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: fc.nat(4), reject: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (decisions, emergency) => {
          const f = amsFixture()
          const p = f.coupled({ productionOptions: { goLiveApproval: true, scheduled: true, cseOversight: 'ANY_CSE' } })
          const e = startExecution(f.engine.ctx, DM, f.programId, p.id, { mode: emergency ? 'EMERGENCY' : 'NORMAL' })
          for (const d of decisions) {
            const waiting = settle(f.engine, e)
            if (!waiting) break
            const actor = roles[d.who]!
            const ref = refOf(e, waiting)
            try {
              if (d.reject && waiting.action === 'managed')
                cancelStep(f.engine.ctx, actor, ref, { kind: 'reject-managed' }, { start: false })
              else if (d.reject) cancelStep(f.engine.ctx, actor, ref, { kind: 'cancel' }, { cancel: true })
              else if (waiting.action === 'managed') advanceStep(f.engine.ctx, actor, ref, { kind: 'start' }, { start: true })
              else if (waiting.action === 'approval')
                advanceStep(f.engine.ctx, actor, ref, { kind: 'approve' }, { approved: true })
              else advanceStep(f.engine.ctx, actor, ref, { kind: 'schedule' }, { type: 'IMMEDIATE' })
            } catch (error) {
              if (!(error instanceof DomainError)) throw error
            }
          }
          // Decided (started, rejected or cancelled) before any timeout could fire: only ever by the CSE.
          const managed = step(e, 'managed')
          if (managed.status === 'FINISHED' || managed.status === 'CANCELLED')
            expect(managed.resultMessage).toMatch(/carl@AdobeID/)
          f.engine.advanceBy(30 * DAY)
          expect(e.status).not.toBe('RUNNING')
        },
      ),
      { numRuns: 40 },
    )
  })
})
