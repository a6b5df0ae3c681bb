/**
 * Environment changes: add (spec §H.3 #21), delete (#22) and the simulator's request for an
 * additional staging environment (#28). The reading endpoints live in programs.ts.
 */
import { http, HttpResponse } from 'msw'
import { enforce } from '../../../engine/errors'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { environment } from '../representations/environments'
import { paths } from '../representations/links'
import { apiRoute, readJson } from '../route'

type P = { programId: string }
type E = P & { environmentId: string }

export function environmentHandlers(runtime: SimRuntime) {
  return [
    http.post<P>(
      '/api/program/:programId/environments',
      apiRoute<P>(runtime, 'createEnvironment', async ({ engine, actor, params, request }) => {
        enforce(engine.canCreateEnvironment(actor, params.programId))
        const read = await readJson(request)
        if (!read.ok) return read.response
        const body = await parseBody('newEnvironmentBody', read.body)
        const created = engine.createEnvironment(actor, params.programId, body)
        return HttpResponse.json(environment(engine, actor, created), {
          status: 201,
          headers: { Location: paths.environment(params.programId, created.id) },
        })
      }),
    ),
    http.post<P>(
      '/api/program/:programId/environments/additionalStageRequests',
      apiRoute<P>(runtime, 'requestAdditionalStage', async ({ engine, actor, params, request }) => {
        // Role and program state come before the body: a caller who may not ask is told that.
        enforce(engine.canRequestAdditionalStage(actor, params.programId))
        const read = await readJson(request)
        if (!read.ok) return read.response
        const { type: _type, ...input } = await parseBody('additionalStageBody', read.body)
        const created = engine.requestAdditionalStage(actor, params.programId, input)
        return HttpResponse.json(environment(engine, actor, created), {
          status: 202,
          headers: { Location: paths.environment(params.programId, created.id) },
        })
      }),
    ),
    http.delete<E>(
      '/api/program/:programId/environment/:environmentId',
      apiRoute<E>(runtime, 'deleteEnvironment', ({ engine, actor, params }) => {
        engine.deleteEnvironment(actor, params.programId, params.environmentId)
        return new HttpResponse(null, { status: 204 })
      }),
    ),
  ]
}
