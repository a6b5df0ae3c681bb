// First: starts loading the current page's module (see the module).
import './preload-current-route'
import { useEffect } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { setTokenProvider } from '../api/http'
import { createQueryClient } from '../api/query-client'
import { AppProviders } from './providers'
import { createRoleStore, followRoleChanges } from './role-store'
import { loadRouteData } from './route-data'
import { routes } from './routes'

// One router per page, as React Router recommends: it listens to the browser's history. Its
// data cache and role store are per page too, so the first screen's data can be asked for
// before the app renders (`loadFirstScreen`).
const router = createBrowserRouter(routes)
const roles = createRoleStore()
const queryClient = createQueryClient()
// Every request carries the current role as its Bearer token, the first ones included.
setTokenProvider(roles.get)

/** Resolves once the router has the current page's module; until then it renders its loading fallback. */
function routerInitialized(): Promise<void> {
  if (router.state.initialized) return Promise.resolve()
  return new Promise((resolve) => {
    const stop = router.subscribe((state) => {
      if (!state.initialized) return
      stop()
      resolve()
    })
  })
}

/**
 * Requests what the current page shows first; resolves when its first render can show it — the
 * data and the page's module, so that a first visit does not render the router's fallback first.
 */
export const loadFirstScreen = () => loadRouteData(queryClient, window.location.pathname, { alsoAwait: [routerInitialized()] })

export function App() {
  // A test tool's role change (the Playwright kit's sim.asRole) acts like the header's role switcher.
  useEffect(() => followRoleChanges(window, roles, () => void queryClient.resetQueries()), [])
  return (
    <AppProviders queryClient={queryClient} roles={roles}>
      <RouterProvider router={router} />
    </AppProviders>
  )
}
