/**
 * Transport faults (`/__sim/transport-faults`): latency, 500s and network errors applied by the
 * adapter before the engine runs, so a failed request changes nothing and a retry is safe.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { serveTestBackend } from '../../testing/serve-test-backend'
import { TransportFaults } from './transport-faults'

const backend = serveTestBackend('split-pipelines')
// Faults outlive a reset: each test starts without them.
afterEach(async () => {
  await backend.api('/__sim/transport-faults', { method: 'DELETE' })
})

const START = '/api/program/1/pipeline/5/execution'
const addFault = async (fault: unknown) => backend.api('/__sim/transport-faults', { method: 'POST', body: JSON.stringify(fault) })

describe('matching', () => {
  const faults = new TransportFaults()
  const matches = (path: string, method = 'GET', pattern = '/api/program/*/pipeline/*/execution') => {
    const f = new TransportFaults()
    f.add({ path: pattern, kind: 'error500', method: 'PUT' })
    return f.take(method, path).failure !== undefined
  }

  it('a glob: `*` is one segment, `**` any depth, the whole path must match', () => {
    expect(matches('/api/program/1/pipeline/5/execution', 'PUT')).toBe(true)
    expect(matches('/api/program/1/pipeline/5/execution', 'put')).toBe(true)
    expect(matches('/api/program/1/pipeline/5/execution', 'GET')).toBe(false)
    expect(matches('/api/program/1/pipeline/5/execution/7', 'PUT')).toBe(false)
    expect(matches('/api/program/1/x/pipeline/5/execution', 'PUT')).toBe(false)
    expect(matches('/api/program/1/pipeline/5/execution/7/phase/8', 'PUT', '/api/**/phase/*')).toBe(true)
  })

  it('without `*`, a prefix of whole segments', () => {
    expect(matches('/api/program/1/pipelines', 'PUT', '/api/program/1')).toBe(true)
    expect(matches('/api/program/1', 'PUT', '/api/program/1')).toBe(true)
    expect(matches('/api/program/10', 'PUT', '/api/program/1')).toBe(false)
  })

  it('counts down; without a count it lasts until removed; latencies add up', () => {
    faults.add({ path: '/api', kind: 'latency', ms: 5 })
    faults.add({ path: '/api', kind: 'latency', ms: 7, count: 1 })
    faults.add({ path: '/api', kind: 'network', count: 2 })
    faults.add({ path: '/api', kind: 'error500', count: 1 })
    expect(faults.take('GET', '/api/programs')).toEqual({ delayMs: 12, failure: 'network' })
    expect(faults.take('GET', '/api/programs')).toEqual({ delayMs: 5, failure: 'network' })
    expect(faults.take('GET', '/api/programs')).toEqual({ delayMs: 5, failure: 'error500' })
    expect(faults.take('GET', '/api/programs')).toEqual({ delayMs: 5 })
    expect(faults.list().map((f) => f.kind)).toEqual(['latency'])
  })
})

describe('/__sim/transport-faults', () => {
  it('a 500 or a network error never reaches the engine, so a retried start starts once', async () => {
    const created = await addFault({ method: 'PUT', path: '/api/program/*/pipeline/*/execution', kind: 'error500', count: 1 })
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({
      id: expect.any(String),
      method: 'PUT',
      path: '/api/program/*/pipeline/*/execution',
      kind: 'error500',
      remaining: 1,
    })
    await addFault({ method: 'PUT', path: '/api/program/*/pipeline/*/execution', kind: 'network', count: 1 })
    const before = backend.runtime.engine.exportState()

    const failed = await backend.api(START, { method: 'PUT' })
    expect(failed.status).toBe(500)
    expect(failed.headers.get('Content-Type')).toBe('application/problem+json')
    expect(await failed.json()).toMatchObject({ status: 500, detail: expect.stringContaining('transport fault') })
    await expect(backend.api(START, { method: 'PUT' })).rejects.toThrow(TypeError)
    expect(backend.runtime.engine.exportState()).toBe(before)

    expect((await backend.api(START, { method: 'PUT' })).status).toBe(201)
    expect((await backend.api(START, { method: 'PUT' })).status).toBe(412)
    const runs = backend.runtime.engine.state.executions.filter((e) => e.pipelineId === '5')
    expect(runs).toHaveLength(1)
  })

  it('delays matching requests by ms, lists and removes faults', async () => {
    const latency = (await (await addFault({ path: '/api/programs', kind: 'latency', ms: 150 })).json()) as { id: string }
    let started = performance.now()
    expect((await backend.api('/api/programs')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    const list = (await (await backend.api('/__sim/transport-faults')).json()) as { faults: unknown[] }
    expect(list.faults).toEqual([{ id: latency.id, path: '/api/programs', kind: 'latency', ms: 150, remaining: null }])
    expect((await backend.api(`/__sim/transport-faults/${latency.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await backend.api(`/__sim/transport-faults/${latency.id}`, { method: 'DELETE' })).status).toBe(404)
    started = performance.now()
    await backend.api('/api/programs')
    expect(performance.now() - started).toBeLessThan(140)
  })

  it('applies to signed-URL downloads too, and never to the simulator controls', async () => {
    await addFault({ path: '/', kind: 'error500' })
    expect((await backend.api('/api/programs')).status).toBe(500)
    const download = await backend.api('/api/program/1/pipeline/20/execution/63/phase/1/step/1/logs/download')
    expect(download.status).toBe(500)
    expect((await backend.api('/__sim/clock')).status).toBe(200)
    expect((await backend.api('/__sim/transport-faults', { method: 'DELETE' })).status).toBe(204)
    expect((await backend.api('/api/programs')).status).toBe(200)
  })

  it.each([
    [{ path: '/api', kind: 'latency' }, 'ms'],
    [{ path: '/api', kind: 'error500', ms: 5 }, 'ms'],
    [{ path: 'api', kind: 'network' }, 'path'],
    [{ path: '/api', kind: 'teapot' }, 'kind'],
    [{ path: '/api', kind: 'network', method: 'TRACE' }, 'method'],
    [{ path: '/api', kind: 'network', count: 0 }, 'count'],
    [{ path: '/api', kind: 'latency', ms: 600_000 }, 'ms'],
    [{ path: '/api', kind: 'network', extra: true }, 'extra'],
  ])('refuses %j with a 400 naming %s', async (fault, field) => {
    const res = await addFault(fault)
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toContain(field)
    expect((await (await backend.api('/__sim/transport-faults')).json()) as unknown).toEqual({ faults: [] })
  })
})
