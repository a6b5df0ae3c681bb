/**
 * The Request Second Staging Environment form (spec §A.4, seeds/001) as data: the checks the
 * server also makes, mirrored so problems show while typing, and the way back from the
 * server's field errors to the form's fields.
 */
import type { AdditionalStageRequest, Environment } from '../../contract/resources'

/** The simulator's environment name limit (engine `MAX_ENVIRONMENT_NAME`). */
export const MAX_NAME = 64
export const MAX_DESCRIPTION = 1000

export type BaseBranch = AdditionalStageRequest['baseBranch']

export interface RequestForm {
  name: string
  description: string
  baseBranch: BaseBranch | null
}

export type RequestField = 'name' | 'description' | 'baseBranch'
export type RequestErrors = Partial<Record<RequestField, string>>

export const EMPTY_REQUEST: RequestForm = { name: '', description: '', baseBranch: null }

export function validateRequest(form: RequestForm): RequestErrors {
  const errors: RequestErrors = {}
  const name = form.name.trim()
  if (name.length === 0) errors.name = 'Enter a name for the new staging environment.'
  else if (form.name.length > MAX_NAME) errors.name = `Use at most ${MAX_NAME} characters (this name has ${form.name.length}).`
  else if (!/[a-zA-Z]/.test(name)) errors.name = 'The name must contain at least one letter.'
  if (form.description.length > MAX_DESCRIPTION) {
    errors.description = `Use at most ${MAX_DESCRIPTION} characters (this description has ${form.description.length}).`
  }
  if (form.baseBranch === null) errors.baseBranch = 'Choose the branch whose code and database the new environment starts from.'
  return errors
}

export function requestBody(form: RequestForm): AdditionalStageRequest {
  return {
    name: form.name.trim(),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    baseBranch: form.baseBranch ?? 'INTEGRATION',
  }
}

/** The server's field errors on the form's fields; the rest (region, copyFrom…) as general messages. */
export function requestErrorsOf(fieldErrors: Readonly<Record<string, string>>): { fields: RequestErrors; general: string[] } {
  const fields: RequestErrors = {}
  const general: string[] = []
  for (const [path, message] of Object.entries(fieldErrors)) {
    if (path === 'name' || path === 'description' || path === 'baseBranch') fields[path] = message
    else general.push(message)
  }
  return { fields, general }
}

/** The region an additional stage is created in: the one of Stage and Production. */
export function primaryRegion(environments: readonly Environment[], fallback?: string): string | undefined {
  const stage = environments.find((e) => e.type === 'stage' && !e['x-sim']?.isAdditionalStage)
  const prod = environments.find((e) => e.type === 'prod')
  return stage?.region ?? prod?.region ?? fallback
}
