import { describe, expect, it } from 'vitest'
import { promote, startExecution } from '../executions'
import { DM, freshFixture, settle } from './fixtures'
import { promotionsOf } from './promotions'

function split() {
  const f = freshFixture()
  const stageOnly = f.stageOnly()
  const prodOnly = f.prodOnly()
  const ctx = f.engine.ctx
  const run = () => {
    const e = f.engine.mutate(() => startExecution(ctx, DM, f.programId, stageOnly.id))
    f.engine.mutate(() => settle(f.engine, e))
    expect(e.status).toBe('FINISHED')
    return e
  }
  const promoteAndFinish = (source: ReturnType<typeof run>) => {
    const p = f.engine.mutate(() => promote(ctx, DM, source))
    f.engine.mutate(() => settle(f.engine, p))
    return p
  }
  return { f, ctx, prodOnly, run, promoteAndFinish }
}

describe('the production runs that took a stage-only build', () => {
  it('a stage-only execution that was never promoted has none', () => {
    const { ctx, run } = split()
    expect(promotionsOf(ctx, run())).toEqual([])
  })

  it('Promote Build links the stage-only execution to the production only execution it started', () => {
    const { ctx, prodOnly, run, promoteAndFinish } = split()
    const first = run()
    const p1 = promoteAndFinish(first)
    expect(p1.pipelineId).toBe(prodOnly.id)
    expect(promotionsOf(ctx, first)).toEqual([p1])
    const second = run()
    const p2 = promoteAndFinish(second)
    expect(promotionsOf(ctx, second)).toEqual([p2])
    expect(promotionsOf(ctx, first)).toEqual([p1])
  })

  it('other executions have no promotions', () => {
    const { ctx, run, promoteAndFinish } = split()
    const p = promoteAndFinish(run())
    expect(promotionsOf(ctx, p)).toEqual([])
  })
})
