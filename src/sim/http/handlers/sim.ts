/**
 * The simulator's control API under /__sim: clock, scenarios, reset.
 */
import { http, HttpResponse } from 'msw'
import type { SimClock, SimScenarioList } from '../../../contract/resources'
import { DEFAULT_SEED } from '../../../engine/engine'
import { isScenarioName, SCENARIOS } from '../../../engine/scenarios/index'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { badRequest } from '../problem'
import { readJson, simRoute } from '../route'

export function clockOf(runtime: SimRuntime): SimClock {
  return { now: new Date(runtime.engine.now).toISOString(), ...runtime.clock }
}

export function simHandlers(runtime: SimRuntime) {
  return [
    http.get(
      '/__sim/clock',
      simRoute(runtime, ({ runtime: rt }) => {
        rt.sync()
        return HttpResponse.json(clockOf(rt))
      }),
    ),
    http.post(
      '/__sim/clock/advance',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        rt.advance((await parseBody('clockAdvanceBody', read.body)).ms)
        return HttpResponse.json(clockOf(rt))
      }),
    ),
    http.put(
      '/__sim/clock',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        rt.setClock(await parseBody('clockBody', read.body))
        return HttpResponse.json(clockOf(rt))
      }),
    ),
    http.get(
      '/__sim/scenarios',
      simRoute(runtime, ({ runtime: rt }) => {
        const list: SimScenarioList = {
          current: rt.engine.state.scenario,
          scenarios: Object.entries(SCENARIOS).map(([name, s]) => ({ name, description: s.description })),
        }
        return HttpResponse.json(list)
      }),
    ),
    http.post(
      '/__sim/reset',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        const body = await parseBody('resetBody', read.body)
        if (!isScenarioName(body.scenario)) {
          return badRequest(`Unknown scenario "${body.scenario}". Known scenarios: ${Object.keys(SCENARIOS).join(', ')}.`)
        }
        rt.reset(body.scenario, body.seed ?? DEFAULT_SEED)
        return HttpResponse.json({ scenario: body.scenario, seed: body.seed ?? DEFAULT_SEED, clock: clockOf(rt) })
      }),
    ),
  ]
}
