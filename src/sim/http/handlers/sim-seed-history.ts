/**
 * (sim) `POST /__sim/seed-history {"programId", "count"}`: gives a program `count` finished
 * executions before its oldest one (spread over its pipelines), for benchmarks and demos of a
 * long Activity history. 201 `{"programId", "seeded"}`; 412 when the program has no pipelines.
 */
import { http, HttpResponse } from 'msw'
import { seedHistory } from '../../../engine/executions'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { readJson, simRoute } from '../route'

export function simSeedHistoryHandlers(runtime: SimRuntime) {
  return [
    http.post(
      '/__sim/seed-history',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        const body = await parseBody('seedHistoryBody', read.body)
        rt.sync()
        const seeded = rt.engine.mutate(() => seedHistory(rt.engine.ctx, body.programId, body.count))
        return HttpResponse.json({ programId: body.programId, seeded: seeded.length }, { status: 201 })
      }),
    ),
  ]
}
