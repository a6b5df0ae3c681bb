/**
 * The messages between a tab and the shared backend (engine-worker.ts): HTTP requests and
 * responses as structured-clone-able records, over the SharedWorker's MessagePort. Bodies are
 * ArrayBuffers, transferred rather than copied. An event stream (`text/event-stream`, e.g.
 * `GET /__sim/events`) is answered head first and then chunk by chunk until it ends or the tab
 * cancels it.
 */

/** Bumped when the messages change; a tab and a worker of different builds refuse each other. */
export const PROTOCOL_VERSION = 1

/** The name that makes every tab of an origin share one worker (with the script URL). */
export const SHARED_WORKER_NAME = 'pipeline-console-engine'

export interface WireRequest {
  method: string
  url: string
  headers: [string, string][]
  body?: ArrayBuffer
}

export interface WireResponse {
  status: number
  statusText: string
  headers: [string, string][]
  body?: ArrayBuffer
  /** The body follows as `chunk` messages and an `end`. */
  stream?: boolean
  /** A network error (`Response.error()`): the tab's fetch rejects. */
  networkError?: boolean
}

export type TabMessage =
  /** `relay`: the tab's service worker forwarding its requests, not a tab (tabs are counted). */
  | { type: 'hello'; protocol: number; relay?: boolean }
  /** The message carries a port (`event.ports[0]`) for another party to talk to the host through. */
  | { type: 'attach' }
  | { type: 'request'; id: number; request: WireRequest }
  /** The tab no longer reads this stream. */
  | { type: 'cancel'; id: number }
  /** The tab is going away: end its streams and save. */
  | { type: 'bye' }

export type HostMessage =
  /** The worker runs and heard the hello; `ready` follows once the backend has started. */
  | { type: 'welcome' }
  | { type: 'ready'; protocol: number }
  | { type: 'refused'; reason: string }
  | { type: 'response'; id: number; response: WireResponse }
  | { type: 'chunk'; id: number; chunk: ArrayBuffer }
  | { type: 'end'; id: number }
  /** The host failed to answer (a bug, not a problem+json answer). */
  | { type: 'failed'; id: number; message: string }

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304])

export const isEventStream = (headers: Headers): boolean =>
  (headers.get('Content-Type') ?? '').toLowerCase().startsWith('text/event-stream')

const entries = (headers: Headers): [string, string][] => {
  const out: [string, string][] = []
  headers.forEach((value, name) => out.push([name, value]))
  return out
}

export async function requestToWire(request: Request): Promise<{ wire: WireRequest; transfer: Transferable[] }> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null
  const body = hasBody ? await request.arrayBuffer() : undefined
  return {
    wire: { method: request.method, url: request.url, headers: entries(request.headers), ...(body ? { body } : {}) },
    transfer: body ? [body] : [],
  }
}

export function requestFromWire(wire: WireRequest, signal?: AbortSignal): Request {
  return new Request(wire.url, {
    method: wire.method,
    headers: wire.headers,
    ...(wire.body && wire.body.byteLength > 0 ? { body: wire.body } : {}),
    ...(signal ? { signal } : {}),
  })
}

/** The head of a response, and its whole body unless it is an event stream. */
export async function responseToWire(response: Response): Promise<{ wire: WireResponse; transfer: Transferable[] }> {
  if (response.type === 'error') return { wire: { status: 0, statusText: '', headers: [], networkError: true }, transfer: [] }
  const head = { status: response.status, statusText: response.statusText, headers: entries(response.headers) }
  if (response.body && isEventStream(response.headers)) return { wire: { ...head, stream: true }, transfer: [] }
  const body = response.body ? await response.arrayBuffer() : undefined
  return { wire: { ...head, ...(body && body.byteLength > 0 ? { body } : {}) }, transfer: body ? [body] : [] }
}

/** A Response for a wire head; `body` is the stream for an event stream. */
export function responseFromWire(wire: WireResponse, body?: ReadableStream<Uint8Array>): Response {
  if (wire.networkError) return Response.error()
  const init = { status: wire.status, statusText: wire.statusText, headers: wire.headers }
  if (NULL_BODY_STATUS.has(wire.status)) return new Response(null, init)
  return new Response(body ?? wire.body ?? null, init)
}
