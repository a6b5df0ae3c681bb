// @vitest-environment node
/**
 * The API fuzz suite (src/testing/api-fuzz.ts) against `pipeline-console serve` over real HTTP:
 * bad input behaves exactly as in the browser, through node:http and the adapter.
 */
import { afterAll, vi } from 'vitest'
import { fuzzApi } from '../testing/api-fuzz'
import { startServe } from './serve'

// Each request crosses a real socket: some tests send thousands.
vi.setConfig({ testTimeout: 120_000 })
const server = await startServe({ port: 0, consoleDir: null, scenario: 'split-pipelines', seed: 1, paused: true })
afterAll(() => server.close())
fuzzApi({ runtime: server.runtime, base: server.url })
