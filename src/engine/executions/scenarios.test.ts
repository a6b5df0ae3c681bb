import { describe, expect, it } from 'vitest'
import { Engine } from '../engine'
import { canPromote, canReExecute, lastExecutionOf } from '../executions'
import { stepLog } from '../logs'
import { parseState } from '../snapshot'
import { DM, freshFixture, settle, step } from './fixtures'
import { startExecution } from './start'

describe('the demo history', () => {
  const engine = Engine.create('demo')
  const ctx = engine.ctx
  const production = engine.state.pipelines.find((p) => p.name === 'Production Pipeline')!
  const runs = production.executionIds.map((id) => ctx.findExecution(id)!)
  const failedAt = (action: string, envType?: string) =>
    runs.some(
      (e) =>
        e.status === 'FAILED' &&
        e.steps.some((s) => s.action === action && s.status === 'FAILED' && (!envType || s.environmentType === envType)),
    )

  it('holds at least 25 executions of the production pipeline, of every outcome', () => {
    expect(runs.length).toBeGreaterThanOrEqual(25)
    expect(runs.filter((e) => e.status === 'FINISHED').length).toBeGreaterThan(10)
    expect(failedAt('build')).toBe(true)
    expect(failedAt('deploy', 'prod')).toBe(true)
    expect(runs.some((e) => e.status === 'CANCELLED' && step(e, 'approval').status === 'CANCELLED')).toBe(true)
    expect(runs.filter((e) => e.trigger === 'PUSH_UPGRADES')).toHaveLength(1)
    expect(runs.filter((e) => e.trigger === 'RE_EXECUTE')).toHaveLength(1)
  })

  it('is consistent: ids and times increase, nothing runs, and versions follow each other', () => {
    for (let i = 1; i < runs.length; i++) {
      expect(Number(runs[i]!.id)).toBeGreaterThan(Number(runs[i - 1]!.id))
      expect(runs[i]!.createdAt).toBeGreaterThanOrEqual(runs[i - 1]!.finishedAt!)
    }
    expect(engine.state.pipelines.every((p) => p.currentExecutionId === undefined)).toBe(true)
    const reExecution = runs.find((e) => e.trigger === 'RE_EXECUTE')!
    expect(reExecution.artifactsVersion).toBe(ctx.findExecution(reExecution.sourceExecutionId!)!.artifactsVersion)
  })

  it('lets the last production execution be re-executed and the newest stage-only run be promoted', () => {
    expect(canReExecute(ctx, DM, lastExecutionOf(ctx, production)!).ok).toBe(true)
    const stageOnly = engine.state.pipelines.find((p) => p.category === 'stageOnly')!
    expect(canPromote(ctx, DM, lastExecutionOf(ctx, stageOnly)!).ok).toBe(true)
  })

  it('is the same for the same seed', () => {
    expect(Engine.create('demo').exportState()).toBe(engine.exportState())
  })

  it('survives export and import byte for byte', () => {
    const text = engine.exportState()
    expect(new Engine(parseState(JSON.parse(text))).exportState()).toBe(text)
  })
})

describe('the execution scenarios', () => {
  it('coupled-pipeline has one idle coupled production pipeline ready to run', () => {
    const engine = Engine.create('coupled-pipeline')
    const [pipeline] = engine.state.pipelines
    expect(engine.state.pipelines).toHaveLength(1)
    expect(pipeline).toMatchObject({ category: 'production', codeSource: 'fullStack', executionIds: [] })
    const e = startExecution(engine.ctx, DM, pipeline!.programId, pipeline!.id)
    expect(settle(engine, e)?.action).toBe('approval')
  })

  it('split-pipelines has two successful stage-only executions and promotes only the newer', () => {
    const engine = Engine.create('split-pipelines')
    const ctx = engine.ctx
    const stageOnly = engine.state.pipelines.find((p) => p.category === 'stageOnly')!
    const [older, newer] = stageOnly.executionIds.map((id) => ctx.findExecution(id)!)
    expect([older?.status, newer?.status]).toEqual(['FINISHED', 'FINISHED'])
    expect(newer!.createdAt - older!.finishedAt!).toBeGreaterThanOrEqual(86_400_000)
    expect(canPromote(ctx, DM, newer!).ok).toBe(true)
    expect(canPromote(ctx, DM, older!).ok).toBe(false)
  })
})

describe('step logs', () => {
  it('show the standard build variables and do not change the state when read', () => {
    const f = freshFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
    settle(f.engine, e)
    const before = f.engine.exportState()
    const log = stepLog(f.engine.ctx, e, step(e, 'build'))!
    for (const v of [
      'CM_BUILD=true',
      'BRANCH=main',
      `CM_PIPELINE_ID=${e.pipelineId}`,
      'CM_PIPELINE_NAME=Production Pipeline',
      `CM_PROGRAM_ID=${e.programId}`,
      'CM_PROGRAM_NAME=Fresh Program',
      `ARTIFACTS_VERSION=${e.artifactsVersion}`,
    ]) {
      expect(log).toContain(v)
    }
    expect(log).toMatch(/finished successfully\n$/)
    expect(f.engine.exportState()).toBe(before)
    expect(stepLog(f.engine.ctx, e, step(e, 'validate'))).toBeUndefined()
  })

  it('tell where reused artifacts come from', () => {
    const f = freshFixture()
    const p = f.coupled()
    const first = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, first)
    const second = startExecution(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, second)
    expect(stepLog(f.engine.ctx, second, step(second, 'build'))).toContain(
      `The following build artifacts were reused from the prior execution ${first.id} of pipeline ${p.id} which used commit ${first.commitId}`,
    )
  })

  it('are absent for steps that have not started', () => {
    const f = freshFixture()
    const e = startExecution(f.engine.ctx, DM, f.programId, f.coupled().id)
    expect(stepLog(f.engine.ctx, e, step(e, 'build'))).toBeUndefined()
  })
})
