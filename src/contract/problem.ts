/** `application/problem+json` bodies, in the shapes the Cloud Manager API returns. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export const PROBLEM_TYPES = {
  validation: 'http://ns.adobe.com/adobecloud/validation-exception',
  notFound: 'http://ns.adobe.com/adobecloud/not-found-exception',
  unauthorized: 'http://ns.adobe.com/adobecloud/unauthorized-exception',
  forbidden: 'http://ns.adobe.com/adobecloud/forbidden-exception',
  conflict: 'http://ns.adobe.com/adobecloud/conflict-exception',
  preconditionFailed: 'http://ns.adobe.com/adobecloud/precondition-failed-exception',
  methodNotAllowed: 'http://ns.adobe.com/adobecloud/method-not-allowed-exception',
  badRequest: 'http://ns.adobe.com/adobecloud/bad-request-exception',
  serverError: 'http://ns.adobe.com/adobecloud/server-exception',
} as const

export interface ProblemFieldError {
  field: string
  code: string
  message: string
  invalidValue?: unknown
}

export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  /** A field map for validation problems, a list of messages otherwise. */
  errors?: Record<string, ProblemFieldError> | string[]
  /** Simulator extension: ids a client may act on (e.g. the pipeline blocking a start). */
  'x-sim'?: Record<string, string>
}
