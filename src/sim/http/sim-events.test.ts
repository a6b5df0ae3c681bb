import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, test, vi } from 'vitest'
import { SimRuntime } from '../runtime'
import { simEventHandlers } from './handlers/sim-events'

const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario: 'split-pipelines' })
const server = setupServer(...simEventHandlers(runtime, { heartbeatMs: 20 }))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

/** Reads the stream until `count` events (blocks separated by a blank line) have arrived. */
async function readEvents(reader: ReadableStreamDefaultReader<Uint8Array>, count: number): Promise<string[]> {
  const decoder = new TextDecoder()
  let buffer = ''
  const events: string[] = []
  while (events.length < count) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += decoder.decode(value, { stream: true })
    let end = buffer.indexOf('\n\n')
    while (end >= 0 && events.length < count) {
      events.push(buffer.slice(0, end))
      buffer = buffer.slice(end + 2)
      end = buffer.indexOf('\n\n')
    }
  }
  return events
}

test('streams the revision at once, after every engine change, and heartbeats in between', async () => {
  const abort = new AbortController()
  const res = await fetch('/__sim/events', { headers: { Accept: 'text/event-stream' }, signal: abort.signal })
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('text/event-stream')
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const before = runtime.engine.revision
  const [retry, first] = await readEvents(reader, 2)
  expect(retry).toBe('retry: 1000')
  expect(first).toBe(`data: {"revision":${before}}`)

  // A heartbeat arrives while nothing changes.
  expect(await readEvents(reader, 1)).toEqual([': heartbeat'])

  // An engine change (a pipeline starts) is pushed as the new revision.
  const program = runtime.engine.listPrograms()[0]!
  const stageOnly = runtime.engine.ctx.pipelinesOf(program.id).find((p) => p.category === 'stageOnly')!
  const { startExecution } = await import('../../engine/executions')
  runtime.engine.mutate(() =>
    startExecution(runtime.engine.ctx, { roles: ['deployment-manager'], userId: 'dan@AdobeID' }, program.id, stageOnly.id),
  )
  const next = (await readEvents(reader, 3)).filter((e) => e.startsWith('data:'))
  expect(next[0]).toBe(`data: {"revision":${runtime.engine.revision}}`)
  expect(runtime.engine.revision).toBeGreaterThan(before)
  abort.abort()
})

test('stops listening to the runtime once the client aborts the request', async () => {
  const listeners = (runtime as unknown as { listeners: Set<unknown> }).listeners
  const baseline = listeners.size
  const abort = new AbortController()
  const res = await fetch('/__sim/events', { signal: abort.signal })
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  await readEvents(reader, 2)
  expect(listeners.size).toBe(baseline + 1)
  abort.abort()
  await vi.waitFor(() => expect(listeners.size).toBe(baseline))
})

test('gives up on a client that stopped reading', async () => {
  const listeners = (runtime as unknown as { listeners: Set<unknown> }).listeners
  const baseline = listeners.size
  await fetch('/__sim/events')
  expect(listeners.size).toBe(baseline + 1)
  // Nobody reads: after MAX_BACKLOG unread heartbeats (20 ms each) the handler lets go.
  await vi.waitFor(() => expect(listeners.size).toBe(baseline), { timeout: 4_000 })
})
