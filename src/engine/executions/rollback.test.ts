import { describe, expect, it } from 'vitest'
import { canReExecute, canRollback, promote, reExecute, rollback, rollbackPlan, startExecution, stepLabel } from '../executions'
import { addFault } from '../faults'
import { parseState } from '../snapshot'
import { BO, DEV, DM, type Fixture, freshFixture, refusal, settle, step } from './fixtures'

/** Runs a pipeline to its end (it has no approval gate). */
const runToEnd = (f: Fixture, pipelineId: string) => {
  const e = startExecution(f.engine.ctx, DM, f.programId, pipelineId)
  settle(f.engine, e)
  return e
}

describe('rollback of a production pipeline', () => {
  it('is not offered before the pipeline has two successful executions with different artifacts', () => {
    const f = freshFixture()
    const p = f.coupled()
    expect(refusal(() => rollback(f.engine.ctx, DM, f.programId, p.id)).kind).toBe('precondition-failed')
    const first = runToEnd(f, p.id)
    expect(first.status).toBe('FINISHED')
    const verdict = canRollback(f.engine.ctx, DM, p)
    expect(verdict.ok).toBe(false)
    expect(!verdict.ok && verdict.error.message).toMatch(/two successful executions/)

    addFault(f.engine.ctx, { pipelineId: p.id, action: 'deploy', environmentType: 'prod', status: 'FAILED' })
    expect(runToEnd(f, p.id).status).toBe('FAILED')
    expect(canRollback(f.engine.ctx, DM, p).ok).toBe(false)

    runToEnd(f, p.id)
    expect(canRollback(f.engine.ctx, DM, p).ok).toBe(true)
  })

  it('redeploys the previous successful artifacts to production with validation, a copying build and the deploy', () => {
    const f = freshFixture()
    const p = f.coupled()
    const older = runToEnd(f, p.id)
    const newer = runToEnd(f, p.id)
    expect(rollbackPlan(f.engine.ctx, p)).toMatchObject({ current: { id: newer.id }, target: { id: older.id } })

    const rb = rollback(f.engine.ctx, BO, f.programId, p.id)
    expect(rb).toMatchObject({
      status: 'RUNNING',
      trigger: 'MANUAL',
      user: BO.userId,
      isRollback: true,
      artifactsVersion: older.artifactsVersion,
      commitId: older.commitId,
      sourceExecutionId: older.id,
    })
    expect(rb.steps.map((s) => [s.action, s.environmentType ?? null])).toEqual([
      ['validate', null],
      ['build', null],
      ['deploy', 'prod'],
    ])
    expect(stepLabel(step(rb, 'build'))).toBe('Build & Unit Testing (Copying artifacts)')
    expect(p.currentExecutionId).toBe(rb.id)
    expect(canRollback(f.engine.ctx, DM, p).ok).toBe(false)

    settle(f.engine, rb)
    expect(rb.status).toBe('FINISHED')
    expect(step(rb, 'deploy', 'prod').status).toBe('FINISHED')
  })

  it('is never re-executable', () => {
    const f = freshFixture()
    const p = f.coupled()
    runToEnd(f, p.id)
    runToEnd(f, p.id)
    const rb = rollback(f.engine.ctx, DM, f.programId, p.id)
    settle(f.engine, rb)
    const verdict = canReExecute(f.engine.ctx, DM, rb)
    expect(!verdict.ok && verdict.error.message).toMatch(/rollback/)
    expect(refusal(() => reExecute(f.engine.ctx, DM, f.programId, p.id, step(rb, 'deploy', 'prod').stepId)).kind).toBe('invalid')
  })

  it('rolling back a rollback goes back to the artifacts it replaced', () => {
    const f = freshFixture()
    const p = f.coupled()
    const a = runToEnd(f, p.id)
    const b = runToEnd(f, p.id)
    settle(f.engine, rollback(f.engine.ctx, DM, f.programId, p.id))
    const again = rollback(f.engine.ctx, DM, f.programId, p.id)
    expect(again.artifactsVersion).toBe(b.artifactsVersion)
    expect(again.artifactsVersion).not.toBe(a.artifactsVersion)
  })

  it('needs the right to start executions and an idle pipeline', () => {
    const f = freshFixture()
    const p = f.coupled()
    runToEnd(f, p.id)
    runToEnd(f, p.id)
    expect(refusal(() => rollback(f.engine.ctx, DEV, f.programId, p.id)).kind).toBe('forbidden')
    startExecution(f.engine.ctx, DM, f.programId, p.id)
    expect(refusal(() => rollback(f.engine.ctx, DM, f.programId, p.id)).kind).toBe('precondition-failed')
  })

  it('applies to production only pipelines, which roll back to the previously promoted build', () => {
    const f = freshFixture()
    const stageOnly = f.stageOnly()
    const prodOnly = f.prodOnly()
    const first = runToEnd(f, stageOnly.id)
    settle(f.engine, promote(f.engine.ctx, DM, first))
    const second = runToEnd(f, stageOnly.id)
    settle(f.engine, promote(f.engine.ctx, DM, second))
    const rb = rollback(f.engine.ctx, DM, f.programId, prodOnly.id)
    expect(rb.artifactsVersion).toBe(first.artifactsVersion)
    expect(rb.steps.map((s) => s.action)).toEqual(['validate', 'build', 'deploy'])
  })

  it('is not allowed for pipelines that do not deploy to production', () => {
    const f = freshFixture()
    const p = f.stageOnly()
    runToEnd(f, p.id)
    runToEnd(f, p.id)
    expect(refusal(() => rollback(f.engine.ctx, DM, f.programId, p.id)).kind).toBe('not-allowed')
  })

  it('survives a snapshot round trip', () => {
    const f = freshFixture()
    const p = f.coupled()
    runToEnd(f, p.id)
    runToEnd(f, p.id)
    rollback(f.engine.ctx, DM, f.programId, p.id)
    const restored = parseState(JSON.parse(f.engine.exportState()))
    expect(restored.executions.at(-1)?.isRollback).toBe(true)
  })
})
