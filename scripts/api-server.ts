/**
 * `npm run api`: the simulated Cloud Manager API on http://127.0.0.1:${API_PORT:-8787}.
 * Options (environment): SIM_SCENARIO (default demo), SIM_SEED, SIM_SPEED (virtual ms per real
 * ms, default 60), SIM_PAUSED=1 to start with the clock paused.
 */
import { performance } from 'node:perf_hooks'
import { DEFAULT_SEED } from '../src/engine/engine.ts'
import { isScenarioName } from '../src/engine/scenarios/index.ts'
import { createHandlers } from '../src/sim/http/create-handlers.ts'
import { DEMO_SPEED, SimRuntime } from '../src/sim/runtime.ts'
import { createHttpServer } from './http-adapter.ts'

export function startApiServer(options: { port: number; scenario?: string; seed?: number; speed?: number; paused?: boolean }) {
  const scenario = options.scenario ?? 'demo'
  if (!isScenarioName(scenario)) throw new Error(`Unknown scenario "${scenario}".`)
  const runtime = new SimRuntime({
    realNow: () => performance.now(),
    scenario,
    seed: options.seed ?? DEFAULT_SEED,
    speed: options.speed ?? DEMO_SPEED,
    paused: options.paused ?? false,
  })
  const server = createHttpServer(createHandlers(runtime))
  return new Promise<{ runtime: SimRuntime; server: typeof server; url: string }>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : options.port
      resolve({ runtime, server, url: `http://127.0.0.1:${port}` })
    })
  })
}

const isMain = import.meta.url === `file://${process.argv[1]}`
if (isMain) {
  const env = process.env
  const { url } = await startApiServer({
    port: Number(env.API_PORT ?? 8787),
    scenario: env.SIM_SCENARIO,
    seed: env.SIM_SEED ? Number(env.SIM_SEED) : undefined,
    speed: env.SIM_SPEED ? Number(env.SIM_SPEED) : undefined,
    paused: env.SIM_PAUSED === '1',
  })
  console.log(`Simulated Cloud Manager API listening on ${url} (try: curl -H 'Authorization: Bearer admin' ${url}/api/programs)`)
}
