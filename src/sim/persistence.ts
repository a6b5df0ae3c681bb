/**
 * Saving the simulated backend between page loads. The snapshot is versioned with the engine
 * state; one that fails to load is set aside (never silently dropped) and reported.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval'

export interface SavedSnapshot {
  savedAt: string
  /** `engine.exportState()` text. */
  state: string
  clock?: { speed: number; paused: boolean }
}

const SNAPSHOT_KEY = 'engine-snapshot'
const REJECTED_KEY = 'rejected-snapshot'

export class SnapshotStore {
  private readonly store: UseStore

  constructor(dbName = 'pipeline-console') {
    this.store = createStore(dbName, 'simulator')
  }

  load(): Promise<SavedSnapshot | undefined> {
    return get<SavedSnapshot>(SNAPSHOT_KEY, this.store)
  }

  save(state: string, clock: { speed: number; paused: boolean }): Promise<void> {
    return set(SNAPSHOT_KEY, { savedAt: new Date().toISOString(), state, clock } satisfies SavedSnapshot, this.store)
  }

  /** Keeps a snapshot that could not be loaded so the user can download it. */
  async setAside(snapshot: SavedSnapshot, problem: string): Promise<void> {
    await set(REJECTED_KEY, { ...snapshot, problem }, this.store)
    await del(SNAPSHOT_KEY, this.store)
  }

  rejected(): Promise<(SavedSnapshot & { problem: string }) | undefined> {
    return get(REJECTED_KEY, this.store)
  }

  dismissRejected(): Promise<void> {
    return del(REJECTED_KEY, this.store)
  }
}
