import { isApiError } from '../../api/http'
import { retryableFailureMessage } from '../../components/failure-message'

/**
 * One readable sentence for a failed request: a network or server failure says to try again, a
 * 403 says plainly that the role may not do it.
 */
export function problemMessage(error: unknown): string {
  const retryable = retryableFailureMessage(error)
  if (retryable) return retryable
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error)
  const parts = [error.detail, ...error.messages].filter((m): m is string => Boolean(m))
  const detail = [...new Set(parts)].join(' ')
  if (error.status === 403) return `Your role is not allowed to do this. ${detail || error.title}`.trim()
  return detail || error.title
}
