/**
 * One simulated backend, wherever it is hosted (the shared worker, or the page when there is
 * no SharedWorker): restores the saved engine (or the demo scenario), keeps its virtual clock
 * moving in real time, saves every change to IndexedDB, and answers requests with the same
 * handlers as every other host plus the browser-only `/__sim/status` controls.
 */
import { http, HttpResponse, type RequestHandler } from 'msw'
import { createHandlers } from '../http/create-handlers'
import { type RejectedSnapshot, type Restored, restoreSnapshot, type SnapshotStore } from '../persistence'
import { SimRuntime } from '../runtime'

export type HostKind = 'shared-worker' | 'page'

/** How often the clock is brought up to date between requests. */
export const TICK_MS = 200
/** How often virtual time that moved without any change (no timer fired) is saved. */
export const TIME_SAVE_MS = 5_000

/** `GET /__sim/status` in the browser. */
export interface HostStatus {
  host: HostKind
  restored: boolean
  /** Every change (not the mere passing of virtual time) has reached storage. */
  saved: boolean
  rejectedSnapshot?: { savedAt: string; problem: string }
  /** Storage failed: the backend keeps its state in memory only. */
  storageProblem?: string
  /** Tabs connected to the shared backend (the shared worker only). */
  tabs?: number
}

/** Where the snapshot is kept (IndexedDB in the browser; a stand-in in tests). */
export type SnapshotStorage = Pick<SnapshotStore, 'load' | 'save' | 'setAside' | 'rejected' | 'dismissRejected'>

export interface BackendOptions {
  host: HostKind
  store: SnapshotStorage
  realNow: () => number
  /** For the status: how many tabs are connected now. */
  tabs?: () => number
  /**
   * This build's name for its own snapshots (production builds: the engine's content-hashed script
   * URL). Saves carry it, and a snapshot carrying it is restored without the schema check.
   */
  build?: string
  /** Defaults TICK_MS and TIME_SAVE_MS; shorter in tests. */
  tickMs?: number
  timeSaveMs?: number
}

export interface Backend {
  runtime: SimRuntime
  handlers: RequestHandler[]
  /** Saves now (e.g. when a tab goes away); resolves when stored. */
  flush: () => Promise<void>
  stop: () => void
}

/** Saves after every change, coalescing changes that arrive while a save is in flight. */
class Saver {
  /** Counts changes and clock settings; time passing alone is not one. */
  private changes = 0
  private savedChanges = -1
  private savedNow = Number.NaN
  private running: Promise<void> | undefined
  private again = false
  problem: string | undefined

  constructor(
    private readonly runtime: SimRuntime,
    private readonly store: SnapshotStorage,
    /** The state was just read from storage, so it is saved as it is. */
    restored: boolean,
    private readonly build: string | undefined,
  ) {
    if (restored) {
      this.savedChanges = 0
      this.savedNow = runtime.engine.now
    }
    runtime.onChange(() => this.changed())
    runtime.onClockChange(() => this.changed())
  }

  get saved(): boolean {
    return this.savedChanges === this.changes
  }

  changed(): void {
    this.changes++
    void this.save()
  }

  /** Saves if virtual time moved since the last save. */
  saveTime(): void {
    if (this.runtime.engine.now !== this.savedNow) void this.save()
  }

  save(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = this.loop()
    return this.running
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false
        const changes = this.changes
        const now = this.runtime.engine.now
        try {
          await this.store.save(this.runtime.engine.exportState(), this.runtime.clock, this.build)
          this.savedChanges = changes
          this.savedNow = now
          this.problem = undefined
        } catch (error) {
          // Reported by /__sim/status; the next change tries again.
          this.problem = `The state could not be saved: ${(error as Error).message}`
        }
      } while (this.again)
    } finally {
      // In the same turn as the last check of `again`: a change arriving later starts a new loop.
      this.running = undefined
    }
  }
}

function statusHandlers(status: () => Promise<HostStatus>, store: SnapshotStorage): RequestHandler[] {
  return [
    http.get('/__sim/status', async () => HttpResponse.json(await status())),
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

export async function startBackend({
  host,
  store,
  realNow,
  tabs,
  build,
  tickMs = TICK_MS,
  timeSaveMs = TIME_SAVE_MS,
}: BackendOptions): Promise<Backend> {
  const runtimeFrom = (restored: Restored) =>
    new SimRuntime({
      realNow,
      scenario: 'demo',
      ...(restored.state ? { state: restored.state } : {}),
      ...restored.clock,
    })
  let restored = await restoreSnapshot(store, build)
  let runtime: SimRuntime
  try {
    runtime = runtimeFrom(restored)
  } catch (error) {
    // Only a snapshot restored without the check can fail here (one changed by hand in the
    // browser's storage): it gets the whole check now, which sets it aside with the reason.
    if (!restored.unchecked) throw error
    restored = await restoreSnapshot(store)
    runtime = runtimeFrom(restored)
  }
  // Storage that failed to read (or to set a bad snapshot aside) is not written over.
  const saver = restored.storageProblem ? undefined : new Saver(runtime, store, restored.state !== undefined, build)
  // A fresh start is saved at once, so a reload finds it even if nothing happens first.
  if (saver && !restored.state) saver.changed()
  let ticks = 0
  const ticker = setInterval(() => {
    runtime.sync()
    if (saver && ++ticks % Math.max(1, Math.round(timeSaveMs / tickMs)) === 0) saver.saveTime()
  }, tickMs)

  const status = async (): Promise<HostStatus> => {
    let rejected: RejectedSnapshot | undefined
    let problem = restored.storageProblem ?? saver?.problem
    try {
      rejected = await store.rejected()
    } catch (error) {
      problem ??= `The saved state could not be read: ${(error as Error).message}`
    }
    return {
      host,
      restored: restored.state !== undefined,
      saved: saver?.saved ?? false,
      ...(rejected ? { rejectedSnapshot: { savedAt: rejected.savedAt, problem: rejected.problem } } : {}),
      ...(problem ? { storageProblem: problem } : {}),
      ...(tabs ? { tabs: tabs() } : {}),
    }
  }

  return {
    runtime,
    handlers: createHandlers(runtime, { before: statusHandlers(status, store) }),
    flush: async () => {
      runtime.sync()
      await saver?.save()
    },
    stop: () => clearInterval(ticker),
  }
}
