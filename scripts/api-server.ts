/**
 * `npm run api`: the simulated Cloud Manager API on http://127.0.0.1:${API_PORT:-8787}, without the
 * console: `pipeline-console serve` with `consoleDir: null` (src/server/serve.ts).
 * Options (environment): SIM_SCENARIO (default demo), SIM_SEED, SIM_SPEED (virtual ms per real
 * ms, default 60), SIM_PAUSED=1 to start with the clock paused.
 */
import { isScenarioName } from '../src/engine/scenarios/index.ts'
import { startServe } from '../src/server/serve.ts'

export async function startApiServer(options: {
  port: number
  scenario?: string
  seed?: number
  speed?: number
  paused?: boolean
}) {
  const scenario = options.scenario ?? 'demo'
  if (!isScenarioName(scenario)) throw new Error(`Unknown scenario "${scenario}".`)
  return startServe({
    consoleDir: null,
    port: options.port,
    scenario,
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
    paused: options.paused ?? false,
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
