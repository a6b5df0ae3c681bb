/**
 * Environment and pipeline variables: GET (every role) and PATCH (Deployment Manager), spec
 * §H.3 #23–24. A PATCH is refused whole: every problem is listed with its position.
 */
import { http, HttpResponse } from 'msw'
import { z } from 'zod'
import { enforce } from '../../../engine/errors'
import type { VariableUpdate } from '../../../engine/variables'
import type { SimRuntime } from '../../runtime'
import { parseBody } from '../bodies'
import { environmentVariableList, pipelineVariableList } from '../representations/variables'
import { apiRoute, readJson } from '../route'

type E = { programId: string; environmentId: string }
type PL = { programId: string; pipelineId: string }

/**
 * Only the JSON types are checked here; names, values, types, services and limits are domain
 * rules, reported by the engine all together. Unknown keys (e.g. `status` from a GET) are dropped.
 * A `null` value deletes, like an empty one.
 */
const variablesPatchBody = z
  .array(
    z.object({
      name: z.string().max(10_000),
      value: z.string().max(1_000_000).nullable(),
      type: z.string().max(100).optional(),
      service: z.string().max(100).optional(),
    }),
  )
  .max(1000)

function updatesOf(body: z.infer<typeof variablesPatchBody>): VariableUpdate[] {
  return body.map(({ name, value, type, service }) => ({
    name,
    value: value ?? '',
    ...(type !== undefined ? { type: type as VariableUpdate['type'] } : {}),
    ...(service !== undefined ? { service } : {}),
  }))
}

export function variableHandlers(runtime: SimRuntime) {
  return [
    http.get<E>(
      '/api/program/:programId/environment/:environmentId/variables',
      apiRoute<E>(runtime, 'getEnvironmentVariables', ({ engine, actor, params }) => {
        const env = engine.environment(params.programId, params.environmentId)
        const edit = engine.canEditEnvironmentVariables(actor, params.programId, env.id)
        return HttpResponse.json(environmentVariableList(params.programId, env.id, env.variables, edit))
      }),
    ),
    http.patch<E>(
      '/api/program/:programId/environment/:environmentId/variables',
      apiRoute<E>(runtime, 'patchEnvironmentVariables.arg2', async ({ engine, actor, params, request }) => {
        // Role, readiness and lock come before the body, so a caller who may not edit is told that.
        enforce(engine.canEditEnvironmentVariables(actor, params.programId, params.environmentId))
        const read = await readJson(request)
        if (!read.ok) return read.response
        const updates = updatesOf(parseBody(variablesPatchBody, read.body))
        engine.patchEnvironmentVariables(actor, params.programId, params.environmentId, updates)
        return new HttpResponse(null, { status: 204 })
      }),
    ),
    http.get<PL>(
      '/api/program/:programId/pipeline/:pipelineId/variables',
      apiRoute<PL>(runtime, 'getPipelineVariables', ({ engine, actor, params }) => {
        const pipeline = engine.pipeline(params.programId, params.pipelineId)
        const edit = engine.canEditPipelineVariables(actor, params.programId, pipeline.id)
        return HttpResponse.json(pipelineVariableList(params.programId, pipeline.id, pipeline.variables, edit))
      }),
    ),
    http.patch<PL>(
      '/api/program/:programId/pipeline/:pipelineId/variables',
      apiRoute<PL>(runtime, 'patchPipelineVariables.arg2', async ({ engine, actor, params, request }) => {
        enforce(engine.canEditPipelineVariables(actor, params.programId, params.pipelineId))
        const read = await readJson(request)
        if (!read.ok) return read.response
        const updates = updatesOf(parseBody(variablesPatchBody, read.body))
        engine.patchPipelineVariables(actor, params.programId, params.pipelineId, updates)
        return new HttpResponse(null, { status: 204 })
      }),
    ),
  ]
}
