import { afterAll, afterEach, beforeAll } from 'vitest'
import type { ScenarioName } from '../engine/scenarios/index'
import { createTestBackend } from './create-test-backend'

/**
 * A test backend for the tests of one file: listening before the first, closed after the last
 * and, unless `reset` is false, back at the scenario's start after each one, so no test sees
 * what another did.
 */
export function serveTestBackend(scenario: ScenarioName, { reset = true }: { reset?: boolean } = {}) {
  const backend = createTestBackend(scenario)
  beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }))
  if (reset) afterEach(() => backend.runtime.reset(scenario))
  afterAll(() => backend.server.close())
  return backend
}
