/**
 * The one fetch wrapper of the client: it authenticates, asks for HAL, and turns
 * `application/problem+json` answers into a typed `ApiError`. It has no UI side effects;
 * the app shell decides how errors surface.
 */
import type { Problem } from '../contract/problem'

export type TokenProvider = () => string | undefined

// Client configuration, not backend state: the app shell points it at the current role.
let tokenProvider: TokenProvider = () => undefined

export function setTokenProvider(provider: TokenProvider): void {
  tokenProvider = provider
}

export class ApiError extends Error {
  readonly status: number
  readonly type: string
  readonly title: string
  readonly detail: string | undefined
  /** Messages by field path, with the operation prefix removed (`name`, `stageTesting.experienceAuditPaths[0]`). */
  readonly fieldErrors: Readonly<Record<string, string>>
  /** Messages that belong to no field. */
  readonly messages: readonly string[]
  /** Simulator facts, e.g. the id of the pipeline that blocks an action. */
  readonly facts: Readonly<Record<string, string>>

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.type = problem.type ?? 'about:blank'
    this.title = problem.title ?? `HTTP ${status}`
    this.detail = problem.detail
    const { fields, messages } = splitErrors(problem.errors)
    this.fieldErrors = fields
    this.messages = messages
    this.facts = problem['x-sim'] ?? {}
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError

/**
 * No answer at all: the request failed on the way (connection lost, server unreachable). Told
 * apart from an `ApiError` because the server may or may not have seen the request.
 */
export class NetworkError extends Error {
  constructor(method: string, href: string, options?: { cause?: unknown }) {
    super(`${method} ${href} got no answer (network error).`, options)
    this.name = 'NetworkError'
  }
}

export const isNetworkError = (error: unknown): error is NetworkError => error instanceof NetworkError

/** `createPipeline.stageTesting.experienceAuditPaths[0]` → `stageTesting.experienceAuditPaths[0]`. */
export function stripOperation(key: string): string {
  const dot = key.indexOf('.')
  return dot === -1 ? key : key.slice(dot + 1)
}

function splitErrors(errors: Problem['errors']): { fields: Record<string, string>; messages: string[] } {
  if (!errors) return { fields: {}, messages: [] }
  if (Array.isArray(errors)) return { fields: {}, messages: errors.map(messageOf) }
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries(errors)) fields[stripOperation(value.field ?? key)] = value.message
  return { fields, messages: [] }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
  /** Another token than the console's current role (a story plays a teammate in another role). */
  token?: string
}

/** Sends a request to an API href and returns the parsed JSON body (undefined when empty). */
export async function request<T>(href: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/hal+json, application/json' }
  const token = options.token ?? tokenProvider()
  if (token) headers.Authorization = `Bearer ${token}`
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const method = options.method ?? 'GET'
  let response: Response
  try {
    response = await fetch(href, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    })
  } catch (error) {
    // An abort is the caller's own doing (a query cancelled), not a failure to report.
    if (options.signal?.aborted) throw error
    throw new NetworkError(method, href, { cause: error })
  }
  const text = await response.text()
  const json: unknown = text.trim() === '' ? undefined : parseJson(text)
  // Any JSON error body is read as a problem (its fields are optional); anything else has only a status.
  if (!response.ok) throw new ApiError(response.status, isObject(json) ? (json as Partial<Problem>) : {})
  return json as T
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Error list entries are strings or `{message}` objects (spec §H.1). */
function messageOf(entry: unknown): string {
  if (typeof entry === 'string') return entry
  const message = isObject(entry) ? entry.message : undefined
  return typeof message === 'string' ? message : JSON.stringify(entry)
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null
