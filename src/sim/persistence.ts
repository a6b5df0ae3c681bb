/**
 * Saving the simulated backend between page loads. The snapshot is versioned with the engine
 * state; one that fails to load — unreadable, not a snapshot record, not JSON, an invalid state
 * or a version no migration reaches — is set aside (never silently dropped) and reported.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import { z } from 'zod'
import type { EngineState } from '../engine/model'
import { parseState } from '../engine/snapshot'
import type { ClockSettings } from './runtime'

export interface SavedSnapshot {
  savedAt: string
  /** `engine.exportState()` text. */
  state: string
  clock?: ClockSettings
}

export interface RejectedSnapshot {
  /** When the rejected snapshot was saved, if its record said so. */
  savedAt: string
  /** The rejected state as text (the raw record, as JSON, when it was not a snapshot at all). */
  state: string
  problem: string
}

const SNAPSHOT_KEY = 'engine-snapshot'
const REJECTED_KEY = 'rejected-snapshot'

const snapshotRecord = z.object({
  savedAt: z.string(),
  state: z.string(),
  clock: z.object({ speed: z.number().finite().min(0), paused: z.boolean() }).optional(),
})

export class SnapshotStore {
  private readonly store: UseStore

  constructor(dbName = 'pipeline-console') {
    this.store = createStore(dbName, 'simulator')
  }

  /** Whatever is stored under the snapshot key: checked by `restoreSnapshot`, not here. */
  load(): Promise<unknown> {
    return get<unknown>(SNAPSHOT_KEY, this.store)
  }

  save(state: string, clock: ClockSettings): Promise<void> {
    return set(SNAPSHOT_KEY, { savedAt: new Date().toISOString(), state, clock } satisfies SavedSnapshot, this.store)
  }

  /** Keeps a snapshot that could not be loaded so the user can download it. */
  async setAside(rejected: RejectedSnapshot): Promise<void> {
    await set(REJECTED_KEY, rejected, this.store)
    await del(SNAPSHOT_KEY, this.store)
  }

  async rejected(): Promise<RejectedSnapshot | undefined> {
    const raw = await get<unknown>(REJECTED_KEY, this.store)
    if (raw === undefined) return undefined
    const r = raw as Partial<RejectedSnapshot>
    // Set aside by an older build, which kept the record as it was.
    return {
      savedAt: typeof r.savedAt === 'string' ? r.savedAt : '',
      state: typeof r.state === 'string' ? r.state : describe(raw),
      problem: typeof r.problem === 'string' ? r.problem : 'The saved state could not be loaded.',
    }
  }

  dismissRejected(): Promise<void> {
    return del(REJECTED_KEY, this.store)
  }
}

/** Text for a stored value of unknown shape, so it can be downloaded. */
function describe(raw: unknown): string {
  if (typeof raw === 'string') return raw
  try {
    return JSON.stringify(raw, null, 2) ?? String(raw)
  } catch {
    return String(raw)
  }
}

export interface Restored {
  state?: EngineState
  clock?: ClockSettings
  /** The saved snapshot was unusable and has been set aside (see `SnapshotStore.rejected`). */
  rejected?: string
  /** Storage itself failed: the backend runs from memory and this says why. */
  storageProblem?: string
}

/** Reads the saved snapshot; one that cannot be used is set aside with the reason. */
export async function restoreSnapshot(store: Pick<SnapshotStore, 'load' | 'setAside'>): Promise<Restored> {
  let raw: unknown
  try {
    raw = await store.load()
  } catch (error) {
    return { storageProblem: `The saved state could not be read: ${(error as Error).message}` }
  }
  if (raw === undefined) return {}
  let problem: string
  const record = snapshotRecord.safeParse(raw)
  if (!record.success) {
    problem = `The stored record is not a simulator snapshot (${record.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ')}).`
  } else {
    try {
      const state = parseState(JSON.parse(record.data.state))
      return { state, ...(record.data.clock ? { clock: record.data.clock } : {}) }
    } catch (error) {
      problem = error instanceof SyntaxError ? `The saved state is not JSON: ${error.message}` : (error as Error).message
    }
  }
  const rejected: RejectedSnapshot = {
    savedAt: record.success ? record.data.savedAt : '',
    state: record.success ? record.data.state : describe(raw),
    problem,
  }
  try {
    await store.setAside(rejected)
  } catch (error) {
    return { rejected: problem, storageProblem: `The unusable snapshot could not be set aside: ${(error as Error).message}` }
  }
  return { rejected: problem }
}
