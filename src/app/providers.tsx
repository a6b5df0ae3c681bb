import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { RoleContext } from './role-context'
import type { RoleStore } from './role-store'

export interface AppProvidersProps {
  queryClient: QueryClient
  roles: RoleStore
  children: ReactNode
}

/** Everything outside the router: data cache and the simulated user's role. */
export function AppProviders({ queryClient, roles, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <RoleContext value={roles}>{children}</RoleContext>
    </QueryClientProvider>
  )
}
