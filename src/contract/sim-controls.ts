/** (sim) Simulator controls added for the demo panel, beyond the README's /__sim table. */
import type { SimClock } from './resources'

/** POST `/__sim/clock/advance-until-waiting` body. */
export interface AdvanceUntilWaitingRequest {
  /** The longest jump; defaults to 30 virtual days. */
  maxMs?: number
}

export interface WaitingStep {
  programId: string
  pipelineId: string
  pipelineName: string
  executionId: string
  stepAction: string
  stepLabel: string
}

export interface AdvanceUntilWaitingResult {
  /** `waiting`: a step started waiting; `idle`: nothing is running; `limit`: maxMs passed first. */
  reason: 'waiting' | 'idle' | 'limit'
  /** Virtual ms the clock moved. */
  advancedMs: number
  /** Steps that started waiting during this jump. */
  waiting: WaitingStep[]
  clock: SimClock
}

/** `GET /__sim/status` (browser only). */
export interface SimStatus {
  restored: boolean
  saved: boolean
  /** Where the backend runs: one SharedWorker for every tab, or this page alone. */
  host?: 'shared-worker' | 'page'
  /** Tabs connected to the shared backend. */
  tabs?: number
  /** Set when saved state cannot be read or written. */
  storageProblem?: string
  rejectedSnapshot?: { savedAt: string; problem: string }
}
