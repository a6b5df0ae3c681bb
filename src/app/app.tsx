import { useEffect, useLayoutEffect, useState } from 'react'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { setTokenProvider } from '../api/http'
import { createQueryClient } from '../api/query-client'
import { AppProviders } from './providers'
import { createRoleStore, followRoleChanges } from './role-store'
import { routes } from './routes'

// One router per page, as React Router recommends: it listens to the browser's history.
const router = createBrowserRouter(routes)

// Pure, so StrictMode may call it twice; only the kept result is wired to the client below.
const createAppState = () => ({ roles: createRoleStore(), queryClient: createQueryClient() })

export function App() {
  const [{ roles, queryClient }] = useState(createAppState)
  // Every request carries the current role as its Bearer token. A layout effect runs before
  // the children's queries subscribe, so no request leaves without it.
  useLayoutEffect(() => setTokenProvider(roles.get), [roles])
  // A test tool's role change (the Playwright kit's sim.asRole) acts like the header's role switcher.
  useEffect(() => followRoleChanges(window, roles, () => void queryClient.resetQueries()), [roles, queryClient])
  return (
    <AppProviders queryClient={queryClient} roles={roles}>
      <RouterProvider router={router} />
    </AppProviders>
  )
}
