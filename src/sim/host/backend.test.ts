// @vitest-environment node
/**
 * The browser backend's start-up and saving, over an in-memory stand-in for IndexedDB: restore,
 * set aside what cannot be loaded (never silently), report it, and keep the clock's place.
 */
import { getResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RejectedSnapshot, SavedSnapshot } from '../persistence'
import { SimRuntime } from '../runtime'
import { checkSnapshot } from '../snapshot-check'
import { type Backend, type HostStatus, type SnapshotStorage, startBackend } from './backend'

// The schema check, observed: a snapshot this build wrote is restored without it.
vi.mock('../snapshot-check', async (importOriginal) => {
  const real = await importOriginal<typeof import('../snapshot-check')>()
  return { checkSnapshot: vi.fn(real.checkSnapshot) }
})

const ORIGIN = 'http://localhost'

class MemoryStore implements SnapshotStorage {
  snapshot: unknown
  rejectedRecord: RejectedSnapshot | undefined
  saves = 0
  failLoad: Error | undefined
  failSave: Error | undefined

  constructor(snapshot?: unknown) {
    this.snapshot = snapshot
  }

  async load(): Promise<unknown> {
    if (this.failLoad) throw this.failLoad
    return this.snapshot
  }

  async save(state: string, clock: { speed: number; paused: boolean }, writtenBy?: string): Promise<void> {
    if (this.failSave) throw this.failSave
    this.saves++
    this.snapshot = {
      savedAt: '2026-11-22T00:00:00.000Z',
      state,
      clock,
      ...(writtenBy ? { writtenBy } : {}),
    } satisfies SavedSnapshot
  }

  async setAside(rejected: RejectedSnapshot): Promise<void> {
    this.rejectedRecord = rejected
    this.snapshot = undefined
  }

  async rejected(): Promise<RejectedSnapshot | undefined> {
    return this.rejectedRecord
  }

  async dismissRejected(): Promise<void> {
    this.rejectedRecord = undefined
  }
}

const backends: Backend[] = []
afterEach(() => {
  for (const b of backends.splice(0)) b.stop()
})

let realMs = 0
async function start(store: MemoryStore, build?: string): Promise<Backend> {
  const backend = await startBackend({ host: 'page', store, realNow: () => realMs, ...(build ? { build } : {}) })
  backends.push(backend)
  return backend
}

async function get(backend: Backend, path: string, method = 'GET'): Promise<Response> {
  const response = await getResponse(backend.handlers, new Request(`${ORIGIN}${path}`, { method }), { baseUrl: ORIGIN })
  if (!response) throw new Error(`Nothing answered ${path}`)
  return response
}

const status = async (backend: Backend) => (await (await get(backend, '/__sim/status')).json()) as HostStatus

/** A saved snapshot of split-pipelines with one production run under way. */
function savedRun(clock = { speed: 60, paused: false }) {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario: 'split-pipelines', seed: 1 })
  runtime.advance(60_000)
  return {
    state: runtime.engine.exportState(),
    now: runtime.engine.now,
    record: { savedAt: 'x', state: runtime.engine.exportState(), clock },
  }
}

describe('start-up', () => {
  it('with nothing saved, loads the demo scenario and saves it at once', async () => {
    const store = new MemoryStore()
    const backend = await start(store)
    expect(backend.runtime.engine.state.scenario).toBe('demo')
    await expect.poll(async () => (await status(backend)).saved).toBe(true)
    expect(await status(backend)).toEqual({ host: 'page', restored: false, saved: true })
    expect(store.saves).toBe(1)
  })

  it('restores a saved run with its clock settings; virtual time goes on from the saved time', async () => {
    const saved = savedRun()
    const store = new MemoryStore(saved.record)
    realMs = 10_000
    const backend = await start(store)
    expect(await status(backend)).toEqual({ host: 'page', restored: true, saved: true })
    expect(backend.runtime.engine.exportState()).toBe(saved.state)
    expect(backend.runtime.clock).toEqual({ speed: 60, paused: false })
    realMs += 1_000
    backend.runtime.sync()
    expect(backend.runtime.engine.now).toBe(saved.now + 60_000)
    expect(store.saves).toBe(0)
  })

  it.each([
    ['not JSON', { savedAt: '2026-11-20T08:00:00.000Z', state: '{"version": 1, "programs": [' }, /not JSON/],
    ['an older version no migration reaches', { savedAt: '2026-11-20T08:00:00.000Z', state: '{"version": 0}' }, /version/],
    [
      'an invalid state',
      { savedAt: '2026-11-20T08:00:00.000Z', state: '{"version": 1, "programs": 7}' },
      /not a valid simulator state/,
    ],
    ['not a snapshot record', 'garbage', /not a simulator snapshot/],
    ['a record with a broken clock', { savedAt: 'x', state: '{}', clock: { speed: 'fast' } }, /not a simulator snapshot/],
  ])('sets aside a snapshot that is %s, reports it and offers it for download', async (_, record, problem) => {
    const store = new MemoryStore(record)
    const backend = await start(store)
    expect(backend.runtime.engine.state.scenario).toBe('demo')
    const s = await status(backend)
    expect(s.restored).toBe(false)
    expect(s.rejectedSnapshot?.problem).toMatch(problem)
    const file = await get(backend, '/__sim/status/rejected-snapshot')
    expect(file.headers.get('Content-Disposition')).toContain('attachment')
    const text = await file.text()
    expect(text).toBe(
      typeof record === 'string' ? record : typeof record.state === 'string' && !('clock' in record) ? record.state : text,
    )
    if (typeof record !== 'string' && 'clock' in record) expect(JSON.parse(text)).toEqual(record)
    // The demo that replaced it is saved; the rejected one stays until dismissed.
    await expect.poll(() => store.saves).toBe(1)
    expect((await get(backend, '/__sim/status/rejected-snapshot', 'DELETE')).status).toBe(204)
    expect((await status(backend)).rejectedSnapshot).toBeUndefined()
    expect((await get(backend, '/__sim/status/rejected-snapshot')).status).toBe(404)
  })

  it('when storage cannot be read, runs from memory, says why, and writes nothing over it', async () => {
    const store = new MemoryStore({ savedAt: 'x', state: 'kept' })
    store.failLoad = new Error('QuotaExceededError')
    const backend = await start(store)
    backend.runtime.advance(1_000)
    await backend.flush()
    expect(store.saves).toBe(0)
    expect(store.snapshot).toEqual({ savedAt: 'x', state: 'kept' })
    const s = await status(backend)
    expect(s.saved).toBe(false)
    expect(s.storageProblem).toMatch(/could not be read: QuotaExceededError/)
  })

  it('reports a failed save and tries again with the next change', async () => {
    const store = new MemoryStore()
    const backend = await start(store)
    await backend.flush()
    store.failSave = new Error('disk full')
    backend.runtime.advance(1_000)
    backend.runtime.setClock({ paused: true })
    await backend.flush()
    expect(await status(backend)).toMatchObject({ saved: false, storageProblem: 'The state could not be saved: disk full' })
    store.failSave = undefined
    backend.runtime.setClock({ speed: 120 })
    await backend.flush()
    const s = await status(backend)
    expect(s.saved).toBe(true)
    expect(s.storageProblem).toBeUndefined()
  })
})

describe('a snapshot this build wrote', () => {
  const BUILD = '/assets/engine-worker-AbC123.js'

  it('is saved with the build, and restored by the same build without the schema check', async () => {
    const first = await start(new MemoryStore(), BUILD)
    const store = new MemoryStore()
    first.runtime.setClock({ speed: 30, paused: true })
    const state = first.runtime.engine.exportState()
    await store.save(state, first.runtime.clock, BUILD)
    vi.mocked(checkSnapshot).mockClear()

    const backend = await start(store, BUILD)
    expect(checkSnapshot).not.toHaveBeenCalled()
    expect(await status(backend)).toEqual({ host: 'page', restored: true, saved: true })
    expect(backend.runtime.engine.exportState()).toBe(state)
    expect(backend.runtime.clock).toEqual({ speed: 30, paused: true })
    backend.runtime.advance(1_000)
    await backend.flush()
    expect((store.snapshot as SavedSnapshot).writtenBy).toBe(BUILD)
  })

  it.each([
    ['another build', { writtenBy: '/assets/engine-worker-Old999.js' }],
    ['no build (a development server, or an older release)', {}],
  ])('is checked when %s wrote it', async (_, writer) => {
    const saved = savedRun()
    const store = new MemoryStore({ ...saved.record, ...writer })
    vi.mocked(checkSnapshot).mockClear()
    const backend = await start(store, BUILD)
    expect(checkSnapshot).toHaveBeenCalledTimes(1)
    expect(backend.runtime.engine.exportState()).toBe(saved.state)
  })

  it.each([
    ['a state that is not JSON', { state: '{"version": 3, "programs": [' }, /not JSON/],
    ['a state of another version', { state: '{"version": 0}' }, /version/],
    ['a state that is not valid', { state: '{"version": 3, "programs": 7}' }, /not a valid simulator state/],
    ['a broken clock', { clock: { speed: -1, paused: false } }, /not a simulator snapshot/],
  ])('still gets the whole check, and is set aside, if it holds %s', async (_, change, problem) => {
    const store = new MemoryStore({ ...savedRun().record, writtenBy: BUILD, ...change })
    const backend = await start(store, BUILD)
    expect(backend.runtime.engine.state.scenario).toBe('demo')
    expect((await status(backend)).rejectedSnapshot?.problem).toMatch(problem)
  })
})

describe('saving', () => {
  it('saves every change, and the passing of virtual time every few seconds', async () => {
    const store = new MemoryStore(savedRun().record)
    realMs = 0
    const backend = await startBackend({ host: 'page', store, realNow: () => realMs, tickMs: 5, timeSaveMs: 50 })
    backends.push(backend)
    backend.runtime.setClock({ paused: true })
    await vi.waitFor(() => expect(store.saves).toBe(1))
    backend.runtime.setClock({ paused: false, speed: 1 })
    await vi.waitFor(() => expect(store.saves).toBe(2))
    // Time moves, but not far enough for a timer to fire: saved on the slower schedule.
    const before = backend.runtime.engine.revision
    realMs += 10
    await vi.waitFor(() => expect(store.saves).toBe(3))
    expect(backend.runtime.engine.revision).toBe(before)
    expect(JSON.parse((store.snapshot as SavedSnapshot).state).clock.now).toBe(backend.runtime.engine.now)
  })
})
