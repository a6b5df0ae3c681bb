/**
 * The shared engine's worker, created once per page and as early as the page can: the entry
 * module starts it before the simulator's client code (MSW) has even downloaded, so the engine
 * boots while the rest of the console loads. Kept free of imports that would pull code in.
 */
import type { HostKind } from './backend'
import { SHARED_WORKER_NAME } from './protocol'

export interface EngineWorker {
  worker: SharedWorker
  /** Called once if the worker fails to load or crashes, even if that happened before this call. */
  onError(listener: () => void): void
}

let started: EngineWorker | undefined

/** Which host this page asks for: the shared worker unless the browser has none or `?sim-host=page`. */
export function requestedHost(): HostKind {
  if (typeof SharedWorker === 'undefined') return 'page'
  return new URLSearchParams(window.location.search).get('sim-host') === 'page' ? 'page' : 'shared-worker'
}

export function engineWorker(): EngineWorker {
  if (started) return started
  const worker = new SharedWorker(new URL('./engine-worker.ts', import.meta.url), {
    type: 'module',
    name: SHARED_WORKER_NAME,
  })
  let failed = false
  const listeners = new Set<() => void>()
  worker.addEventListener('error', () => {
    failed = true
    for (const listener of listeners) listener()
  })
  started = {
    worker,
    onError: (listener) => (failed ? listener() : void listeners.add(listener)),
  }
  return started
}
