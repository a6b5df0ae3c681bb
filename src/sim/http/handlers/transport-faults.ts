/**
 * (sim) `/__sim/transport-faults`: add (POST), list (GET), remove one (DELETE …/{id}) or all
 * (DELETE) of the adapter's transport faults (see ../transport-faults.ts and the README).
 */
import { http, HttpResponse } from 'msw'
import { DomainError, invalid } from '../../../engine/errors'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { readJson, simRoute } from '../route'
import { transportFaults } from '../transport-faults'

export function transportFaultHandlers(runtime: SimRuntime) {
  const faults = transportFaults(runtime)
  return [
    http.get(
      '/__sim/transport-faults',
      simRoute(runtime, () => HttpResponse.json({ faults: faults.list() })),
    ),
    http.post(
      '/__sim/transport-faults',
      simRoute(runtime, async ({ request }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        const body = await parseBody('transportFaultBody', read.body)
        if (body.kind === 'latency' && body.ms === undefined)
          throw invalid('A latency fault needs "ms".', [{ field: 'ms', message: 'Required for kind latency.' }])
        if (body.kind !== 'latency' && body.ms !== undefined)
          throw invalid('"ms" is only for latency faults.', [{ field: 'ms', message: `Not used by kind ${body.kind}.` }])
        return HttpResponse.json(faults.add(body), { status: 201 })
      }),
    ),
    http.delete(
      '/__sim/transport-faults',
      simRoute(runtime, () => {
        faults.clear()
        return new HttpResponse(null, { status: 204 })
      }),
    ),
    http.delete<{ id: string }>(
      '/__sim/transport-faults/:id',
      simRoute<{ id: string }>(runtime, ({ params }) => {
        if (!faults.remove(params.id)) throw new DomainError('not-found', `No transport fault ${params.id}.`)
        return new HttpResponse(null, { status: 204 })
      }),
    ),
  ]
}
