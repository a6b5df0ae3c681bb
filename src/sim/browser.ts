/**
 * Starts the simulated backend in this page: restores the saved engine (or the demo scenario),
 * keeps its virtual clock moving in real time, saves every change, and registers the MSW
 * service worker that routes the console's API calls to it.
 */
import { http, HttpResponse } from 'msw'
import { setupWorker } from 'msw/browser'
import type { EngineState } from '../engine/model'
import { parseState } from '../engine/snapshot'
import { createHandlers } from './http/create-handlers'
import { SimRuntime } from './runtime'
import { type SavedSnapshot, SnapshotStore } from './persistence'

const TICK_MS = 200

async function restore(store: SnapshotStore): Promise<{ saved?: SavedSnapshot; state?: EngineState }> {
  const saved = await store.load().catch(() => undefined)
  if (!saved) return {}
  try {
    return { saved, state: parseState(JSON.parse(saved.state)) }
  } catch (error) {
    await store.setAside(saved, (error as Error).message)
    return {}
  }
}

/** Saves after every change, coalescing changes that arrive while a save is in flight. */
function persistChanges(runtime: SimRuntime, store: SnapshotStore): { saved: () => string } {
  let savedState = ''
  let saving = false
  let dirty = false
  const save = async () => {
    if (saving) {
      dirty = true
      return
    }
    saving = true
    try {
      do {
        dirty = false
        const state = runtime.engine.exportState()
        await store.save(state, runtime.clock)
        savedState = state
      } while (dirty)
    } finally {
      saving = false
    }
  }
  runtime.onChange(() => void save())
  runtime.onClockChange(() => void save())
  return { saved: () => savedState }
}

/** Browser-only controls: what happened to the saved state at start-up. */
function statusHandlers(runtime: SimRuntime, store: SnapshotStore, restored: boolean, saved: () => string) {
  return [
    http.get('/__sim/status', async () => {
      const rejected = await store.rejected()
      return HttpResponse.json({
        restored,
        // Lets a test wait until what it changed has reached storage before it reloads.
        saved: saved() === runtime.engine.exportState(),
        ...(rejected ? { rejectedSnapshot: { savedAt: rejected.savedAt, problem: rejected.problem } } : {}),
      })
    }),
    http.get('/__sim/status/rejected-snapshot', async () => {
      const rejected = await store.rejected()
      if (!rejected) return new HttpResponse(null, { status: 404 })
      return new HttpResponse(rejected.state, {
        headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="rejected-state.json"' },
      })
    }),
    http.delete('/__sim/status/rejected-snapshot', async () => {
      await store.dismissRejected()
      return new HttpResponse(null, { status: 204 })
    }),
  ]
}

export async function startSimulator(): Promise<SimRuntime> {
  const store = new SnapshotStore()
  const { saved, state } = await restore(store)
  const runtime = new SimRuntime({
    realNow: () => performance.now(),
    scenario: 'demo',
    ...(state ? { state } : {}),
    ...saved?.clock,
  })
  const persistence = persistChanges(runtime, store)
  window.setInterval(() => runtime.sync(), TICK_MS)
  const worker = setupWorker(
    ...statusHandlers(runtime, store, state !== undefined, persistence.saved),
    ...createHandlers(runtime),
  )
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  })
  return runtime
}
