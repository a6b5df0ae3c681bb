/**
 * Saving and loading the whole simulator state: GET `/__sim/state` exports it as JSON, PUT
 * imports it. An import is checked whole (shape and references) and either replaces the state
 * or is refused with every problem listed, changing nothing.
 */
import { http, HttpResponse } from 'msw'
import type { SimStateSummary } from '../../../contract/resources'
import type { SimRuntime } from '../../runtime'
import { readJson, simRoute } from '../route'

export function summaryOf(runtime: SimRuntime): SimStateSummary {
  const { state } = runtime.engine
  return {
    scenario: state.scenario,
    now: new Date(state.clock.now).toISOString(),
    revision: state.revision,
    counts: {
      programs: state.programs.length,
      environments: state.environments.length,
      repositories: state.repositories.length,
      pipelines: state.pipelines.length,
      executions: state.executions.length,
    },
  }
}

export function simStateHandlers(runtime: SimRuntime) {
  return [
    http.get(
      '/__sim/state',
      simRoute(runtime, ({ runtime: rt }) => {
        rt.sync()
        return new HttpResponse(rt.engine.exportState(), {
          status: 200,
          headers: {
            'Content-Type': 'application/json',
            'Content-Disposition': 'attachment; filename="pipeline-console-state.json"',
          },
        })
      }),
    ),
    http.put(
      '/__sim/state',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        // Throws InvalidStateError (→ 400 listing every problem) before anything is replaced.
        await rt.importState(read.body)
        return HttpResponse.json(summaryOf(rt))
      }),
    ),
  ]
}
