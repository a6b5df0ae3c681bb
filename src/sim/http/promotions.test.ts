import { expect, it } from 'vitest'
import type { Execution, PromotableExecutionList } from '../../contract/executions'
import { REL } from '../../contract/rels'
import type { PipelineList } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('split-pipelines')
const HOUR = 3_600_000
const href = (r: { _links?: Record<string, unknown> }, rel: string) => (r._links?.[rel] as { href: string } | undefined)?.href

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return JSON.parse(text) as T
}

async function pipelines() {
  const programs = await json<{ _embedded: { programs: Array<{ id: string }> } }>(await backend.api('/api/programs'))
  const list = await json<PipelineList>(await backend.api(`/api/program/${programs._embedded.programs[0]!.id}/pipelines`))
  const named = (category: string) => list._embedded.pipelines.find((p) => p['x-sim'].category === category)!
  return { prodOnly: named('prodOnly'), stageOnly: named('stageOnly') }
}

it('a stage-only execution lists the production only executions Promote Build started from it, with their status', async () => {
  const { prodOnly } = await pipelines()
  const list = await json<PromotableExecutionList>(await backend.api(`${href(prodOnly, 'self')}/promotableExecutions`))
  const [latest, older] = list._embedded.executions
  const before = await json<Execution>(await backend.api(href(latest!, 'self')!))
  expect(before['x-sim'].promotions).toEqual([])

  const started = await json<Execution>(
    await backend.api(`${href(prodOnly, REL.execution)}?sourceExecutionId=${latest!.id}`, { method: 'PUT' }),
    201,
  )
  const running = await json<Execution>(await backend.api(href(latest!, 'self')!))
  expect(running['x-sim'].promotions).toEqual([
    {
      executionId: started.id,
      pipelineId: prodOnly.id,
      status: 'RUNNING',
      createdAt: started.createdAt,
      href: href(started, 'self'),
    },
  ])
  // The link is the production only execution itself.
  const linked = await json<Execution>(await backend.api(running['x-sim'].promotions![0]!.href))
  expect(linked.id).toBe(started.id)

  backend.runtime.advance(24 * HOUR)
  const done = await json<Execution>(await backend.api(href(latest!, 'self')!))
  expect(done['x-sim'].promotions!.map((p) => [p.executionId, p.status])).toEqual([[started.id, 'FINISHED']])
  // The older stage-only execution took no part; production only executions carry no list.
  expect((await json<Execution>(await backend.api(href(older!, 'self')!)))['x-sim'].promotions).toEqual([])
  expect((await json<Execution>(await backend.api(href(started, 'self')!)))['x-sim'].promotions).toBeUndefined()
})
