import { describe, expect, it } from 'vitest'
import {
  advanceStep,
  canPromote,
  canReExecute,
  canStart,
  cancelStep,
  environmentLock,
  executionRollbackRisk,
  promotableExecutions,
  promote,
  reExecute,
  startExecution,
} from '../executions'
import { addFault, clearFaults } from '../faults'
import { gitPush } from '../triggers'
import { advanceBy, BO, DEV, DM, type Fixture, freshFixture, PM, refOf, refusal, settle, step } from './fixtures'

const run = (f: Fixture, pipelineId: string, options = {}) => {
  const e = startExecution(f.engine.ctx, DM, f.programId, pipelineId, options)
  return { e, waiting: settle(f.engine, e) }
}

const approveAll = (f: Fixture, e: ReturnType<typeof run>['e']) => {
  for (let w = settle(f.engine, e); w; w = settle(f.engine, e))
    advanceStep(f.engine.ctx, DM, refOf(e, w), { kind: 'approve' }, { approved: true })
}

describe('code scanning', () => {
  it('passes every critical and important metric unless a fault is injected', () => {
    const f = freshFixture()
    const { e } = run(f, f.coupled().id)
    const metrics = step(e, 'codeQuality').metrics!
    expect(metrics.map((m) => m.kpi)).toEqual([
      'coverage',
      'sqale_rating',
      'security_rating',
      'reliability_rating',
      'skipped_tests',
      'open_issues',
      'duplicated_lines_density',
      'cloud_service_compatibility',
    ])
    expect(metrics.filter((m) => m.severity !== 'informational').every((m) => m.passed)).toBe(true)
    expect(e.status).toBe('FINISHED')
  })

  it('waits for an override of failed important metrics when the pipeline asks every time', () => {
    const f = freshFixture()
    const p = f.coupled({ importantMetricFailureBehavior: 'ASK' })
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'codeQuality', status: 'FAILED', metric: 'important' })
    const { e, waiting } = run(f, p.id)
    expect(waiting?.action).toBe('codeQuality')
    const failing = waiting!.metrics!.filter((m) => m.severity === 'important' && !m.passed).map((m) => m.kpi)
    expect(failing).toEqual(['coverage', 'sqale_rating'])
    const partial = refusal(() => advanceStep(f.engine.ctx, PM, refOf(e, waiting!), { kind: 'override', kpis: ['coverage'] }, {}))
    expect(partial.kind).toBe('invalid')
    expect(partial.message).toMatch(/sqale_rating/)
    advanceStep(f.engine.ctx, PM, refOf(e, waiting!), { kind: 'override', kpis: failing }, { metrics: [] })
    expect(waiting).toMatchObject({ status: 'FINISHED', resultMessage: 'Overridden' })
    expect(waiting!.metrics!.filter((m) => !m.passed && m.severity === 'important').every((m) => m.override)).toBe(true)
    expect(settle(f.engine, e)).toBeUndefined()
    expect(e.status).toBe('FINISHED')
  })

  it('fails the execution when failed important metrics are rejected', () => {
    const f = freshFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'codeQuality', status: 'FAILED', metric: 'important' })
    const { e, waiting } = run(f, p.id)
    cancelStep(f.engine.ctx, BO, refOf(e, waiting!), { kind: 'reject-metrics' }, { override: false })
    expect(waiting!.status).toBe('FAILED')
    expect(e.status).toBe('FAILED')
  })

  it('fails immediately with Fail Immediately, and continues with overridden metrics with Continue Immediately', () => {
    const f = freshFixture()
    const failing = f.coupled({ importantMetricFailureBehavior: 'FAIL' })
    addFault(f.engine.ctx, { pipelineId: failing.id, action: 'codeQuality', status: 'FAILED', metric: 'important' })
    const a = run(f, failing.id)
    expect(a.waiting).toBeUndefined()
    expect(a.e.status).toBe('FAILED')
    expect(step(a.e, 'codeQuality').status).toBe('FAILED')

    const g = freshFixture()
    const continuing = g.coupled({ importantMetricFailureBehavior: 'CONTINUE' })
    addFault(g.engine.ctx, { pipelineId: continuing.id, action: 'codeQuality', status: 'FAILED', metric: 'important' })
    const b = run(g, continuing.id)
    expect(b.e.status).toBe('FINISHED')
    const cq = step(b.e, 'codeQuality')
    expect(cq.resultMessage).toBe('Overridden')
    expect(cq.metrics!.filter((m) => !m.passed && m.severity === 'important').every((m) => m.override)).toBe(true)
  })

  it('fails on a critical failure whatever the setting', () => {
    for (const behavior of ['ASK', 'FAIL', 'CONTINUE'] as const) {
      const f = freshFixture()
      const p = f.coupled({ importantMetricFailureBehavior: behavior })
      addFault(f.engine.ctx, { pipelineId: p.id, action: 'codeQuality', status: 'FAILED', metric: 'critical' })
      const { e } = run(f, p.id)
      expect(e.status).toBe('FAILED')
      expect(e.failureReason).toMatch(/Security Rating is D/)
    }
  })

  it('cannot wait in a code quality pipeline: important failures fail it', () => {
    const f = freshFixture()
    const p = f.add({ name: 'CQ', category: 'nonProduction', nonProdKind: 'codeQuality', repositoryId: f.repoId, branch: 'main' })
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'codeQuality', status: 'FAILED', metric: 'important' })
    const { e, waiting } = run(f, p.id)
    expect(waiting).toBeUndefined()
    expect(e.status).toBe('FAILED')
  })

  it('records informational experience audit scores that never block', () => {
    const f = freshFixture()
    const { e } = run(f, f.coupled().id)
    const audit = step(e, 'contentAudit').metrics!
    expect(audit.map((m) => m.kpi).sort()).toEqual(['accessibility', 'best-practices', 'performance', 'pwa', 'seo'])
    expect(audit.every((m) => m.severity === 'informational' && m.comparator === 'GTE' && m.expectedValue === '80')).toBe(true)
  })
})

describe('faults', () => {
  it('fail the next matching steps the given number of times, then stop', () => {
    const f = freshFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'build', status: 'ERROR', count: 2 })
    for (let i = 0; i < 2; i++) {
      const { e } = run(f, p.id)
      expect(e.status).toBe('ERROR')
      expect(step(e, 'build').status).toBe('ERROR')
      expect(e.failureReason).toMatch(/internal error/)
    }
    expect(run(f, p.id).e.status).toBe('FINISHED')
    expect(f.engine.state.faults).toEqual([])
  })

  it('match the environment type when given', () => {
    const f = freshFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'deploy', environmentType: 'prod', status: 'FAILED' })
    const { e } = run(f, p.id)
    expect(step(e, 'deploy', 'stage').status).toBe('FINISHED')
    expect(step(e, 'deploy', 'prod').status).toBe('FAILED')
    expect(e.status).toBe('FAILED')
  })

  it('refuse unknown pipelines, steps the pipeline lacks and metric faults outside code scanning', () => {
    const f = freshFixture()
    const p = f.coupled()
    expect(refusal(() => addFault(f.engine.ctx, { pipelineId: '999', action: 'build', status: 'FAILED' })).kind).toBe('invalid')
    expect(refusal(() => addFault(f.engine.ctx, { pipelineId: p.id, action: 'uiTest', status: 'FAILED' })).kind).toBe('invalid')
    expect(
      refusal(() => addFault(f.engine.ctx, { pipelineId: p.id, action: 'build', status: 'FAILED', metric: 'critical' })).kind,
    ).toBe('invalid')
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'build', status: 'FAILED' })
    clearFaults(f.engine.ctx)
    expect(f.engine.state.faults).toEqual([])
  })
})

describe('mutual exclusion', () => {
  it('keeps stage-only and prod-only pipelines from starting while the coupled pipeline runs', () => {
    const f = freshFixture()
    const coupled = f.coupled()
    const stageOnly = f.stageOnly()
    f.prodOnly()
    startExecution(f.engine.ctx, DM, f.programId, coupled.id)
    const error = refusal(() => startExecution(f.engine.ctx, DM, f.programId, stageOnly.id))
    expect(error.kind).toBe('precondition-failed')
    expect(error.facts.pipelineId).toBe(coupled.id)
    expect(error.message).toContain('Production Pipeline')
  })

  it('keeps the coupled pipeline from starting while a stage-only pipeline runs', () => {
    const f = freshFixture()
    const coupled = f.coupled()
    const stageOnly = f.stageOnly()
    startExecution(f.engine.ctx, DM, f.programId, stageOnly.id)
    const verdict = canStart(f.engine.ctx, DM, coupled)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.error.facts.pipelineId).toBe(stageOnly.id)
  })

  it('lets stage-only and prod-only pipelines run together', () => {
    const f = freshFixture()
    const stageOnly = f.stageOnly()
    const prodOnly = f.prodOnly()
    run(f, stageOnly.id)
    startExecution(f.engine.ctx, DM, f.programId, stageOnly.id)
    expect(() => startExecution(f.engine.ctx, DM, f.programId, prodOnly.id)).not.toThrow()
  })
})

describe('environment locks', () => {
  it('hold stage and prod while the coupled pipeline waits for approval, and release them when it ends', () => {
    const f = freshFixture()
    const p = f.coupled({ productionOptions: { pauseBeforeProd: true, scheduled: false } })
    expect(environmentLock(f.engine.ctx, f.stageId)).toBeUndefined()
    const { e, waiting } = run(f, p.id)
    expect(environmentLock(f.engine.ctx, f.stageId)).toMatchObject({ pipelineId: p.id, executionId: e.id })
    expect(environmentLock(f.engine.ctx, f.prodId)?.reason).toMatch(/waiting at Approval before deploying to fresh-prod/)
    expect(environmentLock(f.engine.ctx, f.devId)).toBeUndefined()
    cancelStep(f.engine.ctx, DM, refOf(e, waiting!), { kind: 'reject-approval' }, {})
    expect(environmentLock(f.engine.ctx, f.stageId)).toBeUndefined()
    expect(environmentLock(f.engine.ctx, f.prodId)).toBeUndefined()
  })

  it('hold only stage for a stage-only run and only prod for a prod-only run', () => {
    const f = freshFixture()
    const stageOnly = f.stageOnly()
    const prodOnly = f.prodOnly()
    run(f, stageOnly.id)
    startExecution(f.engine.ctx, DM, f.programId, stageOnly.id)
    expect(environmentLock(f.engine.ctx, f.stageId)?.pipelineId).toBe(stageOnly.id)
    expect(environmentLock(f.engine.ctx, f.prodId)).toBeUndefined()
    settle(f.engine, f.engine.ctx.findExecution(stageOnly.currentExecutionId!)!)
    startExecution(f.engine.ctx, DM, f.programId, prodOnly.id)
    expect(environmentLock(f.engine.ctx, f.prodId)?.pipelineId).toBe(prodOnly.id)
    expect(environmentLock(f.engine.ctx, f.stageId)).toBeUndefined()
  })
})

describe('re-execute', () => {
  const failedAtProd = () => {
    const f = freshFixture()
    const p = f.coupled()
    addFault(f.engine.ctx, { pipelineId: p.id, action: 'deploy', environmentType: 'prod', status: 'FAILED' })
    const { e } = run(f, p.id)
    return { f, p, e }
  }

  it('is allowed on the last execution once its production deploy completed', () => {
    const { f, e } = failedAtProd()
    expect(canReExecute(f.engine.ctx, DM, e).ok).toBe(true)
    expect(canReExecute(f.engine.ctx, PM, e).ok).toBe(true)
    expect(canReExecute(f.engine.ctx, DEV, e).ok).toBe(false)
  })

  it('creates a RE_EXECUTE execution of validation, artifact copy and production deploy', () => {
    const { f, p, e } = failedAtProd()
    const deploy = step(e, 'deploy', 'prod')
    const again = reExecute(f.engine.ctx, DM, f.programId, p.id, deploy.stepId)
    expect(again.trigger).toBe('RE_EXECUTE')
    expect(again.steps.map((s) => [s.action, s.variant, s.environmentType])).toEqual([
      ['validate', undefined, undefined],
      ['build', 'copyArtifacts', undefined],
      ['deploy', undefined, 'prod'],
    ])
    expect(again.steps[2]).toMatchObject({ phaseId: deploy.phaseId, stepId: deploy.stepId, environmentId: f.prodId })
    expect(again).toMatchObject({
      artifactsVersion: e.artifactsVersion,
      commitId: e.commitId,
      sourceExecutionId: e.id,
      reExecutedFromStepId: deploy.stepId,
    })
    settle(f.engine, again)
    expect(again.status).toBe('FINISHED')
    expect(step(again, 'build').finishedAt! - step(again, 'build').startedAt!).toBeLessThan(20_000)
  })

  it('is not allowed on older executions, push upgrades, runs that failed before production, or while the pipeline runs', () => {
    const { f, p, e } = failedAtProd()
    const next = run(f, p.id).e
    expect(canReExecute(f.engine.ctx, DM, e).ok).toBe(false)
    expect(canReExecute(f.engine.ctx, DM, next).ok).toBe(true)

    const upgrade = startExecution(f.engine.ctx, DM, f.programId, p.id, { trigger: 'PUSH_UPGRADES' })
    expect(canReExecute(f.engine.ctx, DM, upgrade).ok).toBe(false)
    settle(f.engine, upgrade)
    expect(canReExecute(f.engine.ctx, DM, upgrade).ok).toBe(false)

    addFault(f.engine.ctx, { pipelineId: p.id, action: 'build', status: 'FAILED' })
    const early = run(f, p.id).e
    expect(canReExecute(f.engine.ctx, DM, early).ok).toBe(false)
    expect(refusal(() => reExecute(f.engine.ctx, DM, f.programId, p.id, step(early, 'deploy', 'prod').stepId)).kind).toBe(
      'invalid',
    )
  })
})

describe('promote build', () => {
  const split = () => {
    const f = freshFixture()
    const coupled = f.coupled()
    const stageOnly = f.stageOnly()
    const prodOnly = f.prodOnly()
    return { f, coupled, stageOnly, prodOnly }
  }

  it('is allowed only from the latest successful stage-only execution', () => {
    const { f, stageOnly } = split()
    const older = run(f, stageOnly.id).e
    const newer = run(f, stageOnly.id).e
    addFault(f.engine.ctx, { pipelineId: stageOnly.id, action: 'functionalTest', status: 'FAILED' })
    const failed = run(f, stageOnly.id).e
    expect(canPromote(f.engine.ctx, DM, newer).ok).toBe(true)
    expect(canPromote(f.engine.ctx, DM, older).ok).toBe(false)
    expect(canPromote(f.engine.ctx, DM, failed).ok).toBe(false)
    expect(canPromote(f.engine.ctx, DEV, newer).ok).toBe(false)
    expect(promotableExecutions(f.engine.ctx, f.programId).map((e) => e.id)).toEqual([newer.id, older.id])
  })

  it('starts the prod-only pipeline with the promoted artifacts, linking builder and validator', () => {
    const { f, stageOnly } = split()
    const source = run(f, stageOnly.id).e
    const promoted = promote(f.engine.ctx, BO, source)
    expect(promoted).toMatchObject({
      category: 'prodOnly',
      artifactsVersion: source.artifactsVersion,
      commitId: source.commitId,
      sourceExecutionId: source.id,
      builtByExecutionId: source.id,
      validatedByExecutionId: source.id,
    })
    const build = step(promoted, 'build')
    expect(build.variant).toBe('artifactPreparation')
    settle(f.engine, promoted)
    expect(build.finishedAt! - build.startedAt!).toBeLessThanOrEqual(9900)
    expect(promoted.status).toBe('FINISHED')
  })

  it('uses the latest promotable execution when none is chosen, and refuses when there is none', () => {
    const { f, stageOnly, prodOnly } = split()
    expect(refusal(() => startExecution(f.engine.ctx, DM, f.programId, prodOnly.id)).kind).toBe('precondition-failed')
    run(f, stageOnly.id)
    const latest = run(f, stageOnly.id).e
    expect(startExecution(f.engine.ctx, DM, f.programId, prodOnly.id).sourceExecutionId).toBe(latest.id)
  })

  it('flags a rollback risk when production runs newer artifacts', () => {
    const { f, coupled, stageOnly } = split()
    const stage = run(f, stageOnly.id).e
    run(f, coupled.id)
    const promoted = promote(f.engine.ctx, DM, stage)
    expect(executionRollbackRisk(f.engine.ctx, promoted)?.message).toMatch(/roll production back/)
    const fresh = run(f, stageOnly.id).e
    const safe = promote(f.engine.ctx, DM, fresh)
    expect(executionRollbackRisk(f.engine.ctx, safe)).toBeUndefined()
  })
})

describe('git pushes', () => {
  it('start idle ON_COMMIT pipelines of the branch with a new head commit and no user', () => {
    const f = freshFixture()
    const p = f.add({
      name: 'Dev',
      category: 'nonProduction',
      nonProdKind: 'deployment',
      repositoryId: f.repoId,
      branch: 'develop',
      environmentIds: [f.devId],
      trigger: 'ON_COMMIT',
    })
    const manual = f.coupled()
    const result = gitPush(f.engine.ctx, f.repoId, 'develop')
    expect(result.commitId).toMatch(/^[0-9a-f]{40}$/)
    const e = f.engine.ctx.findExecution(result.started[0]!)!
    expect(e).toMatchObject({ pipelineId: p.id, trigger: 'ON_COMMIT', user: '', commitId: result.commitId })
    expect(manual.currentExecutionId).toBeUndefined()
    expect(gitPush(f.engine.ctx, f.repoId, 'develop').started).toEqual([])
  })

  it('start only the stage-only pipeline when it and the coupled pipeline watch the same branch', () => {
    const f = freshFixture()
    const coupled = f.coupled({ trigger: 'ON_COMMIT' })
    const stageOnly = f.stageOnly({ trigger: 'ON_COMMIT' })
    const result = gitPush(f.engine.ctx, f.repoId, 'main')
    expect(result.started).toEqual([stageOnly.currentExecutionId])
    expect(result.skipped.map((s) => s.pipelineId)).toEqual([coupled.id])
  })

  it('refuse unknown branches', () => {
    const f = freshFixture()
    expect(refusal(() => gitPush(f.engine.ctx, f.repoId, 'nope')).kind).toBe('not-found')
  })
})

it('reuses artifacts built earlier for the same commit by the same kind of pipeline', () => {
  const f = freshFixture()
  const p = f.coupled()
  const first = run(f, p.id).e
  const second = startExecution(f.engine.ctx, DM, f.programId, p.id)
  expect(second.builtByExecutionId).toBe(first.id)
  advanceBy(f.engine, 60_000)
  expect(step(second, 'build').status).toBe('FINISHED')
  approveAll(f, second)
})
