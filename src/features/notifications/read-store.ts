/**
 * Which notifications a role has read: everything up to an event id (ids only grow), kept in
 * localStorage per role, so switching roles switches read state too.
 */
import { useCallback, useSyncExternalStore } from 'react'

const KEY_PREFIX = 'pipeline-console.notifications.read.'
const listeners = new Set<() => void>()

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

const keyOf = (role: string) => `${KEY_PREFIX}${role}`

function readUpTo(role: string): number {
  const raw = storage()?.getItem(keyOf(role))
  const n = raw === null || raw === undefined ? 0 : Number(raw)
  return Number.isFinite(n) ? n : 0
}

function notify() {
  for (const l of listeners) l()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Forgets every role's read state: after a reset or an import, ids start over. */
export function clearNotificationReadState(): void {
  const s = storage()
  if (!s) return
  for (let i = s.length - 1; i >= 0; i--) {
    const key = s.key(i)
    if (key?.startsWith(KEY_PREFIX)) s.removeItem(key)
  }
  notify()
}

/** The id up to which `role` has read, and a way to move it. */
export function useReadUpTo(role: string): [number, (id: string) => void] {
  const upTo = useSyncExternalStore(
    subscribe,
    () => readUpTo(role),
    () => 0,
  )
  const markReadUpTo = useCallback(
    (id: string) => {
      const n = Number(id)
      if (!Number.isFinite(n) || n <= readUpTo(role)) return
      storage()?.setItem(keyOf(role), String(n))
      notify()
    },
    [role],
  )
  return [upTo, markReadUpTo]
}
