/**
 * Saving a large state without rewriting it. With 100,000 executions the state file is about
 * 190 MB and rewriting it takes seconds (JSON of the whole state, write, fsync), so a change
 * would not be on disk within a second. Executions that have ended never change again (an engine
 * rule, a property test in src/engine/executions/properties.test.ts), and they are nearly all of a large state. So once the
 * file is large, a save appends one line to it instead: the parts of the state other than the
 * executions that changed (pipelines, events, …), plus the executions that are new or were still
 * running at the previous save. The file is then JSON Lines: the first line is the usual state
 * file document, each further line a journal entry:
 *
 *   {"pipelineConsoleJournal": 1, "savedAt", "clock", "state": <changed parts but executions>,
 *    "executions": [<written again>], "newExecutionIds": [<appended, in order>], "removedExecutionIds": [...]}
 *
 * An append is fsynced; a `kill -9` in the middle of one leaves an incomplete last line, which
 * loading ignores (the previous complete state). The whole file is rewritten atomically (and the
 * journal folded in) at start-up, when the journal grows as large as the state, when the engine is
 * replaced (reset, import), when executions are reordered, and after a failed write.
 */
import { z } from 'zod'
import type { EngineState, Execution } from '../engine/model'
import type { ClockSettings } from '../sim/runtime'

export const JOURNAL_FORMAT = 1
/** Below this size a save rewrites the whole file, which stays one plain JSON document. */
export const DEFAULT_JOURNAL_FROM_BYTES = 8 * 1024 * 1024

const ENDED = new Set<Execution['status']>(['FINISHED', 'FAILED', 'CANCELLED', 'ERROR'])
export const hasEnded = (execution: Execution) => ENDED.has(execution.status)

export interface JournalEntry {
  pipelineConsoleJournal: typeof JOURNAL_FORMAT
  savedAt: string
  clock: ClockSettings
  /** The parts of the state other than executions that changed since the previous line. */
  state: Partial<Omit<EngineState, 'executions'>>
  executions: Execution[]
  newExecutionIds: string[]
  removedExecutionIds: string[]
}

/** The virtual clock's settings as a state file and its journal lines hold them. */
export const clockSchema = z.strictObject({ speed: z.number().finite().min(0), paused: z.boolean() })

const journalEntry = z.object({
  pipelineConsoleJournal: z.literal(JOURNAL_FORMAT),
  savedAt: z.string(),
  clock: clockSchema,
  state: z.record(z.string(), z.unknown()),
  executions: z.array(z.object({ id: z.string() }).passthrough()),
  newExecutionIds: z.array(z.string()),
  removedExecutionIds: z.array(z.string()),
})

/** What the file on disk holds, as far as the next save needs to know. */
interface Written {
  state: EngineState
  order: string[]
  /** Executions that had not ended when written. */
  running: Set<string>
  /** The JSON of every other part of the state as written, to write again only what changed. */
  parts: Map<string, string>
  baseBytes: number
  journalBytes: number
}

export interface SavePlan {
  kind: 'whole' | 'append'
  text: string
  /** Call once the text is on disk. */
  written: () => void
}

/**
 * The new executions at the end of `ids`, and those gone since `before`, when `ids` is `before`
 * without some executions and with new ones appended; `undefined` for any other change of order.
 */
function orderChange(before: readonly string[], ids: readonly string[]): { added: string[]; removed: string[] } | undefined {
  const now = new Set(ids)
  const kept = before.filter((id) => now.has(id))
  for (let i = 0; i < kept.length; i++) if (ids[i] !== kept[i]) return undefined
  const known = new Set(before)
  const added = ids.slice(kept.length)
  if (added.some((id) => known.has(id))) return undefined
  return { added, removed: kept.length === before.length ? [] : before.filter((id) => !now.has(id)) }
}

/** Decides, save by save, whether to rewrite the file or append to it, and builds the text. */
export class SavePlanner {
  private disk: Written | undefined

  constructor(
    private readonly wholeText: (stateText: string, clock: ClockSettings, savedAt: Date) => string,
    private readonly journalFromBytes = DEFAULT_JOURNAL_FROM_BYTES,
  ) {}

  /** The file holds exactly `state`, as it is now, as one document of `bytes` bytes (just loaded). */
  holds(state: EngineState, bytes: number): void {
    this.disk = { ...describe(state), baseBytes: bytes, journalBytes: 0 }
  }

  /** What is on disk is unknown (a write failed): the next save rewrites the whole file. */
  forget(): void {
    this.disk = undefined
  }

  plan(state: EngineState, clock: ClockSettings, savedAt = new Date()): SavePlan {
    const disk = this.disk
    const ids = state.executions.map((e) => e.id)
    const change =
      disk && disk.state === state && disk.baseBytes >= this.journalFromBytes && disk.journalBytes < disk.baseBytes
        ? orderChange(disk.order, ids)
        : undefined
    if (!disk || !change) {
      const text = this.wholeText(JSON.stringify(state), clock, savedAt)
      // Described now, as written: the engine changes its state in place while the text is written,
      // and executions started meanwhile are not in the file (the next save must append them).
      const held = describe(state)
      return {
        kind: 'whole',
        text,
        written: () => {
          this.disk = { ...held, baseBytes: Buffer.byteLength(text), journalBytes: 0 }
        },
      }
    }
    const added = new Set(change.added)
    const again = state.executions.filter((e) => added.has(e.id) || disk.running.has(e.id) || !hasEnded(e))
    const parts = partsOf(state)
    const changed: Record<string, unknown> = {}
    for (const [key, json] of parts) if (disk.parts.get(key) !== json) changed[key] = JSON.parse(json)
    const entry: JournalEntry = {
      pipelineConsoleJournal: JOURNAL_FORMAT,
      savedAt: savedAt.toISOString(),
      clock,
      state: changed,
      executions: again,
      newExecutionIds: change.added,
      removedExecutionIds: change.removed,
    }
    const text = `${JSON.stringify(entry)}\n`
    const running = new Set(again.filter((e) => !hasEnded(e)).map((e) => e.id))
    return {
      kind: 'append',
      text,
      written: () => {
        disk.order = ids
        disk.running = running
        disk.parts = parts
        disk.journalBytes += Buffer.byteLength(text)
      },
    }
  }
}

/** What the journal needs to know of a state written whole, taken when its text is made. */
function describe(state: EngineState): Omit<Written, 'baseBytes' | 'journalBytes'> {
  return {
    state,
    order: state.executions.map((e) => e.id),
    running: new Set(state.executions.filter((e) => !hasEnded(e)).map((e) => e.id)),
    parts: partsOf(state),
  }
}

/** The JSON of each part of the state but its executions. */
function partsOf(state: EngineState): Map<string, string> {
  const parts = new Map<string, string>()
  for (const [key, value] of Object.entries(state)) if (key !== 'executions') parts.set(key, JSON.stringify(value))
  return parts
}

/** A problem with one journal line (the loader names the file). */
export class JournalError extends Error {}

/**
 * Applies the journal lines after a state file's first line to its state (`base`, as parsed,
 * not validated yet: the result is validated whole). An incomplete last line (a write cut short)
 * is left out and reported; any other line that does not read is an error.
 */
export function replayJournal(
  base: unknown,
  lines: readonly string[],
): { state: unknown; entries: number; tornTail: boolean; clock: ClockSettings | undefined } {
  if (typeof base !== 'object' || base === null || !Array.isArray((base as EngineState).executions)) {
    throw new JournalError('its first line holds no executions to apply a journal to.')
  }
  let executions = new Map((base as EngineState).executions.map((e) => [e.id, e]))
  let state: Record<string, unknown> = base as unknown as Record<string, unknown>
  let entries = 0
  let tornTail = false
  let clock: ClockSettings | undefined
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const last = i === lines.length - 1
    let parsed: z.infer<typeof journalEntry>
    try {
      parsed = journalEntry.parse(JSON.parse(line))
    } catch (error) {
      if (last) {
        tornTail = true
        break
      }
      throw new JournalError(`journal line ${i + 2} is not a journal entry (${(error as Error).message.slice(0, 200)}).`)
    }
    const next = new Map(executions)
    for (const id of parsed.removedExecutionIds) next.delete(id)
    const fresh = new Set(parsed.newExecutionIds)
    const written = new Map(parsed.executions.map((e) => [e.id, e as unknown as Execution]))
    for (const id of parsed.newExecutionIds) {
      const execution = written.get(id)
      if (!execution || next.has(id)) throw new JournalError(`journal line ${i + 2} adds execution ${id} without it, or twice.`)
      next.set(id, execution)
    }
    for (const [id, execution] of written) {
      if (fresh.has(id)) continue
      if (!next.has(id)) throw new JournalError(`journal line ${i + 2} changes execution ${id}, which does not exist.`)
      next.set(id, execution)
    }
    executions = next
    state = { ...state, ...parsed.state }
    clock = parsed.clock
    entries++
  }
  return { state: { ...state, executions: [...executions.values()] }, entries, tornTail, clock }
}
