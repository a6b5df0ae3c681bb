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

/** `GET /__sim/status`: answered by the browser hosts and by `pipeline-console serve` (not by msw/node in tests). */
export interface SimStatus {
  /** The state was loaded from storage (IndexedDB, or the server's state file) rather than created. */
  restored: boolean
  /** Every change has reached storage (always false for a server without a state file). */
  saved: boolean
  /** Where the backend runs: one SharedWorker for every tab, this page alone, or `pipeline-console serve`. */
  host?: 'shared-worker' | 'page' | 'server'
  /** The server's `--state-file`, as an absolute path. */
  stateFile?: string
  /** Tabs connected to the shared backend. */
  tabs?: number
  /** Set when saved state cannot be read or written. */
  storageProblem?: string
  rejectedSnapshot?: { savedAt: string; problem: string }
}
