import { describe, expect, it } from 'vitest'
import { REL } from '../../contract/rels'
import type { Pipeline, PipelineList } from '../../contract/resources'
import { serveTestBackend } from '../../testing/serve-test-backend'

const backend = serveTestBackend('fresh-program')

function createPipeline(name = 'Quality') {
  const engine = backend.runtime.engine
  const repo = engine.repositories('1')[0]!
  return engine.createPipeline({ roles: ['deployment-manager'], userId: 'dm' }, '1', {
    name,
    category: 'nonProduction',
    nonProdKind: 'codeQuality',
    repositoryId: repo.id,
    branch: 'main',
  })
}

async function pipelineAs(id: string, role: string): Promise<Pipeline> {
  const res = await backend.api(`/api/program/1/pipeline/${id}`, { role })
  expect(res.status).toBe(200)
  return (await res.json()) as Pipeline
}

describe('favourites over HTTP', () => {
  it('PUT and DELETE on the favorite link answer 204 and change only the caller’s star', async () => {
    const { id } = createPipeline()
    const pipeline = await pipelineAs(id, 'developer')
    const href = (pipeline._links?.[REL.favorite] as { href: string } | undefined)?.href ?? ''
    expect(href).toBe(`/api/program/1/pipeline/${id}/favorite`)
    expect(pipeline['x-sim'].favorite).toBe(false)

    const put = await backend.api(href, { method: 'PUT', role: 'developer' })
    expect(put.status).toBe(204)
    expect(await put.text()).toBe('')
    expect((await pipelineAs(id, 'developer'))['x-sim'].favorite).toBe(true)
    expect((await pipelineAs(id, 'business-owner'))['x-sim'].favorite).toBe(false)

    // Idempotent both ways.
    expect((await backend.api(href, { method: 'PUT', role: 'developer' })).status).toBe(204)
    expect((await backend.api(href, { method: 'DELETE', role: 'developer' })).status).toBe(204)
    expect((await backend.api(href, { method: 'DELETE', role: 'developer' })).status).toBe(204)
    expect((await pipelineAs(id, 'developer'))['x-sim'].favorite).toBe(false)
  })

  it('the list reports each caller’s favourites', async () => {
    const a = createPipeline('A')
    createPipeline('B')
    await backend.api(`/api/program/1/pipeline/${a.id}/favorite`, { method: 'PUT', role: 'program-manager' })
    const res = await backend.api('/api/program/1/pipelines', { role: 'program-manager' })
    const list = (await res.json()) as PipelineList
    expect(list._embedded.pipelines.map((p) => [p.name, p['x-sim'].favorite])).toEqual([
      ['A', true],
      ['B', false],
    ])
  })

  it('an unknown pipeline is a 404 problem; a missing token a 401', async () => {
    const missing = await backend.api('/api/program/1/pipeline/999/favorite', { method: 'PUT', role: 'developer' })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('Content-Type')).toContain('application/problem+json')
    const anonymous = await backend.api('/api/program/1/pipeline/999/favorite', { method: 'PUT', role: '' })
    expect(anonymous.status).toBe(401)
  })

  it('only production only pipelines link to their promotable executions', async () => {
    const { id } = createPipeline()
    expect((await pipelineAs(id, 'developer'))._links?.[REL.promotableExecutions]).toBeUndefined()
  })
})
