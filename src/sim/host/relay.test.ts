// @vitest-environment node
/**
 * The service worker's relay (relay.ts) over real MessagePorts to a real backend (HostServer with
 * the real handlers): which requests it takes, the port each page hands it, a worker restarted
 * without ports, pages served by a server, and a backend that refuses.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../http/create-handlers'
import { SimRuntime } from '../runtime'
import type { Backend } from './backend'
import { type RelayOptions, Relay, relays } from './relay'
import { HostServer } from './server'

const ORIGIN = 'http://localhost'
const ports: MessagePort[] = []

afterEach(() => {
  for (const port of ports.splice(0)) port.close()
})

function backend() {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario: 'split-pipelines', seed: 1 })
  const served: Backend = { runtime, handlers: createHandlers(runtime), flush: async () => {}, stop: () => {} }
  const server = new HostServer(Promise.resolve(served), ORIGIN)
  /** What a page does: a new channel, one end served by the backend, the other for the worker. */
  const port = () => {
    const channel = new MessageChannel()
    ports.push(channel.port1, channel.port2)
    server.connect(channel.port1)
    return channel.port2
  }
  return { server, port }
}

function relayWith(options: Partial<RelayOptions> = {}) {
  const network = vi.fn(async (_request: Request) => new Response('from the network'))
  const askForPort = vi.fn(async (_clientId: string) => true)
  const relay = new Relay({
    askForPort,
    openClients: async () => ['page-a', 'page-b'],
    network,
    portTimeoutMs: 100,
    welcomeMs: 1_000,
    ...options,
  })
  return { relay, network, askForPort }
}

const programs = () => new Request(`${ORIGIN}/api/programs`, { headers: { Authorization: 'Bearer admin' } })

describe('which requests the service worker relays', () => {
  it('takes the API and the simulator controls of its own origin, asked for by the page, and nothing else', () => {
    const request = (url: string, mode: RequestMode = 'cors') => ({ url, mode })
    expect(relays(request(`${ORIGIN}/api/programs`), ORIGIN)).toBe(true)
    expect(relays(request(`${ORIGIN}/api/program/1/pipeline/2/execution?x=1`), ORIGIN)).toBe(true)
    expect(relays(request(`${ORIGIN}/__sim/status`), ORIGIN)).toBe(true)
    expect(relays(request(`${ORIGIN}/api/programs`, 'navigate'), ORIGIN)).toBe(false)
    expect(relays(request('http://elsewhere.test/api/programs'), ORIGIN)).toBe(false)
    expect(relays(request(`${ORIGIN}/assets/app.js`), ORIGIN)).toBe(false)
    expect(relays(request(`${ORIGIN}/apiary`), ORIGIN)).toBe(false)
    expect(relays(request(`${ORIGIN}/`), ORIGIN)).toBe(false)
  })
})

describe('the relay', () => {
  it('answers a page’s requests from the backend through the port the page handed over', async () => {
    const { port, server } = backend()
    const { relay, network, askForPort } = relayWith()
    await relay.attach('page-a', port())
    const answer = await relay.fetch('page-a', programs())
    expect(answer.status).toBe(200)
    expect(await answer.text()).toContain('"programs"')
    expect(network).not.toHaveBeenCalled()
    expect(askForPort).not.toHaveBeenCalled()
    // The relay is not a tab of the backend.
    expect(server.size).toBe(0)
  })

  it('asks a page for a port when it has none (a restarted worker) and answers once the page hands one over', async () => {
    const { port } = backend()
    const { relay, askForPort } = relayWith({ portTimeoutMs: 2_000 })
    askForPort.mockImplementation(async (clientId) => {
      setTimeout(() => void relay.attach(clientId, port()), 10)
      return true
    })
    const [first, second] = await Promise.all([relay.fetch('page-a', programs()), relay.fetch('page-a', programs())])
    expect([first.status, second.status]).toEqual([200, 200])
    // Both requests waited for the one port asked for.
    expect(askForPort).toHaveBeenCalledTimes(1)
    expect(askForPort).toHaveBeenCalledWith('page-a')
  })

  it('answers 503 with a problem when the page hands over no port in time, or there is no such page', async () => {
    const { relay, askForPort } = relayWith()
    const late = await relay.fetch('page-a', programs())
    expect(late.status).toBe(503)
    expect(late.headers.get('Content-Type')).toBe('application/problem+json')
    expect(((await late.json()) as { detail: string }).detail).toMatch(/not connected to this page: reload it/)
    askForPort.mockResolvedValue(false)
    const started = Date.now()
    expect((await relay.fetch('page-gone', programs())).status).toBe(503)
    expect(Date.now() - started).toBeLessThan(100)
  })

  it('sends the requests of a page served by a server to the network, also when it answers a request for a port', async () => {
    const { relay, network, askForPort } = relayWith()
    relay.bypass('page-a')
    expect(await (await relay.fetch('page-a', programs())).text()).toBe('from the network')
    askForPort.mockImplementation(async (clientId) => {
      setTimeout(() => relay.bypass(clientId), 10)
      return true
    })
    expect(await (await relay.fetch('page-b', programs())).text()).toBe('from the network')
    expect(network).toHaveBeenCalledTimes(2)
  })

  it('keeps each page’s own port, and forgets the ports of pages that have closed', async () => {
    const { port } = backend()
    const open = ['page-a', 'page-b']
    const { relay, askForPort } = relayWith({ openClients: async () => open })
    await relay.attach('page-a', port())
    await relay.attach('page-b', port())
    expect((await relay.fetch('page-b', programs())).status).toBe(200)
    open.splice(1, 1)
    await relay.attach('page-a', port())
    await vi.waitFor(async () => {
      askForPort.mockResolvedValue(false)
      expect((await relay.fetch('page-b', programs())).status).toBe(503)
    })
    expect((await relay.fetch('page-a', programs())).status).toBe(200)
  })

  it('refuses a port whose backend refuses it, with the backend’s reason', async () => {
    const channel = new MessageChannel()
    ports.push(channel.port1, channel.port2)
    channel.port1.onmessage = () => channel.port1.postMessage({ type: 'refused', reason: 'reload every tab of the console' })
    const { relay } = relayWith()
    await expect(relay.attach('page-a', channel.port2)).rejects.toThrow('reload every tab of the console')
    expect((await relay.fetch('page-a', programs())).status).toBe(503)
  })
})
