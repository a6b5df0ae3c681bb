/**
 * `serve --state-file PATH`: the whole simulated backend in one JSON file that survives restarts
 * and `kill -9`, and that people can copy, keep in version control or hand to a colleague.
 *
 *   {"pipelineConsoleStateFile": 1, "savedAt": "<ISO>", "clock": {"speed", "paused"}, "state": <engine state>}
 *
 * `state` is exactly what `GET /__sim/state` exports, so a file may also hold just that (an export
 * from the Simulator panel), or the browser's saved snapshot record (`state` as text): both load
 * and are rewritten in the current shape on the first save. Loading validates the whole state
 * with the engine's snapshot schema and its migrations; a file that fails is never written over.
 *
 * Saving is atomic: the new content goes to a temporary file in the same folder, which is
 * flushed to disk (fsync), renamed over the state file, and the folder flushed too (so the rename
 * itself survives a power cut). A crash at any moment leaves the previous or the new complete file.
 * Hand-rolled rather than `write-file-atomic`, which does not fsync the folder.
 */
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { access, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import type { EngineState } from '../engine/model'
import { InvalidStateError, parseState } from '../engine/snapshot'
import type { ClockSettings } from '../sim/runtime'
import { clockSchema, JournalError, replayJournal, SavePlanner } from './state-journal'

export const STATE_FILE_FORMAT = 1

export class StateFileError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    advice = `Nothing was changed. To start afresh, move the file away (or pass another --state-file) and start again.`,
  ) {
    super(`The state file ${path} cannot be used: ${problem} ${advice}`)
    this.name = 'StateFileError'
  }
}

export interface LoadedStateFile {
  state: EngineState
  clock?: ClockSettings
  /** The file was in an older shape and will be rewritten in the current one. */
  migratedFrom?: 'exported-state' | 'browser-snapshot'
  /** Journal lines applied after the first (state-journal.ts); the file is rewritten whole on start. */
  journal?: { entries: number; tornTail: boolean }
}

const currentFile = z.object({
  pipelineConsoleStateFile: z.literal(STATE_FILE_FORMAT),
  savedAt: z.string(),
  clock: clockSchema.optional(),
  state: z.unknown(),
})
const browserSnapshot = z.strictObject({ savedAt: z.string(), state: z.string(), clock: clockSchema.optional() })

const tempPrefix = (path: string) => `.${basename(path)}.`
const TEMP_SUFFIX = '.tmp'

/** Reads and validates the file; `undefined` when it does not exist. Throws `StateFileError`. */
export async function readStateFile(path: string): Promise<LoadedStateFile | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new StateFileError(path, `it cannot be read (${code ?? (error as Error).message}).`)
  }
  let raw: unknown
  /** The lines after the first, when the file is a state file followed by a journal. */
  let journal: string[] | undefined
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const split = splitJournal(text)
    if (!split) throw new StateFileError(path, `it is not JSON (${(error as Error).message}).`)
    ;({ first: raw, lines: journal } = split)
  }
  const asCurrent = currentFile.safeParse(raw)
  const asBrowser = browserSnapshot.safeParse(raw)
  let state: unknown
  let loaded: Omit<LoadedStateFile, 'state'>
  if (asCurrent.success) {
    state = asCurrent.data.state
    let clockSettings = asCurrent.data.clock
    let replayed: LoadedStateFile['journal']
    if (journal) {
      try {
        const result = replayJournal(state, journal)
        state = result.state
        replayed = { entries: result.entries, tornTail: result.tornTail }
        clockSettings = result.clock ?? clockSettings
      } catch (error) {
        if (error instanceof JournalError) throw new StateFileError(path, error.message)
        throw error
      }
    }
    loaded = { ...(clockSettings ? { clock: clockSettings } : {}), ...(replayed ? { journal: replayed } : {}) }
  } else if (typeof raw === 'object' && raw !== null && 'pipelineConsoleStateFile' in raw) {
    const format = (raw as { pipelineConsoleStateFile: unknown }).pipelineConsoleStateFile
    const problem =
      typeof format === 'number' && format > STATE_FILE_FORMAT
        ? `it was written by a newer Pipeline Console (state file format ${format}; this one reads ${STATE_FILE_FORMAT}).`
        : `it is not a valid state file (${asCurrent.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
            .join('; ')}).`
    throw new StateFileError(path, problem)
  } else if (asBrowser.success) {
    try {
      state = JSON.parse(asBrowser.data.state)
    } catch (error) {
      throw new StateFileError(path, `its saved state is not JSON (${(error as Error).message}).`)
    }
    loaded = { migratedFrom: 'browser-snapshot', ...(asBrowser.data.clock ? { clock: asBrowser.data.clock } : {}) }
  } else {
    state = raw
    loaded = { migratedFrom: 'exported-state' }
  }
  try {
    return { state: parseState(state), ...loaded }
  } catch (error) {
    if (error instanceof InvalidStateError) throw new StateFileError(path, `${error.message}.`)
    throw error
  }
}

/**
 * A state file followed by journal lines: its first line (parsed: a state file document) and the
 * rest, or `undefined` when the text is not that (its first line is not JSON).
 */
function splitJournal(text: string): { first: unknown; lines: string[] } | undefined {
  const end = text.indexOf('\n')
  if (end < 0) return undefined
  let first: unknown
  try {
    first = JSON.parse(text.slice(0, end))
  } catch {
    return undefined
  }
  if (typeof first !== 'object' || first === null || !('pipelineConsoleStateFile' in first)) return undefined
  const lines = text.slice(end + 1).split('\n')
  if (lines.at(-1) === '') lines.pop()
  return { first, lines }
}

/** The file's text for a state exported by `engine.exportState()` (not parsed again: it can be large). */
export function stateFileText(stateText: string, clockSettings: ClockSettings, savedAt = new Date()): string {
  const head = JSON.stringify({
    pipelineConsoleStateFile: STATE_FILE_FORMAT,
    savedAt: savedAt.toISOString(),
    clock: clockSettings,
  })
  return `${head.slice(0, -1)},"state":${stateText}}\n`
}

/** Writes `text` to `path` atomically and durably (see the file's comment). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path)
  const temp = join(dir, `${tempPrefix(path)}${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
  const file = await open(temp, 'wx', 0o644)
  try {
    await file.writeFile(text, 'utf8')
    await file.sync()
  } catch (error) {
    await file.close().catch(() => {})
    await rm(temp, { force: true })
    throw error
  }
  await file.close()
  try {
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  const folder = await open(dir, 'r')
  try {
    await folder.sync()
  } finally {
    await folder.close()
  }
}

/** Appends `text` to `path` and flushes it to disk before resolving. */
export async function appendDurably(path: string, text: string): Promise<void> {
  const file = await open(path, 'a')
  try {
    await file.writeFile(text, 'utf8')
    await file.sync()
  } finally {
    await file.close()
  }
}

/** Removes temporary files a killed server left behind (they are never the state itself). */
export async function removeStaleTemporaryFiles(path: string): Promise<void> {
  const prefix = tempPrefix(path)
  let names: string[]
  try {
    names = await readdir(dirname(path))
  } catch {
    return
  }
  await Promise.all(
    names
      .filter((name) => name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX))
      .map((name) => rm(join(dirname(path), name), { force: true })),
  )
}

/** Fails with a clear message when the file's folder cannot take the file (missing, read-only). */
export async function checkWritableFolder(path: string): Promise<void> {
  const dir = dirname(resolve(path))
  try {
    await mkdir(dir, { recursive: true })
    await access(dir, constants.W_OK)
    // access() says yes to root on a read-only file system: try for real.
    const probe = join(dir, `${tempPrefix(path)}probe.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`)
    const handle = await open(probe, 'wx')
    await handle.close()
    await rm(probe, { force: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'EROFS'
        ? 'its folder is on a read-only file system'
        : code === 'EACCES' || code === 'EPERM'
          ? 'its folder is not writable by this user'
          : code === 'ENOTDIR'
            ? 'part of its folder path is a file'
            : `its folder cannot be written (${code ?? (error as Error).message})`
    throw new StateFileError(
      path,
      `${why} (${dir}).`,
      'Choose a --state-file in a folder you can write to, or make this one writable.',
    )
  }
}

/**
 * Saves after changes: the first change of a burst waits `delayMs` (so a burst is one write),
 * there is one write at a time, and a change made during a write is saved by the next write,
 * which starts after a pause as long as that write took. A change is on disk within `delayMs`
 * plus three writes: a few milliseconds for the demo's state, and for a large one (100,000
 * executions) an append of what changed (state-journal.ts) rather than a rewrite of it all.
 */
export interface StateFileSaverOptions {
  /** How long the first change of a burst waits (default 100 ms). */
  delayMs?: number
  onProblem?: (message: string) => void
  /** The file already holds exactly this state object, as one document of `bytes` (just loaded). */
  holds?: { state: EngineState; bytes: number }
  /** From this file size on, saves append to a journal (state-journal.ts) instead of rewriting. */
  journalFromBytes?: number
}

export class StateFileSaver {
  private changes = 0
  /** -1: the file does not hold the current state yet (created, or in an older shape). */
  private savedChanges: number
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<void> | undefined
  private readonly planner: SavePlanner
  private readonly delayMs: number
  private readonly onProblem: (message: string) => void
  /** Set while saving fails (reported by /__sim/status and on stderr); cleared by the next success. */
  problem: string | undefined
  /** How long the last write took, and whether it rewrote the file or appended to it (bench). */
  lastSaveMs = 0
  lastSaveKind: 'whole' | 'append' | undefined

  constructor(
    private readonly path: string,
    private readonly snapshot: () => { state: EngineState; clock: ClockSettings },
    { delayMs = 100, onProblem = () => {}, holds, journalFromBytes }: StateFileSaverOptions = {},
  ) {
    this.delayMs = delayMs
    this.onProblem = onProblem
    this.planner = new SavePlanner(stateFileText, journalFromBytes)
    if (holds) this.planner.holds(holds.state, holds.bytes)
    this.savedChanges = holds ? 0 : -1
  }

  get saved(): boolean {
    return this.savedChanges === this.changes && this.running === undefined
  }

  /** Something changed. */
  changed(): void {
    this.changes++
    // During a write, the write's end starts the next one.
    if (!this.running) this.schedule(this.delayMs)
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined
      void this.save()
    }, ms)
  }

  /** Saves now, after a write in progress, unless the file is up to date. */
  async save(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    while (this.running) await this.running
    if (this.savedChanges === this.changes) return
    this.running = this.write().finally(() => {
      this.running = undefined
      // Changes made during the write: the next write follows as the first of a burst does, or,
      // after a rewrite of a huge state that took seconds (start-up, the journal folded in), after
      // a pause as long, so that the server still answers half the time.
      const pause = this.lastSaveKind === 'whole' && this.lastSaveMs > 1_000 ? this.lastSaveMs : this.delayMs
      if (this.savedChanges !== this.changes && !this.problem) this.schedule(pause)
    })
    await this.running
  }

  private async write(): Promise<void> {
    const changes = this.changes
    const started = performance.now()
    try {
      const { state, clock: settings } = this.snapshot()
      const plan = this.planner.plan(state, settings)
      try {
        if (plan.kind === 'whole') await writeFileAtomic(this.path, plan.text)
        else await appendDurably(this.path, plan.text)
      } catch (error) {
        // What the file holds now is unknown (an append may be half written): rewrite it whole.
        this.planner.forget()
        throw error
      }
      plan.written()
      this.savedChanges = changes
      this.lastSaveKind = plan.kind
      this.lastSaveMs = performance.now() - started
      if (this.problem) this.onProblem(`The state file ${this.path} is saved again.`)
      this.problem = undefined
    } catch (error) {
      const message = `The state could not be saved to ${this.path}: ${(error as Error).message}`
      if (this.problem !== message) this.onProblem(message)
      this.problem = message
      // Tried again in a while (a full disk, a folder made read-only meanwhile).
      this.schedule(5_000)
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
