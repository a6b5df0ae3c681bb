/**
 * Renders the real app (routes, providers, S2) against the real simulator handlers through
 * msw/node: no request mocks. Each call gets its own engine, server, QueryClient and router.
 */
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { onTestFinished } from 'vitest'
import { setTokenProvider } from '../api/http'
import { createQueryClient } from '../api/query-client'
import { AppProviders } from '../app/providers'
import { createRoleStore } from '../app/role-store'
import { AppRoutes } from '../app/routes'
import type { Role } from '../contract/resources'
import type { ScenarioName } from '../engine/scenarios/index'
import { createHandlers } from '../sim/http/create-handlers'
import { SimRuntime } from '../sim/runtime'
import { createTestRouter } from './test-router'

export interface RenderAppOptions {
  role?: Role
  scenario?: ScenarioName
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map<string, string>()
  return { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) }
}

/** `url` may be computed from the runtime, e.g. to open a page of the scenario's first program. */
export function renderApp(
  url: string | ((runtime: SimRuntime) => string),
  { role = 'deployment-manager', scenario = 'fresh-program' }: RenderAppOptions = {},
) {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario })
  const server = setupServer(...createHandlers(runtime))
  server.listen({ onUnhandledRequest: 'error' })
  onTestFinished(() => server.close())

  const storage = memoryStorage()
  storage.setItem('pipeline-console.role', role)
  const roles = createRoleStore(storage)
  setTokenProvider(roles.get)
  const queryClient = createQueryClient({ retries: 0 })
  onTestFinished(() => queryClient.clear())
  const { router, wrap } = createTestRouter(typeof url === 'string' ? url : url(runtime))

  const user = userEvent.setup()
  const view = render(
    <AppProviders queryClient={queryClient} roles={roles}>
      {wrap(<AppRoutes />)}
    </AppProviders>,
  )
  return { ...view, user, runtime, router, roles, queryClient }
}

/** The id of the only program of the fresh-program scenario, read through the engine. */
export function firstProgramId(runtime: SimRuntime): string {
  const program = runtime.engine.listPrograms()[0]
  if (!program) throw new Error('The scenario has no program.')
  return program.id
}
