import { describe, expect, it } from 'vitest'
import type { ActivityList, Execution } from '../../contract/executions'
import type { Problem } from '../../contract/problem'
import { REL } from '../../contract/rels'
import type { Pipeline, PipelineList } from '../../contract/resources'
import { programActivity, seedHistory } from '../../engine/executions'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('coupled-pipeline')

const HOUR = 3_600_000
const href = (r: { _links?: Record<string, unknown> }, rel: string) => (r._links?.[rel] as { href: string } | undefined)?.href

async function body<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return (text ? JSON.parse(text) : undefined) as T
}

const activity = (query = '') => backend.api(`/api/program/1/executions${query}`)

async function production(): Promise<Pipeline> {
  const list = await body<PipelineList>(await backend.api('/api/program/1/pipelines'), 200)
  return list._embedded.pipelines.find((p) => p.name === 'Production Pipeline')!
}

async function addQualityPipeline(): Promise<Pipeline> {
  return body<Pipeline>(
    await backend.api('/api/program/1/pipelines', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Quality',
        category: 'nonProduction',
        nonProdKind: 'codeQuality',
        repositoryId: '5',
        branch: 'main',
      }),
    }),
    201,
  )
}

const start = async (p: Pipeline) => body<Execution>(await backend.api(href(p, REL.execution)!, { method: 'PUT' }), 201)

describe('program activity', () => {
  it('lists every execution of the program newest first, with the pipeline name, category and action', async () => {
    const quality = await addQualityPipeline()
    const prod = await production()
    const first = await start(quality)
    backend.runtime.advance(HOUR)
    const second = await start(prod)
    const list = await body<ActivityList>(await activity(), 200)
    expect(list._totalNumberOfItems).toBe(2)
    expect(list._embedded.executions.map((e) => e.id)).toEqual([second.id, first.id])
    expect(list._embedded.executions.map((e) => e['x-sim'])).toEqual([
      expect.objectContaining({
        pipelineName: 'Production Pipeline',
        category: 'production',
        action: 'Full Stack Pipeline Execution',
      }),
      expect.objectContaining({ pipelineName: 'Quality', category: 'nonProduction', action: 'Code Quality Execution' }),
    ])
    // Each execution is represented as in the pipeline's own list: step states and their links.
    const running = list._embedded.executions[0]!
    expect(running._embedded.stepStates.length).toBeGreaterThan(3)
    expect(href(running, 'self')).toBe(href(second, 'self'))
  })

  it('pages like the per-pipeline list, keeping the filters in the links', async () => {
    const engine = backend.runtime.engine
    engine.mutate(() => seedHistory(engine.ctx, '1', 45))
    const page1 = await body<ActivityList>(await activity('?limit=20&status=FINISHED,FAILED'), 200)
    const total = programActivity(engine.ctx, '1', { statuses: ['FINISHED', 'FAILED'] }).length
    expect(page1._totalNumberOfItems).toBe(total)
    expect(page1._page).toEqual({ start: 0, limit: 20, next: 20 })
    expect(href(page1, 'prev')).toBeUndefined()
    const next = href(page1, 'next')!
    expect(next).toBe('/api/program/1/executions?start=20&limit=20&status=FINISHED%2CFAILED')
    const page2 = await body<ActivityList>(await backend.api(next), 200)
    expect(page2._page).toMatchObject({ start: 20, limit: 20, prev: 0 })
    expect(page2._embedded.executions.every((e) => e.status === 'FINISHED' || e.status === 'FAILED')).toBe(true)
    const seen = [...page1._embedded.executions, ...page2._embedded.executions].map((e) => e.createdAt)
    expect([...seen].sort().reverse()).toEqual(seen)
  })

  it('filters by pipeline, status and trigger', async () => {
    const quality = await addQualityPipeline()
    const prod = await production()
    await start(quality)
    backend.runtime.advance(HOUR)
    await body(await backend.api('/__sim/push-upgrade', { method: 'POST', body: JSON.stringify({ programId: '1' }) }), 201)
    const ids = async (query: string) =>
      (await body<ActivityList>(await activity(query), 200))._embedded.executions.map((e) => e.pipelineId)
    expect(await ids(`?pipelineId=${quality.id}`)).toEqual([quality.id])
    expect(await ids('?trigger=PUSH_UPGRADES')).toEqual([prod.id])
    expect(await ids('?status=RUNNING')).toEqual([prod.id])
    expect(await ids('?pipelineId=999')).toEqual([])
    const upgrade = (await body<ActivityList>(await activity('?trigger=PUSH_UPGRADES'), 200))._embedded.executions[0]!
    expect(upgrade['x-sim'].action).toBe('Push Update Execution')
  })

  it('answers 400 to unknown filter values and bad paging, and 404 for an unknown program', async () => {
    expect((await body<Problem>(await activity('?status=DONE'), 400)).detail).toMatch(/status/)
    await body<Problem>(await activity('?trigger=SOMETIMES'), 400)
    await body<Problem>(await activity('?limit=0'), 400)
    await body<Problem>(await activity('?limit=101'), 400)
    await body<Problem>(await activity('?start=-1'), 400)
    await body<Problem>(await backend.api('/api/program/999/executions'), 404)
    await body(await backend.api('/api/program/1/executions', { role: 'developer' }), 200)
  })

  it('stays fast with 100,000 executions: the first page is built from a list kept per revision', async () => {
    const engine = backend.runtime.engine
    engine.mutate(() => seedHistory(engine.ctx, '1', 100_000))
    const cold = performance.now()
    const first = await body<ActivityList>(await activity(), 200)
    const coldMs = performance.now() - cold
    expect(first._totalNumberOfItems).toBe(100_000)
    expect(first._embedded.executions).toHaveLength(20)
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      await body<ActivityList>(await activity(`?start=${i * 1000}`), 200)
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    // Generous bounds (CI machines are slow and busy); `npm run bench` measures the ratio to a 10-execution state.
    expect(coldMs).toBeLessThan(5_000)
    expect(times[2]).toBeLessThan(500)
  })
})
