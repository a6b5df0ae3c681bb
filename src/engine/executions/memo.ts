/**
 * Per-revision memos: answers derived from the whole execution history (the program's ordered
 * activity, its promotable builds, its production releases) are computed once per state
 * revision and reused by every reader until the state changes. Every command bumps the revision
 * (`ctx.touch()`), and replacing the executions array (delete, seed) also invalidates.
 */
import type { EngineContext } from '../context'
import type { EngineState, Execution } from '../model'

interface Memo {
  revision: number
  executions: readonly Execution[]
  values: Map<string, unknown>
}

const memos = new WeakMap<EngineState, Memo>()

export function memoPerRevision<T>(ctx: EngineContext, key: string, compute: () => T): T {
  const state = ctx.state
  let memo = memos.get(state)
  if (!memo || memo.revision !== state.revision || memo.executions !== state.executions) {
    memo = { revision: state.revision, executions: state.executions, values: new Map() }
    memos.set(state, memo)
  }
  if (memo.values.has(key)) return memo.values.get(key) as T
  const value = compute()
  memo.values.set(key, value)
  return value
}
