/**
 * Execution rules: starting, step progression, gates, cancel, re-execute and promote.
 */
import type { EngineContext } from './context'
import type { TimerPayload } from './model'

/** Applies a timer that came due. */
export function onTimer(_ctx: EngineContext, _payload: TimerPayload): void {
  // Filled in by the execution rules.
}
