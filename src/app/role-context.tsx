import { createContext, useContext, useSyncExternalStore } from 'react'
import type { Role } from '../contract/resources'
import type { RoleStore } from './role-store'

export const RoleContext = createContext<RoleStore | null>(null)

function useRoleStore(): RoleStore {
  const store = useContext(RoleContext)
  if (!store) throw new Error('useRole must be used inside <AppProviders>.')
  return store
}

export function useRole(): [Role, (role: Role) => void] {
  const store = useRoleStore()
  const role = useSyncExternalStore(store.subscribe, store.get, store.get)
  return [role, store.set]
}
