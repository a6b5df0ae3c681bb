/**
 * Simulator controls for executions: inject faults (`/__sim/faults`) and simulate a Git push
 * (`/__sim/git/push`), which starts the ON_COMMIT pipelines watching the branch.
 */
import { http, HttpResponse } from 'msw'
import type { Fault as FaultWire, GitPushResult } from '../../../contract/executions'
import { addFault, clearFaults, listFaults } from '../../../engine/faults'
import type { Fault } from '../../../engine/model'
import { gitPush } from '../../../engine/triggers'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { readJson, simRoute } from '../route'

function fault(f: Fault): FaultWire {
  return {
    id: f.id,
    pipelineId: f.pipelineId,
    action: f.action,
    ...(f.environmentType ? { environmentType: f.environmentType } : {}),
    status: f.status,
    ...(f.metric ? { metric: f.metric } : {}),
    remaining: f.remaining,
  }
}

export function simFaultHandlers(runtime: SimRuntime) {
  return [
    http.get(
      '/__sim/faults',
      simRoute(runtime, ({ runtime: rt }) => HttpResponse.json({ faults: listFaults(rt.engine.ctx).map(fault) })),
    ),
    http.post(
      '/__sim/faults',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        const body = await parseBody('stepFaultBody', read.body)
        rt.sync()
        const created = rt.engine.mutate(() => addFault(rt.engine.ctx, body))
        return HttpResponse.json(fault(created), { status: 201 })
      }),
    ),
    http.delete(
      '/__sim/faults',
      simRoute(runtime, ({ runtime: rt }) => {
        rt.engine.mutate(() => clearFaults(rt.engine.ctx))
        return new HttpResponse(null, { status: 204 })
      }),
    ),
    http.post(
      '/__sim/git/push',
      simRoute(runtime, async ({ request, runtime: rt }) => {
        const read = await readJson(request)
        if (!read.ok) return read.response
        const body = await parseBody('gitPushBody', read.body)
        rt.sync()
        const result: GitPushResult = rt.engine.mutate(() => gitPush(rt.engine.ctx, body.repositoryId, body.branch))
        return HttpResponse.json(result, { status: 201 })
      }),
    ),
  ]
}
