/**
 * Checking a stored snapshot: the record's shape, then the engine state inside it. Loaded by
 * `restoreSnapshot` only when there is a snapshot to check, so a first visit loads no zod.
 */
import { z } from 'zod'
import type { EngineState } from '../engine/model'
import { parseState } from '../engine/snapshot'
import type { ClockSettings } from './runtime'

const snapshotRecord = z.object({
  savedAt: z.string(),
  state: z.string(),
  clock: z.object({ speed: z.number().finite().min(0), paused: z.boolean() }).optional(),
})

export type SnapshotCheck =
  | { ok: true; state: EngineState; clock?: ClockSettings }
  | {
      ok: false
      problem: string
      /** The record, when it was a snapshot whose state is unusable. */
      record?: { savedAt: string; state: string }
    }

export function checkSnapshot(raw: unknown): SnapshotCheck {
  const record = snapshotRecord.safeParse(raw)
  if (!record.success) {
    const problem = `The stored record is not a simulator snapshot (${record.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ')}).`
    return { ok: false, problem }
  }
  const { savedAt, state, clock } = record.data
  try {
    return { ok: true, state: parseState(JSON.parse(state)), ...(clock ? { clock } : {}) }
  } catch (error) {
    const problem = error instanceof SyntaxError ? `The saved state is not JSON: ${error.message}` : (error as Error).message
    return { ok: false, problem, record: { savedAt, state } }
  }
}
