import { describe, expect, it } from 'vitest'
import type {
  Execution,
  ExecutionList,
  MetricList,
  PromotableExecutionList,
  Redirect,
  StepState,
} from '../../contract/executions'
import type { Problem } from '../../contract/problem'
import { REL } from '../../contract/rels'
import type { Pipeline, PipelineList } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('coupled-pipeline')

const HOUR = 3_600_000
const href = (r: { _links?: Record<string, unknown> }, rel: string) => (r._links?.[rel] as { href: string } | undefined)?.href

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return (text ? JSON.parse(text) : undefined) as T
}

async function firstPipeline(scenarioProgram = 0, name?: string): Promise<Pipeline> {
  const programs = await body<{ _embedded: { programs: Array<{ id: string }> } }>(await backend.api('/api/programs'), 200)
  const id = programs._embedded.programs[scenarioProgram]!.id
  const list = await body<PipelineList>(await backend.api(`/api/program/${id}/pipelines`), 200)
  return name ? list._embedded.pipelines.find((p) => p.name === name)! : list._embedded.pipelines[0]!
}

const put = (path: string, json?: unknown, role = 'admin') =>
  backend.api(path, { method: 'PUT', role, ...(json === undefined ? {} : { body: JSON.stringify(json) }) })

async function startRun(role = 'admin') {
  const pipeline = await firstPipeline()
  const res = await put(href(pipeline, REL.execution)!, undefined, role)
  return { pipeline, res }
}

const waitingStep = (e: Execution) => e._embedded.stepStates.find((s) => s.status === 'WAITING')

describe('starting executions', () => {
  it('answers 201 with the new execution and its Location', async () => {
    const { pipeline, res } = await startRun('deployment-manager')
    const e = await body<Execution>(res, 201)
    expect(res.headers.get('Location')).toBe(`/api/program/${pipeline.programId}/pipeline/${pipeline.id}/execution/${e.id}`)
    expect(e).toMatchObject({
      programId: pipeline.programId,
      pipelineId: pipeline.id,
      status: 'RUNNING',
      trigger: 'MANUAL',
      pipelineExecutionMode: 'NORMAL',
      pipelineType: 'CI_CD',
      user: 'deployment-manager@AdobeID',
    })
    expect(e.artifactsVersion).toMatch(/^\d{4}\.\d{3,4}\.\d{5,6}\.\d{10}$/)
    expect(e._embedded.stepStates.map((s) => s.action)).toEqual([
      'validate',
      'build',
      'codeQuality',
      'buildImage',
      'deploy',
      'productTest',
      'functionalTest',
      'contentAudit',
      'approval',
      'deploy',
    ])
    const build = e._embedded.stepStates[1]!
    expect(build).toMatchObject({
      executionId: e.id,
      pipelineId: pipeline.id,
      programId: pipeline.programId,
      repository: 'fresh-repo',
      branch: 'main',
    })
    expect(build.commitId).toMatch(/^[0-9a-f]{40}$/)
    expect(e._embedded.stepStates[4]).toMatchObject({ environment: 'fresh-stage', environmentType: 'stage' })
    expect(href(e, 'self')).toBe(res.headers.get('Location'))
    expect(href(e, REL.pipeline)).toBe(`/api/program/${pipeline.programId}/pipeline/${pipeline.id}`)
    expect(href(e, REL.program)).toBe(`/api/program/${pipeline.programId}`)
  })

  it('answers 412 naming the busy pipeline when it already runs', async () => {
    const { pipeline } = await startRun()
    const problem = await body<Problem>(await put(href(pipeline, REL.execution)!), 412)
    expect(problem.detail).toMatch(/busy/)
    expect(problem['x-sim']?.pipelineId).toBe(pipeline.id)
  })

  it('refuses developers with 403', async () => {
    const { res } = await startRun('developer')
    await body<Problem>(res, 403)
  })

  it('serves the current execution while it runs and 404 after', async () => {
    const pipeline = await firstPipeline()
    await body<Problem>(await backend.api(href(pipeline, REL.execution)!), 404)
    const started = await body<Execution>((await startRun()).res, 201)
    expect((await body<Execution>(await backend.api(href(pipeline, REL.execution)!), 200)).id).toBe(started.id)
    const busy = await body<Pipeline>(await backend.api(href(pipeline, 'self')!), 200)
    expect(busy.status).toBe('BUSY')
    expect(busy['x-sim'].blocked.start?.reason).toMatch(/busy/)
  })

  it('refuses emergency mode on a Cloud Service program, and unknown modes, with 400 naming the parameter', async () => {
    const pipeline = await firstPipeline()
    const refused = await body<Problem>(await put(`${href(pipeline, REL.execution)}?pipelineExecutionMode=EMERGENCY`), 400)
    expect(JSON.stringify(refused)).toMatch(/pipelineExecutionMode/)
    expect(JSON.stringify(refused)).toMatch(/AMS programs only/)
    await body<Problem>(await put(`${href(pipeline, REL.execution)}?pipelineExecutionMode=FAST`), 400)
  })
})

describe('waiting steps', () => {
  async function atApproval() {
    const pipeline = await firstPipeline()
    const started = await body<Execution>((await startRun()).res, 201)
    backend.runtime.advance(3 * HOUR)
    const e = await body<Execution>(await backend.api(href(started, 'self')!), 200)
    return { pipeline, e, approval: waitingStep(e)! }
  }

  it('offer advance and cancel links to deciders only, and say why to others', async () => {
    const { approval, pipeline } = await atApproval()
    expect(approval.action).toBe('approval')
    expect(href(approval, REL.advance)).toBe(`${href(approval, 'self')}/advance`)
    expect(href(approval, REL.cancel)).toBe(`${href(approval, 'self')}/cancel`)
    expect(approval['x-sim'].timeoutAt).toBeDefined()
    const asDev = await body<StepState>(await backend.api(href(approval, 'self')!, { role: 'developer' }), 200)
    expect(href(asDev, REL.advance)).toBeUndefined()
    expect(href(asDev, REL.cancel)).toBeUndefined()
    expect(asDev['x-sim'].blocked.advance?.code).toBe('forbidden')
    expect((await body<Pipeline>(await backend.api(href(pipeline, 'self')!), 200)).status).toBe('WAITING')
  })

  it('approve with 202 and an empty body, echoing the input', async () => {
    const { e, approval } = await atApproval()
    const res = await put(href(approval, REL.advance)!, { approved: true }, 'program-manager')
    expect(res.status).toBe(202)
    expect(await res.text()).toBe('')
    const after = await body<Execution>(await backend.api(href(e, 'self')!), 200)
    const step = after._embedded.stepStates.find((s) => s.id === approval.id)!
    expect(step).toMatchObject({ status: 'FINISHED', details: { input: { approved: true } } })
  })

  it('reject approval through cancel, which cancels the execution', async () => {
    const { e, approval } = await atApproval()
    expect((await put(href(approval, REL.cancel)!, { approved: false })).status).toBe(202)
    const after = await body<Execution>(await backend.api(href(e, 'self')!), 200)
    expect(after.status).toBe('CANCELLED')
    expect(after['x-sim'].failureReason).toMatch(/rejected/)
  })

  it('answer 400 to bodies that do not fit and 403 to developers', async () => {
    const { approval } = await atApproval()
    await body<Problem>(await put(href(approval, REL.advance)!, { type: 'IMMEDIATE' }), 400)
    await body<Problem>(await put(href(approval, REL.advance)!, { nonsense: 1 }), 400)
    await body<Problem>(await put(`${href(approval, 'self')}/advance`, { approved: true }, 'developer'), 403)
  })

  it('require every failing important metric in an override', async () => {
    const pipeline = await firstPipeline()
    await body(
      await backend.api('/__sim/faults', {
        method: 'POST',
        body: JSON.stringify({ pipelineId: pipeline.id, action: 'codeQuality', status: 'FAILED', metric: 'important' }),
      }),
      201,
    )
    const started = await body<Execution>((await startRun()).res, 201)
    backend.runtime.advance(HOUR)
    const e = await body<Execution>(await backend.api(href(started, 'self')!), 200)
    const gate = waitingStep(e)!
    expect(gate.action).toBe('codeQuality')
    const metrics = await body<MetricList>(await backend.api(href(gate, REL.stepMetrics)!), 200)
    const failing = metrics.metrics.filter((m) => m.severity === 'important' && !m.passed)
    expect(failing.map((m) => m.kpi)).toEqual(['coverage', 'sqale_rating'])
    const partial = await body<Problem>(
      await put(href(gate, REL.advance)!, { metrics: [{ kpi: 'coverage', override: true }] }),
      400,
    )
    expect(partial.detail).toMatch(/sqale_rating/)
    expect(
      (await put(href(gate, REL.advance)!, { metrics: failing.map((m) => ({ ...m, override: true })) }, 'program-manager'))
        .status,
    ).toBe(202)
    const after = await body<StepState>(await backend.api(href(gate, 'self')!), 200)
    expect(after).toMatchObject({ status: 'FINISHED', 'x-sim': { resultMessage: 'Overridden' } })
  })
})

describe('logs, metrics and artifacts', () => {
  it('redirect to a plain-text log on the same origin that shows the build variables', async () => {
    const started = await body<Execution>((await startRun()).res, 201)
    backend.runtime.advance(HOUR)
    const e = await body<Execution>(await backend.api(href(started, 'self')!), 200)
    const build = e._embedded.stepStates[1]!
    const logs = href(build, REL.stepLogs)!
    const json = await body<Redirect>(await backend.api(logs, { headers: { Accept: 'application/json' } }), 200)
    expect(json.redirect).toBe(`${location.origin}${href(build, 'self')}/logs/download`)
    const plain = await backend.api(logs, { redirect: 'manual' })
    expect(plain.status).toBe(307)
    expect(plain.headers.get('Location')).toBe(json.redirect)
    const text = await fetch(json.redirect)
    expect(text.headers.get('Content-Type')).toMatch(/^text\/plain/)
    const log = await text.text()
    expect(log).toContain('CM_BUILD=true')
    expect(log).toContain(`ARTIFACTS_VERSION=${e.artifactsVersion}`)
    expect(href(e._embedded.stepStates[0]!, REL.stepLogs)).toBeUndefined()
  })

  it('list artifacts and serve metrics of gates', async () => {
    const started = await body<Execution>((await startRun()).res, 201)
    backend.runtime.advance(HOUR)
    const e = await body<Execution>(await backend.api(href(started, 'self')!), 200)
    const cq = e._embedded.stepStates.find((s) => s.action === 'codeQuality')!
    const artifacts = await body<{ _embedded: { artifacts: Array<{ type: string }> } }>(
      await backend.api(`${href(cq, 'self')}/artifacts`),
      200,
    )
    expect(artifacts._embedded.artifacts.map((a) => a.type)).toEqual(['LOG_FILE', 'SCAN_ISSUES'])
    const audit = e._embedded.stepStates.find((s) => s.action === 'contentAudit')!
    const scores = await body<MetricList>(await backend.api(href(audit, REL.stepMetrics)!), 200)
    expect(scores.metrics.every((m) => m.severity === 'informational')).toBe(true)
    expect(href(e._embedded.stepStates[1]!, REL.stepMetrics)).toBeUndefined()
  })

  it('download the code scanning issues (SCAN_ISSUES) as CSV: one row per Open Issue, with both file locations', async () => {
    const pipeline = await firstPipeline()
    await body(
      await backend.api('/__sim/faults', {
        method: 'POST',
        body: JSON.stringify({ pipelineId: pipeline.id, action: 'codeQuality', status: 'FAILED', metric: 'critical' }),
      }),
      201,
    )
    const started = await body<Execution>(await put(href(pipeline, REL.execution)!), 201)
    backend.runtime.advance(HOUR)
    const e = await body<Execution>(await backend.api(href(started, 'self')!), 200)
    const cq = e._embedded.stepStates.find((s) => s.action === 'codeQuality')!
    const list = await body<{
      _embedded: { artifacts: Array<{ type: string; file: string; _links: { self: { href: string } } }> }
    }>(await backend.api(href(cq, REL.stepArtifacts)!), 200)
    const file = list._embedded.artifacts.find((a) => a.type === 'SCAN_ISSUES')!
    expect(file.file).toBe('code-scan-issues.csv')
    const { redirect } = await body<Redirect>(
      await backend.api(file._links.self.href, { headers: { Accept: 'application/json' } }),
      200,
    )
    const res = await fetch(redirect)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/)
    const lines = (await res.text()).split('\r\n')
    expect(lines[0]).toBe('Rule,Severity,Type,File Location,Project File Location,Line,Message')
    expect(lines.at(-1)).toBe('')
    const metrics = await body<MetricList>(await backend.api(href(cq, REL.stepMetrics)!), 200)
    const open = Number(metrics.metrics.find((m) => m.kpi === 'open_issues')!.actualValue)
    expect(lines.length - 2).toBeGreaterThanOrEqual(Math.max(open, 1))
    // The security rating D of a critical fault: a critical vulnerability heads the list.
    expect(lines[1]).toMatch(
      /^[^,]+,Critical,Vulnerability,com\.example:[^,]+\.core:src\/main\/java\/[^,]+,core\/src\/main\/java\/[^,]+,\d+,/,
    )
  })
})

describe('history and re-execution', () => {
  it('lists executions newest first with paging links', async () => {
    const pipeline = await firstPipeline()
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      ids.push((await body<Execution>(await put(href(pipeline, REL.execution)!), 201)).id)
      backend.runtime.advance(HOUR)
      const current = await body<Execution>(await backend.api(href(pipeline, REL.execution)!), 200)
      await put(href(waitingStep(current)!, REL.cancel)!, { approved: false })
    }
    const page = await body<ExecutionList>(await backend.api(`${href(pipeline, REL.executions)}?start=0&limit=2`), 200)
    expect(page._totalNumberOfItems).toBe(3)
    expect(page._embedded.executions.map((e) => e.id)).toEqual([ids[2], ids[1]])
    expect(page._page).toMatchObject({ start: 0, limit: 2, next: 2 })
    const next = await body<ExecutionList>(await backend.api(href(page, 'next')!), 200)
    expect(next._embedded.executions.map((e) => e.id)).toEqual([ids[0]])
    expect(href(next, 'prev')).toBeDefined()
  })

  it('offers reExecute only on the production deploy of the last execution, and follows it', async () => {
    const pipeline = await firstPipeline()
    await body(
      await backend.api('/__sim/faults', {
        method: 'POST',
        body: JSON.stringify({ pipelineId: pipeline.id, action: 'deploy', environmentType: 'prod', status: 'FAILED' }),
      }),
      201,
    )
    const started = await body<Execution>((await startRun()).res, 201)
    backend.runtime.advance(HOUR)
    const waiting = await body<Execution>(await backend.api(href(started, 'self')!), 200)
    await put(href(waitingStep(waiting)!, REL.advance)!, { approved: true })
    backend.runtime.advance(HOUR)
    const failed = await body<Execution>(await backend.api(href(started, 'self')!), 200)
    expect(failed.status).toBe('FAILED')
    const withLink = failed._embedded.stepStates.filter((s) => href(s, REL.reExecute))
    expect(withLink.map((s) => [s.action, s.environmentType])).toEqual([['deploy', 'prod']])
    const asDev = await body<Execution>(await backend.api(href(started, 'self')!, { role: 'developer' }), 200)
    expect(asDev._embedded.stepStates.some((s) => href(s, REL.reExecute))).toBe(false)
    const res = await put(href(withLink[0]!, REL.reExecute)!)
    const again = await body<Execution>(res, 201)
    expect(res.headers.get('Location')).toBe(href(again, 'self'))
    expect(again).toMatchObject({
      trigger: 'RE_EXECUTE',
      artifactsVersion: failed.artifactsVersion,
      'x-sim': { sourceExecutionId: failed.id },
    })
    expect(again._embedded.stepStates.map((s) => [s.action, s['x-sim'].label])).toEqual([
      ['validate', 'Validation'],
      ['build', 'Build & Unit Testing (Copying artifacts)'],
      ['deploy', 'Deploy to Production'],
    ])
  })
})

describe('promote build', () => {
  it('lists promotable executions and starts the prod-only pipeline from the latest one', async () => {
    backend.runtime.reset('split-pipelines')
    const prodOnly = await firstPipeline(0, 'Prod Only Pipeline')
    const stageOnly = await firstPipeline(0, 'Stage Only pipeline')
    const list = await body<PromotableExecutionList>(await backend.api(`${href(prodOnly, 'self')}/promotableExecutions`), 200)
    expect(list._totalNumberOfItems).toBe(2)
    const [latest, older] = list._embedded.executions
    expect([latest!.latest, older!.latest]).toEqual([true, false])
    const newest = await body<Execution>(await backend.api(href(latest!, 'self')!), 200)
    expect(newest['x-sim'].canPromote).toMatchObject({ allowed: true, prodOnlyPipelineId: prodOnly.id })
    const old = await body<Execution>(await backend.api(href(older!, 'self')!), 200)
    expect(old['x-sim'].canPromote?.allowed).toBe(false)
    const res = await put(`${href(prodOnly, REL.execution)}?sourceExecutionId=${latest!.id}`)
    const promoted = await body<Execution>(res, 201)
    expect(promoted['x-sim']).toMatchObject({
      category: 'prodOnly',
      sourceExecutionId: latest!.id,
      builtByExecutionId: latest!.id,
      validatedByExecutionId: latest!.id,
    })
    expect(promoted.artifactsVersion).toBe(latest!.artifactsVersion)
    expect(promoted._embedded.stepStates[1]).toMatchObject({
      action: 'build',
      'x-sim': { label: 'Artifact Preparation', variant: 'artifactPreparation' },
    })
    // Stage-only and prod-only may run together; the coupled pipeline may not run with either.
    const stageRun = await body<Execution>(await put(href(stageOnly, REL.execution)!), 201)
    expect(stageRun.status).toBe('RUNNING')
    const coupled = await firstPipeline(0, 'Production Pipeline')
    const refused = await body<Problem>(await put(href(coupled, REL.execution)!), 412)
    expect(refused.detail).toMatch(/blocked by running pipeline/)
  })
})

describe('simulator controls', () => {
  it('add, list and clear faults, refusing unknown pipelines', async () => {
    const pipeline = await firstPipeline()
    const fault = await body<{ id: string; remaining: number }>(
      await backend.api('/__sim/faults', {
        method: 'POST',
        body: JSON.stringify({ pipelineId: pipeline.id, action: 'build', status: 'ERROR', count: 2 }),
      }),
      201,
    )
    expect(fault.remaining).toBe(2)
    expect((await body<{ faults: unknown[] }>(await backend.api('/__sim/faults'), 200)).faults).toHaveLength(1)
    await body<Problem>(
      await backend.api('/__sim/faults', {
        method: 'POST',
        body: JSON.stringify({ pipelineId: '999', action: 'build', status: 'ERROR' }),
      }),
      400,
    )
    expect((await backend.api('/__sim/faults', { method: 'DELETE' })).status).toBe(204)
    expect((await body<{ faults: unknown[] }>(await backend.api('/__sim/faults'), 200)).faults).toEqual([])
  })

  it('simulate a git push that adds a commit', async () => {
    const pipeline = await firstPipeline()
    const repoId = pipeline['x-sim'].repositoryId!
    const result = await body<{ commitId: string; started: string[] }>(
      await backend.api('/__sim/git/push', { method: 'POST', body: JSON.stringify({ repositoryId: repoId, branch: 'main' }) }),
      201,
    )
    expect(result.commitId).toMatch(/^[0-9a-f]{40}$/)
    expect(result.started).toEqual([])
    await body<Problem>(
      await backend.api('/__sim/git/push', { method: 'POST', body: JSON.stringify({ repositoryId: repoId, branch: 'nope' }) }),
      404,
    )
  })
})
