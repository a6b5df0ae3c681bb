import { describe, expect, it } from 'vitest'
import { activityAction, programActivity, reExecute, rollback, seedHistory, startExecution } from '../executions'
import type { Execution } from '../model'
import { parseState } from '../snapshot'
import { pushUpgrade } from '../triggers'
import { DM, type Fixture, freshFixture, settle, step } from './fixtures'

const runToEnd = (f: Fixture, pipelineId: string) => {
  const e = startExecution(f.engine.ctx, DM, f.programId, pipelineId)
  settle(f.engine, e)
  return e
}

describe('program activity', () => {
  it('lists every execution of the program newest first, across pipelines', () => {
    const f = freshFixture()
    const coupled = f.coupled()
    const quality = f.add({
      name: 'Quality',
      category: 'nonProduction',
      nonProdKind: 'codeQuality',
      repositoryId: f.repoId,
      branch: 'main',
    })
    const a = runToEnd(f, coupled.id)
    const b = runToEnd(f, quality.id)
    const c = runToEnd(f, coupled.id)
    expect(programActivity(f.engine.ctx, f.programId).map((e) => e.id)).toEqual([c.id, b.id, a.id])
  })

  it('filters by pipeline, status and trigger', () => {
    const f = freshFixture()
    const coupled = f.coupled()
    const quality = f.add({
      name: 'Quality',
      category: 'nonProduction',
      nonProdKind: 'codeQuality',
      repositoryId: f.repoId,
      branch: 'main',
    })
    runToEnd(f, coupled.id)
    const q = runToEnd(f, quality.id)
    const up = pushUpgrade(f.engine.ctx, f.programId, coupled.id)
    const ctx = f.engine.ctx
    expect(programActivity(ctx, f.programId, { pipelineId: quality.id }).map((e) => e.id)).toEqual([q.id])
    expect(programActivity(ctx, f.programId, { statuses: ['RUNNING'] }).map((e) => e.id)).toEqual([up.id])
    expect(programActivity(ctx, f.programId, { triggers: ['PUSH_UPGRADES'] }).map((e) => e.id)).toEqual([up.id])
    expect(programActivity(ctx, f.programId, { statuses: ['FAILED', 'ERROR'] })).toEqual([])
  })

  it('answers the same list until the state changes, then a fresh one', () => {
    const f = freshFixture()
    const p = f.coupled()
    runToEnd(f, p.id)
    const first = programActivity(f.engine.ctx, f.programId)
    expect(programActivity(f.engine.ctx, f.programId)).toBe(first)
    const filtered = programActivity(f.engine.ctx, f.programId, { statuses: ['FINISHED'] })
    expect(programActivity(f.engine.ctx, f.programId, { statuses: ['FINISHED'] })).toBe(filtered)
    runToEnd(f, p.id)
    expect(programActivity(f.engine.ctx, f.programId)).not.toBe(first)
    expect(programActivity(f.engine.ctx, f.programId)).toHaveLength(2)
  })

  it('names what each execution did', () => {
    const f = freshFixture()
    const coupled = f.coupled()
    const webTier = f.add({
      name: 'Web Tier',
      category: 'production',
      codeSource: 'webTierConfig',
      repositoryId: f.repoId,
      branch: 'main',
      environmentIds: [f.stageId, f.prodId],
    })
    const quality = f.add({
      name: 'Quality',
      category: 'nonProduction',
      nonProdKind: 'codeQuality',
      repositoryId: f.repoId,
      branch: 'main',
    })
    const stageOnly = f.stageOnly()
    const prodOnly = f.prodOnly()
    const ctx = f.engine.ctx
    const label = (e: { pipelineId: string }) => activityAction(ctx.findPipeline(e.pipelineId), e as never)
    expect(label(runToEnd(f, coupled.id))).toBe('Full Stack Pipeline Execution')
    const full = runToEnd(f, coupled.id)
    expect(label(runToEnd(f, webTier.id))).toBe('Web Tier Config Pipeline Execution')
    expect(label(runToEnd(f, quality.id))).toBe('Code Quality Execution')
    const again = reExecute(ctx, DM, f.programId, coupled.id, step(full, 'deploy', 'prod').stepId)
    settle(f.engine, again)
    expect(label(again)).toBe('Re-execution')
    const rb = rollback(ctx, DM, f.programId, coupled.id)
    expect(label(rb)).toBe('Rollback Execution')
    settle(f.engine, rb)
    const staged = runToEnd(f, stageOnly.id)
    expect(label(staged)).toBe('Full Stack Pipeline Execution')
    expect(label(runToEnd(f, prodOnly.id))).toBe('Promote Build')
    expect(label(pushUpgrade(ctx, f.programId, coupled.id))).toBe('Push Update Execution')
  })
})

describe('seeded history', () => {
  it('adds finished executions before the existing ones, in time order, without running the clock', () => {
    const f = freshFixture()
    const p = f.coupled()
    const live = runToEnd(f, p.id)
    const now = f.engine.now
    const seeded = seedHistory(f.engine.ctx, f.programId, 500)
    expect(f.engine.now).toBe(now)
    expect(seeded).toHaveLength(500)
    expect(seeded.every((e) => e.status !== 'RUNNING' && e.finishedAt! < live.createdAt)).toBe(true)
    const list = programActivity(f.engine.ctx, f.programId)
    expect(list).toHaveLength(501)
    expect(list[0]!.id).toBe(live.id)
    for (let i = 1; i < list.length; i++) expect(list[i]!.createdAt).toBeLessThan(list[i - 1]!.createdAt)
    expect(p.executionIds.at(-1)).toBe(live.id)
    expect(p.executionIds).toHaveLength(501)
    const statuses = new Set(seeded.map((e) => e.status))
    expect(statuses.has('FINISHED') && statuses.has('FAILED')).toBe(true)
  })

  it('produces a state that passes snapshot validation', () => {
    const f = freshFixture()
    f.coupled()
    f.add({ name: 'Quality', category: 'nonProduction', nonProdKind: 'codeQuality', repositoryId: f.repoId, branch: 'main' })
    f.stageOnly()
    f.prodOnly()
    seedHistory(f.engine.ctx, f.programId, 200)
    expect(() => parseState(JSON.parse(f.engine.exportState()))).not.toThrow()
  })

  it('is deterministic for a seed', () => {
    const make = () => {
      const f = freshFixture(7)
      f.coupled()
      seedHistory(f.engine.ctx, f.programId, 50)
      return f.engine.exportState()
    }
    expect(make()).toBe(make())
  })

  it('keeps a long history in time order', { timeout: 30_000 }, () => {
    const f = freshFixture()
    f.coupled()
    seedHistory(f.engine.ctx, f.programId, 20_000)
    const list = programActivity(f.engine.ctx, f.programId)
    expect(list).toHaveLength(20_000)
    expect(list.every((e, i) => i === 0 || e.createdAt < (list[i - 1] as Execution).createdAt)).toBe(true)
  })
})
