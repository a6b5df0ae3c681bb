/**
 * [AMS] The program's audit trail (spec §A.2): what is recorded, by whom, when; what is not; its
 * order, filters and bounds; and that it travels with the state.
 */
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from './actors'
import { AUDIT_CATEGORY_OF, MAX_AUDIT_EVENTS, programAudit, recordAudit } from './audit'
import { Engine } from './engine'
import { addFault } from './faults'
import { failingImportant } from './metrics'
import { amsFixture, CSE } from './executions/ams-fixtures'
import { advanceStep, cancelExecution, cancelStep } from './executions/decisions'
import { BO, DM, freshFixture, PM, refOf, settle, step } from './executions/fixtures'
import { reExecute } from './executions/reexecute'
import { startExecution } from './executions/start'
import type { AuditEvent } from './model'
import { CURRENT_STATE_VERSION, parseState } from './snapshot'

const trail = (f: { engine: Engine; programId: string }) =>
  [...programAudit(f.engine.ctx, f.programId)].reverse().map((a) => [a.action, a.userId, a.detail])

describe('what the audit trail of an AMS program records', () => {
  it('pipelines created, edited (naming the changed settings) and deleted, with who did it, by their roles, and when', () => {
    const f = amsFixture()
    const created = f.engine.createPipeline(DM, f.programId, {
      name: 'Release',
      category: 'production',
      repositoryId: f.repoId,
      branch: 'main',
      environmentIds: [f.stageId, f.prodId],
    })
    f.engine.advanceBy(60_000)
    f.engine.updatePipeline(DM, f.programId, created.id, { name: 'Release 2', skipDetachingDispatchers: true })
    f.engine.deletePipeline(DM, f.programId, created.id)
    const entries = [...programAudit(f.engine.ctx, f.programId)].reverse()
    expect(entries.map((e) => [e.action, e.pipelineId, e.pipelineName, e.userId, e.roles])).toEqual([
      ['PIPELINE_CREATED', created.id, 'Release', 'dan@AdobeID', ['deployment-manager']],
      ['PIPELINE_UPDATED', created.id, 'Release 2', 'dan@AdobeID', ['deployment-manager']],
      ['PIPELINE_DELETED', created.id, 'Release 2', 'dan@AdobeID', ['deployment-manager']],
    ])
    expect(entries[1]?.detail).toBe('Changed: name, skipDetachingDispatchers (was "Release")')
    expect(entries[1]!.at - entries[0]!.at).toBe(60_000)
  })

  it('an edit that changes nothing is not recorded', () => {
    const f = amsFixture()
    const p = f.coupled()
    f.engine.updatePipeline(DM, f.programId, p.id, { name: p.name })
    expect(trail(f).map(([action]) => action)).toEqual(['PIPELINE_CREATED'])
  })

  it('a run through every gate: the start, Go Live approval, the schedule and CSE Support, each by its decider', () => {
    const f = amsFixture()
    const p = f.coupled({ productionOptions: { goLiveApproval: true, scheduled: true, cseOversight: 'MY_CSE' } })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, e)
    advanceStep(f.engine.ctx, BO, refOf(e, step(e, 'approval')), { kind: 'approve' }, { approved: true })
    settle(f.engine, e)
    advanceStep(f.engine.ctx, CSE, refOf(e, step(e, 'schedule')), { kind: 'schedule' }, { type: 'IMMEDIATE' })
    const managed = settle(f.engine, e)!
    advanceStep(f.engine.ctx, CSE, refOf(e, managed), { kind: 'start' }, { start: true })
    settle(f.engine, e)
    expect(e.status).toBe('FINISHED')
    expect(trail(f).slice(1)).toEqual([
      ['EXECUTION_STARTED', 'dan@AdobeID', 'Trigger: Manual'],
      ['APPROVAL_APPROVED', 'bea@AdobeID', 'Go Live Approval'],
      ['DEPLOYMENT_SCHEDULED', 'carl@AdobeID', 'Deploy now'],
      ['CSE_SUPPORT_STARTED', 'carl@AdobeID', 'CSE Support'],
    ])
    expect(programAudit(f.engine.ctx, f.programId).every((a) => a.executionId === undefined || a.executionId === e.id)).toBe(true)
  })

  it('an emergency run is named as such', () => {
    const f = amsFixture()
    const p = f.coupled()
    startExecution(f.engine.ctx, DM, f.programId, p.id, { mode: 'EMERGENCY' })
    expect(trail(f).at(-1)?.[0]).toBe('EMERGENCY_EXECUTION_STARTED')
  })

  it('overriding and rejecting failed metrics, rejecting CSE Support and an approval, and cancelling, each with the step', () => {
    const f = amsFixture()
    const p = f.coupled({ productionOptions: { goLiveApproval: true, cseOversight: 'ANY_CSE' } })
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'securityTest', status: 'FAILED', metric: 'important' })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    const gate = settle(f.engine, e)!
    const kpis = failingImportant(gate.metrics).map((m) => m.kpi)
    advanceStep(f.engine.ctx, DM, refOf(e, gate), { kind: 'override', kpis }, { metrics: [] })
    const approval = settle(f.engine, e)!
    expect(approval.action).toBe('approval')
    cancelStep(f.engine.ctx, PM, refOf(e, approval), { kind: 'reject-approval' }, { approved: false })

    addFault(f.engine.ctx, { pipelineId: p.id, action: 'loadTest', status: 'FAILED', metric: 'important' })
    const second = startExecution(f.engine.ctx, DM, f.programId, p.id)
    cancelStep(f.engine.ctx, BO, refOf(second, settle(f.engine, second)!), { kind: 'reject-metrics' }, { override: false })

    const third = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, third)
    advanceStep(f.engine.ctx, BO, refOf(third, step(third, 'approval')), { kind: 'approve' }, { approved: true })
    cancelStep(f.engine.ctx, CSE, refOf(third, settle(f.engine, third)!), { kind: 'reject-managed' }, { start: false })

    const fourth = startExecution(f.engine.ctx, DM, f.programId, p.id)
    cancelExecution(f.engine.ctx, DM, f.programId, p.id)

    const entries = [...programAudit(f.engine.ctx, f.programId)].reverse()
    expect(entries.filter((a) => AUDIT_CATEGORY_OF[a.action] === 'GATE').map((a) => [a.action, a.stepAction, a.userId])).toEqual([
      ['METRICS_OVERRIDDEN', 'securityTest', 'dan@AdobeID'],
      ['APPROVAL_REJECTED', 'approval', 'pam@AdobeID'],
      ['METRICS_REJECTED', 'loadTest', 'bea@AdobeID'],
      ['APPROVAL_APPROVED', 'approval', 'bea@AdobeID'],
      ['CSE_SUPPORT_REJECTED', 'managed', 'carl@AdobeID'],
    ])
    expect(entries.find((a) => a.action === 'METRICS_OVERRIDDEN')?.detail).toBe(`Security Testing: ${kpis.join(', ')}`)
    expect(entries.at(-1)).toMatchObject({ action: 'EXECUTION_CANCELLED', executionId: fourth.id, detail: 'During Validation' })
  })

  it('a re-execution and a start by a git push say how they started', () => {
    const f = amsFixture()
    const p = f.coupled()
    const first = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, first)
    const deploy = first.steps.findLast((s) => s.action === 'deploy')!
    const again = reExecute(f.engine.ctx, DM, f.programId, p.id, deploy.stepId)
    settle(f.engine, again)
    startExecution(f.engine.ctx, SYSTEM_ACTOR, f.programId, p.id, { trigger: 'ON_COMMIT' })
    expect(trail(f).slice(-2)).toEqual([
      ['EXECUTION_STARTED', 'dan@AdobeID', `Re-execution of execution ${first.id}`],
      ['EXECUTION_STARTED', 'system@AdobeID', 'Trigger: On Git Changes'],
    ])
  })

  it('variables changed, by name and service, never their values', () => {
    const f = amsFixture()
    const p = f.coupled()
    f.engine.patchPipelineVariables(DM, f.programId, p.id, [
      { name: 'TOKEN', value: 's3cr3t-value', type: 'secretString' },
      { name: 'MODE', value: 'fast', service: 'loadTest' },
    ])
    f.engine.patchEnvironmentVariables(DM, f.programId, f.stageId, [{ name: 'REGION', value: 'eu' }])
    f.engine.patchPipelineVariables(DM, f.programId, p.id, [{ name: 'TOKEN', value: '' }])
    const entries = [...programAudit(f.engine.ctx, f.programId)].reverse().slice(1)
    expect(entries.map((a) => [a.action, a.pipelineName ?? a.environmentName, a.detail])).toEqual([
      ['PIPELINE_VARIABLES_CHANGED', 'AMS Production', 'Set TOKEN, MODE (loadTest)'],
      ['ENVIRONMENT_VARIABLES_CHANGED', 'ams-stage', 'Set REGION'],
      ['PIPELINE_VARIABLES_CHANGED', 'AMS Production', 'Deleted TOKEN'],
    ])
    expect(JSON.stringify(f.engine.state.audit)).not.toContain('s3cr3t')
  })
})

describe('what it does not record', () => {
  it('refused commands leave no entry', () => {
    const f = amsFixture()
    const p = f.coupled()
    expect(() => f.engine.updatePipeline(DM, f.programId, p.id, { name: '' })).toThrow()
    expect(() => startExecution(f.engine.ctx, { roles: ['developer'], userId: 'dev' }, f.programId, p.id)).toThrow()
    expect(trail(f).map(([action]) => action)).toEqual(['PIPELINE_CREATED'])
  })

  it('Cloud Service programs keep no audit trail', () => {
    const f = freshFixture()
    const p = f.coupled()
    startExecution(f.engine.ctx, DM, f.programId, p.id)
    expect(f.engine.state.audit).toEqual([])
    expect(() => programAudit(f.engine.ctx, f.programId)).toThrow(/not a Managed Services program/)
  })

  it("what the clock does (steps finishing, timeouts) is not a person's action", () => {
    const f = amsFixture()
    const p = f.coupled({ productionOptions: { goLiveApproval: true } })
    const e = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, e)
    f.engine.advanceBy(15 * 86_400_000)
    expect(e.status).toBe('CANCELLED')
    expect(trail(f).map(([action]) => action)).toEqual(['PIPELINE_CREATED', 'EXECUTION_STARTED'])
  })
})

describe('reading the trail', () => {
  it('newest first, filtered by category and pipeline', () => {
    const f = amsFixture()
    const a = f.coupled()
    const b = f.stageOnly()
    startExecution(f.engine.ctx, DM, f.programId, b.id)
    const all = programAudit(f.engine.ctx, f.programId)
    expect(all.map((e) => e.action)).toEqual(['EXECUTION_STARTED', 'PIPELINE_CREATED', 'PIPELINE_CREATED'])
    expect(programAudit(f.engine.ctx, f.programId, { categories: ['EXECUTION'] }).map((e) => e.pipelineId)).toEqual([b.id])
    expect(programAudit(f.engine.ctx, f.programId, { pipelineId: a.id }).map((e) => e.action)).toEqual(['PIPELINE_CREATED'])
    expect(programAudit(f.engine.ctx, f.programId, { pipelineId: b.id, categories: ['PIPELINE', 'EXECUTION'] })).toHaveLength(2)
  })

  it(`keeps the last ${MAX_AUDIT_EVENTS} entries, numbered on`, () => {
    const f = amsFixture()
    for (let i = 0; i < MAX_AUDIT_EVENTS + 5; i++)
      recordAudit(f.engine.ctx, DM, f.programId, { action: 'PIPELINE_UPDATED', detail: `#${i}` })
    const audit = f.engine.state.audit
    expect(audit).toHaveLength(MAX_AUDIT_EVENTS)
    expect(audit[0]?.detail).toBe('#5')
    expect(Number(audit.at(-1)!.id) - Number(audit[0]!.id)).toBe(MAX_AUDIT_EVENTS - 1)
  })

  it('recording does not shift the ids of pipelines and executions', () => {
    const ams = amsFixture()
    const p = ams.coupled()
    const e = startExecution(ams.engine.ctx, DM, ams.programId, p.id)
    const quiet = amsFixture()
    quiet.engine.state.programs[0]!.type = 'aem_cloud_service'
    const q = quiet.coupled({ approveAfterStageDeployment: false })
    expect([p.id, e.id]).toEqual([q.id, startExecution(quiet.engine.ctx, DM, quiet.programId, q.id).id])
  })
})

describe('the trail in snapshots', () => {
  it('is exported and imported with the state', () => {
    const f = amsFixture()
    startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
    const text = f.engine.exportState()
    const restored = new Engine(parseState(JSON.parse(text)))
    expect(restored.exportState()).toBe(text)
    expect(programAudit(restored.ctx, f.programId)).toHaveLength(2)
  })

  it("the demo's AMS program has a trail from its history", () => {
    const demo = Engine.create('demo')
    const ams = demo.state.programs.find((p) => p.type === 'aem_managed_services')!
    const entries = programAudit(demo.ctx, ams.id)
    expect(entries.length).toBeGreaterThan(0)
    expect(new Set(entries.map((e) => e.programId))).toEqual(new Set([ams.id]))
  })

  it('a version-2 state is migrated with an empty trail, and exports like a new state', () => {
    const state = JSON.parse(Engine.create('ams-program').exportState())
    const v2 = { ...state, version: 2 }
    delete v2.audit
    for (const p of v2.pipelines) delete p.stageTesting.assetsTestFiles
    const migrated = parseState(v2)
    expect(migrated.version).toBe(CURRENT_STATE_VERSION)
    expect(migrated.audit).toEqual([])
    expect(JSON.stringify(migrated)).toBe(JSON.stringify(state))
  })

  it('refuses an entry of an unknown program or action, naming it', () => {
    const f = amsFixture()
    f.coupled()
    const state = JSON.parse(f.engine.exportState())
    const bad = structuredClone(state)
    ;(bad.audit[0] as AuditEvent).programId = '999'
    expect(() => parseState(bad)).toThrow(/audit entry 1 belongs to unknown program 999/)
    const unknown = structuredClone(state)
    unknown.audit[0].action = 'PIPELINE_RENAMED'
    expect(() => parseState(unknown)).toThrow(/audit/)
  })
})
