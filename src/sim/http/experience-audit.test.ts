import { expect, it } from 'vitest'
import type { ArtifactList, Execution, MetricList, Redirect } from '../../contract/executions'
import type { ExperienceAuditResults } from '../../contract/experience-audit'
import { REL } from '../../contract/rels'
import type { PipelineList } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('coupled-pipeline')
const HOUR = 3_600_000
const href = (r: { _links?: Record<string, unknown> }, rel: string) => (r._links?.[rel] as { href: string } | undefined)?.href

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return JSON.parse(text) as T
}

/** Runs the production pipeline through its audit and rejects the production approval. */
async function auditedRun(): Promise<Execution> {
  const programs = await json<{ _embedded: { programs: Array<{ id: string }> } }>(await backend.api('/api/programs'))
  const list = await json<PipelineList>(await backend.api(`/api/program/${programs._embedded.programs[0]!.id}/pipelines`))
  const pipeline = list._embedded.pipelines[0]!
  const started = await json<Execution>(await backend.api(href(pipeline, REL.execution)!, { method: 'PUT' }), 201)
  backend.runtime.advance(HOUR)
  const e = await json<Execution>(await backend.api(href(started, 'self')!))
  const approval = e._embedded.stepStates.find((s) => s.status === 'WAITING')!
  const res = await backend.api(href(approval, REL.cancel)!, { method: 'PUT', body: JSON.stringify({ approved: false }) })
  expect(res.status).toBe(202)
  return json<Execution>(await backend.api(href(started, 'self')!))
}

async function auditResults(e: Execution): Promise<{ results: ExperienceAuditResults; metrics: MetricList; type: string }> {
  const audit = e._embedded.stepStates.find((s) => s.action === 'contentAudit')!
  const artifacts = await json<ArtifactList>(await backend.api(href(audit, REL.stepArtifacts)!))
  const file = artifacts._embedded.artifacts.find((a) => a.type === 'CONTENT_AUDIT_RESULTS')!
  expect(file).toMatchObject({ file: 'experience-audit.json', format: 'application/json', stepName: 'contentAudit' })
  const { redirect } = await json<Redirect>(await backend.api(href(file, 'self')!, { headers: { Accept: 'application/json' } }))
  const download = await fetch(redirect)
  const metrics = await json<MetricList>(await backend.api(href(audit, REL.stepMetrics)!))
  return { results: await json<ExperienceAuditResults>(download), metrics, type: download.headers.get('Content-Type') ?? '' }
}

it('the audit results file has every page on both devices, the slowest five of each, and N/A changes on the first audit', async () => {
  const run = await auditedRun()
  // Steps with files link their list; a validation step has none.
  expect(href(run._embedded.stepStates.find((s) => s.action === 'validate')!, REL.stepArtifacts)).toBeUndefined()
  const { results, metrics, type } = await auditResults(run)
  expect(type).toMatch(/^application\/json/)
  expect(results.metrics).toEqual(metrics.metrics)
  const paths = [...new Set(results.pages.map((p) => p.path))]
  expect(paths.length).toBeGreaterThanOrEqual(5)
  expect(results.pages).toHaveLength(paths.length * 2)
  for (const page of results.pages) {
    expect(Object.keys(page.scores).sort()).toEqual(['accessibility', 'best-practices', 'performance', 'seo'])
    expect(Object.values(page.change).every((c) => c === null)).toBe(true)
  }
  for (const device of ['mobile', 'desktop'] as const) {
    const slowest = results.slowestPages[device]
    expect(slowest).toHaveLength(5)
    expect(slowest.every((p) => p.device === device)).toBe(true)
    const perf = slowest.map((p) => p.scores.performance)
    expect(perf).toEqual([...perf].sort((a, b) => a - b))
    const others = results.pages.filter((p) => p.device === device && !slowest.some((s) => s.path === p.path))
    expect(others.every((p) => p.scores.performance >= perf[4]!)).toBe(true)
  }
})

it('the next audit reports the change of each page against the previous one', async () => {
  const first = (await auditResults(await auditedRun())).results
  const second = (await auditResults(await auditedRun())).results
  for (const page of second.pages) {
    const before = first.pages.find((p) => p.path === page.path && p.device === page.device)!
    for (const k of ['performance', 'accessibility', 'best-practices', 'seo'] as const)
      expect(page.change[k]).toBe(page.scores[k] - before.scores[k])
  }
  expect(second.pages.some((p) => p.change.performance !== 0)).toBe(true)
})
