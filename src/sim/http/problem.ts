/**
 * Domain errors become `application/problem+json` here, and only here.
 */
import { HttpResponse } from 'msw'
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES, type Problem, type ProblemFieldError } from '../../contract/problem'
import { DomainError, type DomainErrorKind } from '../../engine/errors'
import { InvalidStateError } from '../../engine/saved-state'

const STATUS: Record<DomainErrorKind, { status: number; type: string; title: string }> = {
  'not-found': { status: 404, type: PROBLEM_TYPES.notFound, title: 'Not Found' },
  invalid: { status: 400, type: PROBLEM_TYPES.validation, title: 'Constraint Violations' },
  forbidden: { status: 403, type: PROBLEM_TYPES.forbidden, title: 'Forbidden' },
  conflict: { status: 409, type: PROBLEM_TYPES.conflict, title: 'Conflict' },
  'precondition-failed': { status: 412, type: PROBLEM_TYPES.preconditionFailed, title: 'Precondition Failed' },
  'not-allowed': { status: 405, type: PROBLEM_TYPES.methodNotAllowed, title: 'Method Not Allowed' },
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(problem, {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...headers },
  })
}

export function problem(status: number, type: string, title: string, detail: string, errors?: string[]): Response {
  return problemResponse({ type, title, status, detail, ...(errors ? { errors } : {}) })
}

export const badRequest = (detail: string, errors?: string[]) =>
  problem(400, PROBLEM_TYPES.badRequest, 'Bad Request', detail, errors ?? [detail])

export const unauthorized = (detail: string) =>
  problemResponse(
    { type: PROBLEM_TYPES.unauthorized, title: 'Unauthorized', status: 401, detail, errors: [detail] },
    {
      'WWW-Authenticate': 'Bearer realm="cloudmanager"',
    },
  )

export function fieldErrors(operation: string, errors: DomainError['fieldErrors']): Record<string, ProblemFieldError> {
  const out: Record<string, ProblemFieldError> = {}
  for (const e of errors) {
    // An array body's paths start with the index: `patchPipelineVariables.arg2[0].name`.
    const key = e.field.startsWith('[') ? `${operation}${e.field}` : `${operation}.${e.field}`
    out[key] = { field: key, code: 'VALIDATION_ERROR_CODE', message: e.message, invalidValue: e.invalidValue }
  }
  return out
}

/** Maps anything a resolver throws to a problem; unknown errors are a 500 with no detail leaked. */
export function toProblem(error: unknown, operation: string): Response {
  if (error instanceof DomainError) {
    const s = STATUS[error.kind]
    const facts = Object.keys(error.facts).length > 0 ? { 'x-sim': { ...error.facts } } : {}
    if (error.fieldErrors.length > 0) {
      return problemResponse({ ...s, detail: error.message, errors: fieldErrors(operation, error.fieldErrors), ...facts })
    }
    return problemResponse({ ...s, detail: error.message, errors: [error.message], ...facts })
  }
  if (error instanceof InvalidStateError) {
    return problemResponse({
      type: PROBLEM_TYPES.validation,
      title: 'Invalid simulator state',
      status: 400,
      detail: error.message,
      errors: [...error.problems],
    })
  }
  if (error instanceof SyntaxError) return badRequest(`The request body is not valid JSON: ${error.message}`)
  console.error(error)
  return problem(500, PROBLEM_TYPES.serverError, 'Internal Server Error', 'The simulator failed to handle this request.')
}
