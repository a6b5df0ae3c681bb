/**
 * The simulated user's role. The API reads it from the Bearer token, so switching roles is
 * switching tokens; the choice survives reloads through localStorage.
 */
import { ROLE_CHANGE_EVENT, ROLE_STORAGE_KEY } from '../contract/console-role'
import type { Role } from '../contract/resources'
import { ROLE_TOKENS } from '../contract/resources'

export const ROLE_LABELS: Record<Role, string> = {
  'business-owner': 'Business Owner',
  'deployment-manager': 'Deployment Manager',
  'program-manager': 'Program Manager',
  developer: 'Developer',
  cse: 'Customer Success Engineer',
}

export const DEFAULT_ROLE: Role = 'deployment-manager'
const STORAGE_KEY = ROLE_STORAGE_KEY

const isRole = (value: unknown): value is Role => (ROLE_TOKENS as readonly unknown[]).includes(value)

export interface RoleStore {
  get: () => Role
  set: (role: Role) => void
  subscribe: (listener: () => void) => () => void
}

export function createRoleStore(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeLocalStorage()): RoleStore {
  const stored = storage?.getItem(STORAGE_KEY)
  let role: Role = isRole(stored) ? stored : DEFAULT_ROLE
  const listeners = new Set<() => void>()
  return {
    get: () => role,
    set: (next) => {
      if (next === role) return
      role = next
      storage?.setItem(STORAGE_KEY, next)
      for (const l of listeners) l()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/**
 * Lets a test tool switch the role of the running console (see contract/console-role): each
 * ROLE_CHANGE_EVENT on `target` sets the store and calls `onChange`, as the role switcher does.
 * A role stored between the store's creation and this subscription is taken up at once.
 */
export function followRoleChanges(
  target: EventTarget,
  store: RoleStore,
  onChange: () => void,
  storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage(),
): () => void {
  const apply = (next: unknown) => {
    if (!isRole(next) || next === store.get()) return
    store.set(next)
    onChange()
  }
  const listener = (event: Event) => apply((event as CustomEvent<unknown>).detail)
  target.addEventListener(ROLE_CHANGE_EVENT, listener)
  apply(storage?.getItem(STORAGE_KEY))
  return () => target.removeEventListener(ROLE_CHANGE_EVENT, listener)
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    // Storage can be disabled (privacy settings); the role then lasts for the session only.
    return undefined
  }
}
