import type { Blocked, Variable, VariableList } from '../../../contract/resources'
import { REL, REL_BASE } from '../../../contract/rels'
import type { Verdict } from '../../../engine/errors'
import type { Variable as VariableModel } from '../../../engine/model'
import { links, paths } from './links'

/** The environment holding a variable list (not in `REL`: only variable lists link to it). */
export const REL_ENVIRONMENT = `${REL_BASE}environment`

/** A stored variable on the wire: a secret has no value, ever. */
export function variable(v: VariableModel): Variable {
  return {
    name: v.name,
    ...(v.type === 'string' && v.value !== undefined ? { value: v.value } : {}),
    type: v.type,
    ...(v.service !== undefined ? { service: v.service } : {}),
    status: v.status,
  }
}

function blockedBy(verdict: Verdict): { blocked?: Blocked } {
  return verdict.ok ? {} : { blocked: { code: verdict.error.kind, reason: verdict.error.message } }
}

export function environmentVariableList(
  programId: string,
  environmentId: string,
  variables: readonly VariableModel[],
  edit: Verdict,
): VariableList {
  return {
    _totalNumberOfItems: variables.length,
    _embedded: { variables: variables.map(variable) },
    'x-sim': blockedBy(edit),
    _links: links([
      ['self', paths.environmentVariables(programId, environmentId)],
      [REL.program, paths.program(programId)],
      [REL_ENVIRONMENT, paths.environment(programId, environmentId)],
    ]),
  }
}

export function pipelineVariableList(
  programId: string,
  pipelineId: string,
  variables: readonly VariableModel[],
  edit: Verdict,
): VariableList {
  return {
    _totalNumberOfItems: variables.length,
    _embedded: { variables: variables.map(variable) },
    'x-sim': blockedBy(edit),
    _links: links([
      ['self', paths.pipelineVariables(programId, pipelineId)],
      [REL.program, paths.program(programId)],
      [REL.pipeline, paths.pipeline(programId, pipelineId)],
    ]),
  }
}
