// @vitest-environment node
/**
 * The shared backend's protocol end to end over real MessagePorts: tabs (HostConnection) and
 * the worker's side (HostServer) with the real handlers, as in engine-worker.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../http/create-handlers'
import { SimRuntime } from '../runtime'
import type { Backend } from './backend'
import { HostConnection } from './connection'
import { HostServer } from './server'

const ORIGIN = 'http://localhost'
const ports: MessagePort[] = []

afterEach(() => {
  for (const port of ports.splice(0)) port.close()
})

function sharedBackend(scenario: 'split-pipelines' | 'fresh-program' = 'split-pipelines') {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario, seed: 1 })
  let flushes = 0
  const backend: Backend = {
    runtime,
    handlers: createHandlers(runtime),
    flush: async () => {
      flushes++
    },
    stop: () => {},
  }
  const server = new HostServer(Promise.resolve(backend), ORIGIN)
  /** A new tab connected to the shared backend. */
  const tab = async () => {
    const channel = new MessageChannel()
    ports.push(channel.port1, channel.port2)
    server.connect(channel.port1)
    const connection = new HostConnection(channel.port2)
    await connection.hello(1_000)
    const api = (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers)
      if (path.startsWith('/api/')) headers.set('Authorization', 'Bearer admin')
      if (init.body !== undefined) headers.set('Content-Type', 'application/json')
      return connection.fetch(new Request(`${ORIGIN}${path}`, { ...init, headers }))
    }
    return { connection, api }
  }
  return { runtime, server, tab, flushes: () => flushes }
}

describe('the shared backend', () => {
  it('answers every tab from one engine: what one tab creates, the other reads', async () => {
    const { tab, server } = sharedBackend('fresh-program')
    const [a, b] = [await tab(), await tab()]
    expect(server.size).toBe(2)
    const repositories = (await (await a.api('/api/program/1/repositories')).json()) as {
      _embedded: { repositories: { id: string }[] }
    }
    const created = await a.api('/api/program/1/pipelines', {
      method: 'POST',
      body: JSON.stringify({
        name: 'From tab A',
        category: 'nonProduction',
        nonProdKind: 'codeQuality',
        repositoryId: repositories._embedded.repositories[0]!.id,
        branch: 'main',
      }),
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('Location')).toMatch(/^\/api\/program\/1\/pipeline\/\d+$/)
    const list = await (await b.api('/api/program/1/pipelines')).text()
    expect(list).toContain('From tab A')
  })

  it('keeps status, headers and bodies, including problems, empty answers and network errors', async () => {
    const { tab } = sharedBackend()
    const { api } = await tab()
    const missing = await api('/api/program/1/pipeline/999')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('Content-Type')).toBe('application/problem+json')
    expect(((await missing.json()) as { status: number }).status).toBe(404)
    const cleared = await api('/__sim/faults', { method: 'DELETE' })
    expect(cleared.status).toBe(204)
    expect(cleared.body).toBeNull()
    await api('/__sim/transport-faults', {
      method: 'POST',
      body: JSON.stringify({ path: '/api/programs', kind: 'network', count: 1 }),
    })
    expect((await api('/api/programs')).type).toBe('error')
    expect((await api('/api/programs')).status).toBe(200)
  })

  it('starts one execution when two tabs promote the same build at the same moment; the other gets the 412', async () => {
    const { tab, runtime } = sharedBackend()
    const [a, b] = [await tab(), await tab()]
    const promote = '/api/program/1/pipeline/32/execution?sourceExecutionId=63'
    const answers = await Promise.all([a.api(promote, { method: 'PUT' }), b.api(promote, { method: 'PUT' })])
    expect(answers.map((r) => r.status).sort((x, y) => x - y)).toEqual([201, 412])
    const refused = answers.find((r) => r.status === 412)!
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json')
    expect(runtime.engine.state.executions.filter((e) => e.pipelineId === '32')).toHaveLength(1)
  })

  it('streams /__sim/events to each tab as changes happen, and stops a stream the tab cancels', async () => {
    const { tab, runtime } = sharedBackend()
    const a = await tab()
    const events = await a.api('/__sim/events')
    expect(events.headers.get('Content-Type')).toBe('text/event-stream')
    const reader = events.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`The stream ended before ${needle}`)
        text += decoder.decode(value, { stream: true })
      }
    }
    const first = runtime.engine.revision
    await readUntil(`data: {"revision":${first}}`)
    const b = await tab()
    await b.api('/__sim/clock/advance', { method: 'POST', body: JSON.stringify({ ms: 0 }) })
    await b.api('/api/program/1/pipeline/5/execution', { method: 'PUT' })
    await readUntil(`data: {"revision":${runtime.engine.revision}}`)
    expect(runtime.engine.revision).toBeGreaterThan(first)

    // Cancelled by the tab: the worker stops listening to the engine.
    const listeners = () => (runtime as unknown as { listeners: Set<unknown> }).listeners.size
    const before = listeners()
    await reader.cancel()
    await expect.poll(listeners).toBe(before - 1)
  })

  it('ends a tab’s streams and saves when the tab says goodbye', async () => {
    const { tab, runtime, server, flushes } = sharedBackend()
    const a = await tab()
    const listeners = () => (runtime as unknown as { listeners: Set<unknown> }).listeners.size
    const before = listeners()
    const events = await a.api('/__sim/events')
    await events.body!.getReader().read()
    expect(listeners()).toBe(before + 1)
    a.connection.bye()
    await expect.poll(listeners).toBe(before)
    await expect.poll(() => server.size).toBe(0)
    await expect.poll(flushes).toBe(1)
  })

  it('serves a port a tab attaches for its service worker, which is not counted as a tab', async () => {
    const { tab, server } = sharedBackend()
    const a = await tab()
    const channel = new MessageChannel()
    ports.push(channel.port1, channel.port2)
    a.connection.attach(channel.port1)
    const relay = new HostConnection(channel.port2)
    await relay.hello(1_000, { relay: true })
    expect(server.size).toBe(1)
    const answer = await relay.fetch(
      new Request(`${ORIGIN}/api/program/1/pipelines`, { headers: { Authorization: 'Bearer admin' } }),
    )
    expect(answer.status).toBe(200)
    expect(((await answer.json()) as { _embedded: { pipelines: unknown[] } })._embedded.pipelines.length).toBeGreaterThan(0)
  })

  it('refuses a tab of another protocol version', async () => {
    const { server } = sharedBackend()
    const channel = new MessageChannel()
    ports.push(channel.port1, channel.port2)
    server.connect(channel.port1)
    const answer = new Promise<unknown>((resolve) => {
      channel.port2.onmessage = (event) => {
        if ((event.data as { type: string }).type === 'refused') resolve(event.data)
      }
    })
    channel.port2.postMessage({ type: 'hello', protocol: 0 })
    expect(await answer).toMatchObject({ type: 'refused', reason: expect.stringContaining('reload every tab') })
  })

  it('gives up on a worker that never acknowledges the hello', async () => {
    const channel = new MessageChannel()
    ports.push(channel.port1, channel.port2)
    const connection = new HostConnection(channel.port2)
    await expect(connection.hello(50)).rejects.toThrow(/did not answer within 50 ms/)
  })
})
