import { describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from '../actors'
import { Engine } from '../engine'
import { startExecution } from '../executions'
import { settle } from '../executions/fixtures'
import { createPipeline, withDefaults } from '../pipelines'
import { CURRENT_STATE_VERSION, InvalidStateError, parseState } from '../snapshot'

describe('the ams-program scenario', () => {
  const engine = Engine.create('ams-program')
  const state = engine.state

  it('has exactly one program, AMS Program, of type aem_managed_services with Emergency Mode enabled, and no pipelines', () => {
    expect(state.programs.map((p) => [p.name, p.type, p.emergencyModeEnabled])).toEqual([
      ['AMS Program', 'aem_managed_services', true],
    ])
    expect(state.pipelines).toEqual([])
  })

  it('has ready environments ams-dev, ams-stage and ams-prod, and ams-repo with main and develop', () => {
    expect(state.environments.map((e) => [e.name, e.type, e.status])).toEqual([
      ['ams-dev', 'dev', 'ready'],
      ['ams-stage', 'stage', 'ready'],
      ['ams-prod', 'prod', 'ready'],
    ])
    expect(state.repositories.map((r) => [r.name, r.branches.map((b) => b.name)])).toEqual([['ams-repo', ['main', 'develop']]])
  })

  it('runs every kind of pipeline to FINISHED within 12 virtual hours when nothing waits', () => {
    const e = Engine.create('ams-program', 3)
    const ctx = e.ctx
    const [stage, prod, dev] = ['stage', 'prod', 'dev'].map((t) => ctx.state.environments.find((x) => x.type === t)!.id)
    const source = { repositoryId: ctx.state.repositories[0]!.id, branch: 'main' }
    const programId = ctx.state.programs[0]!.id
    const add = (c: Parameters<typeof withDefaults>[0]) => createPipeline(ctx, SYSTEM_ACTOR, programId, withDefaults(c, 'ams'))
    const pipelines = [
      add({
        name: 'P',
        category: 'production',
        ...source,
        environmentIds: [stage!, prod!],
        stageTesting: { experienceAudit: true },
      }),
      add({ name: 'D', category: 'nonProduction', nonProdKind: 'deployment', ...source, environmentIds: [dev!] }),
      add({ name: 'Q', category: 'nonProduction', nonProdKind: 'codeQuality', ...source }),
      add({ name: 'S', category: 'stageOnly', ...source, environmentIds: [stage!] }),
    ]
    for (const p of pipelines) {
      const run = startExecution(ctx, SYSTEM_ACTOR, programId, p.id)
      expect(settle(e, run)).toBeUndefined()
      expect([p.name, run.status]).toEqual([p.name, 'FINISHED'])
      expect(run.finishedAt! - run.createdAt).toBeLessThan(12 * 3_600_000)
    }
  })
})

describe("the demo's AMS Program", () => {
  const engine = Engine.create('demo')
  const program = engine.state.programs.find((p) => p.name === 'AMS Program')!
  const runs = engine.state.executions.filter((e) => e.programId === program.id)

  it('is an AMS program with Emergency Mode enabled, after the Cloud Service programs', () => {
    expect(program.type).toBe('aem_managed_services')
    expect(program.emergencyModeEnabled).toBe(true)
    expect(engine.state.programs.at(-1)).toBe(program)
  })

  it('has a history of every outcome made by running its pipelines, with nothing left running', () => {
    const statuses = new Set(runs.map((e) => e.status))
    expect([...statuses].sort()).toEqual(['CANCELLED', 'FAILED', 'FINISHED'])
    expect(runs.some((e) => e.mode === 'EMERGENCY' && e.status === 'FINISHED')).toBe(true)
    expect(runs.some((e) => e.steps.some((s) => s.action === 'securityTest' && s.resultMessage === 'Overridden'))).toBe(true)
    expect(runs.some((e) => e.steps.some((s) => s.action === 'loadTest' && s.status === 'FAILED'))).toBe(true)
    expect(runs.some((e) => e.steps.some((s) => s.action === 'managed' && s.status === 'FINISHED'))).toBe(true)
    expect(runs.some((e) => e.steps.some((s) => s.action === 'managed' && s.status === 'CANCELLED'))).toBe(true)
    expect(runs.some((e) => e.category === 'prodOnly' && e.status === 'FINISHED')).toBe(true)
    expect(engine.state.pipelines.every((p) => p.currentExecutionId === undefined)).toBe(true)
  })
})

describe('snapshots with AMS state', () => {
  it('round-trip the demo, AMS Program included, byte for byte', () => {
    const engine = Engine.create('demo', 5)
    const text = engine.exportState()
    expect(new Engine(parseState(JSON.parse(text))).exportState()).toBe(text)
  })

  it('load a version-1 snapshot (before AMS) by migrating it: programs become Cloud Service without emergency mode, pipelines get the AMS options off', () => {
    const current = JSON.parse(Engine.create('coupled-pipeline').exportState())
    const v1 = structuredClone(current)
    v1.version = 1
    for (const p of v1.programs) {
      delete p.emergencyModeEnabled
      delete p.solutions
    }
    for (const p of v1.pipelines) {
      delete p.productionOptions.goLiveApproval
      delete p.productionOptions.cseOversight
      delete p.stageTesting.sitesPageSets
      delete p.stageTesting.assetsSplit
      delete p.stageTesting.assetsTestFiles
      delete p.approveAfterStageDeployment
      delete p.skipDetachingDispatchers
      delete p.dispatcherPaths
    }
    expect(() => parseState({ ...v1, version: 2 })).toThrow(InvalidStateError)
    const migrated = parseState(v1)
    expect(migrated.version).toBe(CURRENT_STATE_VERSION)
    expect(migrated.programs[0]).toMatchObject({ emergencyModeEnabled: false, solutions: ['sites'] })
    expect(migrated.pipelines[0]).toMatchObject({
      productionOptions: { pauseBeforeProd: true, goLiveApproval: false, cseOversight: null },
      approveAfterStageDeployment: false,
      dispatcherPaths: { dev: [], stage: [], prod: [] },
    })
    const engine = new Engine(migrated)
    const p = engine.state.pipelines[0]!
    const run = startExecution(engine.ctx, SYSTEM_ACTOR, p.programId, p.id)
    expect(settle(engine, run)?.action).toBe('approval')
  })

  it('refuses an AMS option of the wrong shape, naming it', () => {
    const state = JSON.parse(Engine.create('demo').exportState())
    const ams = state.pipelines.find((p: { name: string }) => p.name === 'AMS Production')
    ams.productionOptions.cseOversight = 'SOME_CSE'
    expect(() => parseState(state)).toThrow(/productionOptions\.cseOversight/)
  })
})
