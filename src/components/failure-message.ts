/**
 * Words for a failed request, read by shape since shared components do not know the API client:
 * no answer at all (a `NetworkError`) or a server failure (5xx) are worth trying again as they
 * are, unlike a refusal, which the caller words itself.
 */
export type FailureKind = 'network' | 'server' | 'other'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

export function failureKind(error: unknown): FailureKind {
  if (!isObject(error)) return 'other'
  if (error.name === 'NetworkError') return 'network'
  if (typeof error.status === 'number' && error.status >= 500) return 'server'
  return 'other'
}

/** One sentence for a network or server failure, ending with what to do; undefined for anything else. */
export function retryableFailureMessage(error: unknown): string | undefined {
  if (!isObject(error)) return undefined
  switch (failureKind(error)) {
    case 'network':
      return 'Network error: no answer came from the server. Check the connection, then try again.'
    case 'server': {
      const detail = typeof error.detail === 'string' && error.detail ? error.detail : 'The server could not complete the request'
      return `Server error (HTTP ${String(error.status)}): ${/[.!?]$/.test(detail) ? detail : `${detail}.`} Try again.`
    }
    default:
      return undefined
  }
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []

/**
 * One readable sentence for any failed request: a network or server failure says to try again,
 * a 403 says plainly that the role may not do it, anything else gives the server's reasons
 * (problem+json `detail`, `errors` and field errors).
 */
export function problemMessage(error: unknown): string {
  const retryable = retryableFailureMessage(error)
  if (retryable) return retryable
  if (!isObject(error) || typeof error.status !== 'number') return error instanceof Error ? error.message : String(error)
  const byField = isObject(error.fieldErrors) ? strings(Object.values(error.fieldErrors)) : []
  const detail = [...new Set([...strings([error.detail]), ...strings(error.messages), ...byField])].join(' ')
  const title = typeof error.title === 'string' ? error.title : `HTTP ${error.status}`
  if (error.status === 403) return `Your role is not allowed to do this. ${detail || title}`.trim()
  return detail || title
}
