// First: starts loading the current page's module (see the module).
import { currentRouteModule } from './preload-current-route'
import { useEffect } from 'react'
import { BrowserRouter } from 'react-router-dom'
import { setTokenProvider } from '../api/http'
import { createQueryClient } from '../api/query-client'
import { AppProviders } from './providers'
import { createRoleStore, followRoleChanges } from './role-store'
import { loadRouteData } from './route-data'
import { AppRoutes } from './routes'

// The data cache and role store are per page, so the first screen's data can be asked for
// before the app renders (`loadFirstScreen`).
const roles = createRoleStore()
const queryClient = createQueryClient()
// Every request carries the current role as its Bearer token, the first ones included.
setTokenProvider(roles.get)

/**
 * Requests what the current page shows first; resolves when its first render can show it — the
 * data and the page's module, so that a first visit does not render the loading state first.
 */
export const loadFirstScreen = () => loadRouteData(queryClient, window.location.pathname, { alsoAwait: [currentRouteModule] })

export function App() {
  // A test tool's role change (the Playwright kit's sim.asRole) acts like the header's role switcher.
  useEffect(() => followRoleChanges(window, roles, () => void queryClient.resetQueries()), [])
  return (
    <AppProviders queryClient={queryClient} roles={roles}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  )
}
