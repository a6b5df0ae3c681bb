/** How the client reports a request that got no answer, through the real handlers' transport faults. */
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { createTestBackend } from '../testing/create-test-backend'
import { ApiError, NetworkError, request, setTokenProvider } from './http'

const backend = createTestBackend('fresh-program')
beforeAll(() => {
  backend.server.listen({ onUnhandledRequest: 'error' })
  setTokenProvider(() => 'developer')
})
afterEach(() => backend.api('/__sim/transport-faults', { method: 'DELETE' }))
afterAll(() => backend.server.close())

const fault = (body: unknown) => backend.api('/__sim/transport-faults', { method: 'POST', body: JSON.stringify(body) })

test('no answer is a NetworkError, told apart from a server error', async () => {
  await fault({ path: '/api/programs', kind: 'network', count: 1 })
  await fault({ path: '/api/programs', kind: 'error500', count: 1 })

  const lost = await request('/api/programs').catch((e: unknown) => e)
  expect(lost).toBeInstanceOf(NetworkError)
  expect((lost as NetworkError).message).toBe('GET /api/programs got no answer (network error).')

  const failed = await request('/api/programs').catch((e: unknown) => e)
  expect(failed).toBeInstanceOf(ApiError)
  expect(failed).toMatchObject({ status: 500, detail: expect.stringContaining('simulated transport fault') })

  expect(await request('/api/programs')).toMatchObject({ _embedded: { programs: [{ name: 'Fresh Program' }] } })
})

test('a request its caller aborts is an abort, not a network error', async () => {
  await fault({ path: '/api/programs', kind: 'latency', ms: 1_000, count: 1 })
  const controller = new AbortController()
  const pending = request('/api/programs', { signal: controller.signal }).catch((e: unknown) => e)
  controller.abort()
  const error = await pending
  expect(error).not.toBeInstanceOf(NetworkError)
  expect((error as Error).name).toBe('AbortError')
})
