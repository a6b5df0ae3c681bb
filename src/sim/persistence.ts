/**
 * Saving the simulated backend between page loads. The snapshot is versioned with the engine
 * state; one that fails to load — unreadable, not a snapshot record, not JSON, an invalid state
 * or a version no migration reaches — is set aside (never silently dropped) and reported.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import type { EngineState } from '../engine/model'
import { CURRENT_STATE_VERSION } from '../engine/saved-state'
import type { ClockSettings } from './runtime'

export interface SavedSnapshot {
  savedAt: string
  /** `engine.exportState()` text. */
  state: string
  clock?: ClockSettings
  /**
   * The build that wrote it (its engine's content-hashed script URL, production builds only): the
   * same build restores it without checking it again (`restoreSnapshot`).
   */
  writtenBy?: string
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

export class SnapshotStore {
  private readonly store: UseStore

  constructor(dbName = 'pipeline-console') {
    this.store = createStore(dbName, 'simulator')
  }

  /** Whatever is stored under the snapshot key: checked by `restoreSnapshot`, not here. */
  load(): Promise<unknown> {
    return get<unknown>(SNAPSHOT_KEY, this.store)
  }

  save(state: string, clock: ClockSettings, writtenBy?: string): Promise<void> {
    const record: SavedSnapshot = { savedAt: new Date().toISOString(), state, clock, ...(writtenBy ? { writtenBy } : {}) }
    return set(SNAPSHOT_KEY, record, this.store)
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
  /** This build's own snapshot, restored without the schema check. */
  unchecked?: true
}

/**
 * A snapshot that this very build wrote (`build`, its engine's content-hashed script URL) came out
 * of this engine's `exportState`, so checking it again against the schema only costs time: loading
 * zod and checking took about half a second of a reload's start. Anything else — another build,
 * an older version, a record that does not even parse — gets the whole check.
 */
function ownSnapshot(raw: unknown, build: string | undefined): Restored | undefined {
  if (!build || typeof raw !== 'object' || raw === null) return undefined
  const record = raw as Partial<SavedSnapshot>
  if (record.writtenBy !== build || typeof record.state !== 'string') return undefined
  const { clock } = record
  const clockOk =
    clock === undefined ||
    (typeof clock === 'object' &&
      clock !== null &&
      typeof clock.paused === 'boolean' &&
      typeof clock.speed === 'number' &&
      Number.isFinite(clock.speed) &&
      clock.speed >= 0)
  if (!clockOk) return undefined
  let state: unknown
  try {
    state = JSON.parse(record.state)
  } catch {
    return undefined
  }
  if (typeof state !== 'object' || state === null || (state as { version?: unknown }).version !== CURRENT_STATE_VERSION)
    return undefined
  return {
    state: state as EngineState,
    ...(clock ? { clock: { speed: clock.speed, paused: clock.paused } } : {}),
    unchecked: true,
  }
}

/**
 * Reads the saved snapshot; one that cannot be used is set aside with the reason. `build` names
 * this build (production builds only): a snapshot it wrote itself is restored without the check.
 */
export async function restoreSnapshot(store: Pick<SnapshotStore, 'load' | 'setAside'>, build?: string): Promise<Restored> {
  let raw: unknown
  try {
    raw = await store.load()
  } catch (error) {
    return { storageProblem: `The saved state could not be read: ${(error as Error).message}` }
  }
  if (raw === undefined) return {}
  const own = ownSnapshot(raw, build)
  if (own) return own
  // The checks (and zod) load only now: a first visit has nothing to check.
  const { checkSnapshot } = await import('./snapshot-check')
  const checked = checkSnapshot(raw)
  if (checked.ok) return { state: checked.state, ...(checked.clock ? { clock: checked.clock } : {}) }
  const { problem } = checked
  const rejected: RejectedSnapshot = {
    savedAt: checked.record?.savedAt ?? '',
    state: checked.record?.state ?? describe(raw),
    problem,
  }
  try {
    await store.setAside(rejected)
  } catch (error) {
    return { rejected: problem, storageProblem: `The unusable snapshot could not be set aside: ${(error as Error).message}` }
  }
  return { rejected: problem }
}
