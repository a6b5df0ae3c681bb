/**
 * (sim) [AMS] The program's audit trail over HTTP: `GET /api/program/{programId}/audit` lists what
 * people did, newest first, paged and filtered like Activity, with links to what still exists;
 * Cloud Service programs have none (404); bad queries are 400 naming the parameter.
 */
import { describe, expect, it } from 'vitest'
import type { AuditList } from '../../contract/audit'
import type { Execution } from '../../contract/executions'
import type { Problem } from '../../contract/problem'
import { REL } from '../../contract/rels'
import type { Pipeline } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('demo', { reset: false })

const href = (r: { _links?: Record<string, unknown> } | undefined, rel: string) =>
  (r?._links?.[rel] as { href: string } | undefined)?.href

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return (text ? JSON.parse(text) : undefined) as T
}

const call = (method: string, path: string, json?: unknown, role = 'admin') =>
  backend.api(path, { method, role, ...(json === undefined ? {} : { body: JSON.stringify(json) }) })

async function programs() {
  const list = await body<{ _embedded: { programs: Array<{ id: string; name: string }> } }>(
    await backend.api('/api/programs'),
    200,
  )
  const ams = list._embedded.programs.find((p) => p.name === 'AMS Program')!
  const cs = list._embedded.programs.find((p) => p.name !== 'AMS Program')!
  return { ams: ams.id, cs: cs.id }
}

async function repositoryOf(programId: string): Promise<string> {
  const repos = await body<{ _embedded: { repositories: Array<{ id: string }> } }>(
    await backend.api(`/api/program/${programId}/repositories`),
    200,
  )
  return repos._embedded.repositories[0]!.id
}

const audit = (programId: string, query = '', role = 'admin') =>
  call('GET', `/api/program/${programId}/audit${query}`, undefined, role)

describe('the AMS audit trail', () => {
  it('lists a pipeline a Deployment Manager created and the run they started, newest first, with who, when and links', async () => {
    const { ams } = await programs()
    const repo = await repositoryOf(ams)
    const created = await body<Pipeline>(
      await call(
        'POST',
        `/api/program/${ams}/pipelines`,
        { name: 'Audited Quality', category: 'nonProduction', nonProdKind: 'codeQuality', repositoryId: repo, branch: 'main' },
        'deployment-manager',
      ),
      201,
    )
    const run = await body<Execution>(await call('PUT', href(created, REL.execution)!, undefined, 'deployment-manager'), 201)
    const list = await body<AuditList>(await audit(ams, '?limit=2', 'developer'), 200)
    const [started, made] = list._embedded.auditEvents
    expect(started).toMatchObject({
      action: 'EXECUTION_STARTED',
      category: 'EXECUTION',
      roles: ['deployment-manager'],
      pipelineId: created.id,
      pipelineName: 'Audited Quality',
      executionId: run.id,
      detail: 'Trigger: Manual',
    })
    expect(made).toMatchObject({ action: 'PIPELINE_CREATED', category: 'PIPELINE', pipelineName: 'Audited Quality' })
    expect(Date.parse(started!.createdAt)).toBeGreaterThanOrEqual(Date.parse(made!.createdAt))
    // The links lead to the objects.
    const execution = await body<Execution>(await backend.api(href(started, REL.execution)!), 200)
    expect(execution.id).toBe(run.id)
    const pipeline = await body<Pipeline>(await backend.api(href(made, REL.pipeline)!), 200)
    expect(pipeline.name).toBe('Audited Quality')
  })

  it('pages like Activity: total, _page, next and prev links that keep the filters', async () => {
    const { ams } = await programs()
    const first = await body<AuditList>(await audit(ams, '?limit=3&category=PIPELINE,EXECUTION'), 200)
    expect(first._totalNumberOfItems).toBeGreaterThan(3)
    expect(first._page).toMatchObject({ start: 0, limit: 3, next: 3 })
    expect(first._embedded.auditEvents.every((a) => a.category === 'PIPELINE' || a.category === 'EXECUTION')).toBe(true)
    const next = href(first, 'next')!
    expect(next).toContain('category=PIPELINE%2CEXECUTION')
    const second = await body<AuditList>(await backend.api(next), 200)
    expect(second._page).toMatchObject({ start: 3, limit: 3, prev: 0 })
    const ids = [...first._embedded.auditEvents, ...second._embedded.auditEvents].map((a) => a.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(Number(ids[0])).toBeGreaterThan(Number(ids.at(-1)))
  })

  it('filters by pipeline', async () => {
    const { ams } = await programs()
    const all = await body<AuditList>(await audit(ams, '?limit=100'), 200)
    const pipelineId = all._embedded.auditEvents.find((a) => a.pipelineId)!.pipelineId!
    const one = await body<AuditList>(await audit(ams, `?pipelineId=${pipelineId}&limit=100`), 200)
    expect(one._totalNumberOfItems).toBeGreaterThan(0)
    expect(one._embedded.auditEvents.every((a) => a.pipelineId === pipelineId)).toBe(true)
  })

  it('keeps the name of a deleted pipeline but no link to it', async () => {
    const { ams } = await programs()
    const repo = await repositoryOf(ams)
    const created = await body<Pipeline>(
      await call('POST', `/api/program/${ams}/pipelines`, {
        name: 'Short Lived',
        category: 'nonProduction',
        nonProdKind: 'codeQuality',
        repositoryId: repo,
        branch: 'main',
      }),
      201,
    )
    await body(await call('DELETE', href(created, 'self')!), 204)
    const list = await body<AuditList>(await audit(ams, `?pipelineId=${created.id}`), 200)
    expect(list._embedded.auditEvents.map((a) => [a.action, a.pipelineName])).toEqual([
      ['PIPELINE_DELETED', 'Short Lived'],
      ['PIPELINE_CREATED', 'Short Lived'],
    ])
    expect(list._embedded.auditEvents.every((a) => href(a, REL.pipeline) === undefined)).toBe(true)
  })

  it('a Cloud Service program has none: 404 problem', async () => {
    const { cs } = await programs()
    const problem = await body<Problem>(await audit(cs), 404)
    expect(problem.detail).toMatch(/not a Managed Services program/)
  })

  it('bad queries are 400 naming the parameter; no token is 401', async () => {
    const { ams } = await programs()
    const category = await body<Problem>(await audit(ams, '?category=PIPELINE,SECRETS'), 400)
    expect(category.detail).toMatch(/category must be one or more of PIPELINE, EXECUTION, GATE, VARIABLES/)
    const limit = await body<Problem>(await audit(ams, '?limit=0'), 400)
    expect(limit.detail).toMatch(/limit must be a whole number from 1 to 100/)
    expect((await backend.api(`/api/program/${ams}/audit`, { role: '' })).status).toBe(401)
  })
})
