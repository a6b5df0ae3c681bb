/**
 * Environment and pipeline variables: GET (every role) and PATCH (Deployment Manager), spec
 * §H.3 #23–24. A PATCH is refused whole: every problem is listed with its position.
 */
import { http, HttpResponse } from 'msw'
import type { VariableList } from '../../../contract/resources'
import type { Engine } from '../../../engine/engine'
import { enforce, type Verdict } from '../../../engine/errors'
import type { Actor, Variable } from '../../../engine/model'
import type { VariableUpdate } from '../../../engine/variables'
import type { SimRuntime } from '../../runtime'
import { parseBody, type RequestBody } from '../bodies'
import { environmentVariableList, pipelineVariableList } from '../representations/variables'
import { apiRoute, readJson } from '../route'

/** A `null` value deletes, like an empty one. */
function updatesOf(body: RequestBody<'variablesPatchBody'>): VariableUpdate[] {
  return body.map(({ name, value, type, service }) => ({
    name,
    value: value ?? '',
    ...(type !== undefined ? { type: type as VariableUpdate['type'] } : {}),
    ...(service !== undefined ? { service } : {}),
  }))
}

/** What tells an environment's variables from a pipeline's: where they are, and which engine calls serve them. */
interface VariableHolder {
  /** In the operation names: `get${kind}Variables`, `patch${kind}Variables`. */
  kind: 'Environment' | 'Pipeline'
  path: string
  /** The path parameter naming the holder. */
  idParam: 'environmentId' | 'pipelineId'
  find: (engine: Engine, programId: string, id: string) => { id: string; variables: readonly Variable[] }
  canEdit: (engine: Engine, actor: Actor, programId: string, id: string) => Verdict
  patch: (engine: Engine, actor: Actor, programId: string, id: string, updates: VariableUpdate[]) => void
  represent: (programId: string, id: string, variables: readonly Variable[], edit: Verdict) => VariableList
}

const ENVIRONMENT: VariableHolder = {
  kind: 'Environment',
  path: '/api/program/:programId/environment/:environmentId/variables',
  idParam: 'environmentId',
  find: (engine, programId, id) => engine.environment(programId, id),
  canEdit: (engine, actor, programId, id) => engine.canEditEnvironmentVariables(actor, programId, id),
  patch: (engine, actor, programId, id, updates) => engine.patchEnvironmentVariables(actor, programId, id, updates),
  represent: environmentVariableList,
}

const PIPELINE: VariableHolder = {
  kind: 'Pipeline',
  path: '/api/program/:programId/pipeline/:pipelineId/variables',
  idParam: 'pipelineId',
  find: (engine, programId, id) => engine.pipeline(programId, id),
  canEdit: (engine, actor, programId, id) => engine.canEditPipelineVariables(actor, programId, id),
  patch: (engine, actor, programId, id, updates) => engine.patchPipelineVariables(actor, programId, id, updates),
  represent: pipelineVariableList,
}

type Params = { programId: string } & Partial<Record<VariableHolder['idParam'], string>>

function holderHandlers(runtime: SimRuntime, holder: VariableHolder) {
  const idOf = (params: Params) => params[holder.idParam] as string
  return [
    http.get<Params>(
      holder.path,
      apiRoute<Params>(runtime, `get${holder.kind}Variables`, ({ engine, actor, params }) => {
        const { id, variables } = holder.find(engine, params.programId, idOf(params))
        const edit = holder.canEdit(engine, actor, params.programId, id)
        return HttpResponse.json(holder.represent(params.programId, id, variables, edit))
      }),
    ),
    http.patch<Params>(
      holder.path,
      apiRoute<Params>(runtime, `patch${holder.kind}Variables.arg2`, async ({ engine, actor, params, request }) => {
        // Role, readiness and lock come before the body, so a caller who may not edit is told that.
        enforce(holder.canEdit(engine, actor, params.programId, idOf(params)))
        const read = await readJson(request)
        if (!read.ok) return read.response
        const updates = updatesOf(await parseBody('variablesPatchBody', read.body))
        holder.patch(engine, actor, params.programId, idOf(params), updates)
        return new HttpResponse(null, { status: 204 })
      }),
    ),
  ]
}

export function variableHandlers(runtime: SimRuntime) {
  return [...holderHandlers(runtime, ENVIRONMENT), ...holderHandlers(runtime, PIPELINE)]
}
