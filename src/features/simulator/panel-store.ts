/**
 * Whether the simulator panel is open: shared by its header button and the panel itself, which
 * live in different parts of the shell. Remembered for the session, so a reload keeps it.
 */
import { useSyncExternalStore } from 'react'

const KEY = 'pipeline-console.simulator-panel'
const listeners = new Set<() => void>()
let open = read()

function read(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(KEY) === 'open'
  } catch {
    return false
  }
}

export function setSimulatorPanelOpen(next: boolean): void {
  if (next === open) return
  open = next
  try {
    globalThis.sessionStorage?.setItem(KEY, next ? 'open' : 'closed')
  } catch {
    // Storage may be disabled; the panel then forgets across reloads.
  }
  for (const l of listeners) l()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const useSimulatorPanelOpen = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => open,
    () => false,
  )

export const SIMULATOR_PANEL_ID = 'simulator-panel'
