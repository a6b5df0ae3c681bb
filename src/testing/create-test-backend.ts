/**
 * A simulated backend for tests: the real handlers over msw/node, on a paused clock that
 * only moves when the test says so.
 */
import { setupServer } from 'msw/node'
import type { ScenarioName } from '../engine/scenarios/index'
import { createHandlers } from '../sim/http/create-handlers'
import { SimRuntime } from '../sim/runtime'

export interface TestBackend {
  runtime: SimRuntime
  /** fetch() against the simulated API as a role (`admin` holds them all). */
  api: (path: string, init?: RequestInit & { role?: string }) => Promise<Response>
}

export function createTestBackend(scenario: ScenarioName = 'fresh-program', seed = 1) {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario, seed })
  const server = setupServer(...createHandlers(runtime))
  const api: TestBackend['api'] = (path, init = {}) => {
    const { role = 'admin', headers, ...rest } = init
    const h = new Headers(headers)
    if (role) h.set('Authorization', `Bearer ${role}`)
    if (rest.body !== undefined && !h.has('Content-Type')) h.set('Content-Type', 'application/json')
    return fetch(path, { ...rest, headers: h })
  }
  return { runtime, server, api }
}
