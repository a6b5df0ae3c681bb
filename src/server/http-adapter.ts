/**
 * Serves MSW request handlers over real HTTP with node:http, so any client (a browser, the
 * official Cloud Manager SDK, curl, Postman) can call the simulated API. The handlers are the
 * same ones the browser runs; this file only converts between node:http and fetch's
 * Request/Response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { getResponse, type RequestHandler } from 'msw'
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPES } from '../contract/problem'
import { handlerIndex } from '../sim/http/handler-index'

/** Request bodies larger than this are refused with 413 before the handlers see them. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024

export const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, x-api-key, x-gw-ims-org-id, X-Console-Key',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Location, x-request-id',
}

/** Answers with an `application/problem+json` body (used where no handler is involved). */
export function sendProblem(
  res: ServerResponse,
  status: number,
  type: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(status, { ...CORS, ...headers, 'Content-Type': PROBLEM_CONTENT_TYPE })
  res.end(JSON.stringify({ type, title, status, detail, errors: [detail] }))
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new BodyTooLarge()
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function toRequest(req: IncomingMessage, origin: string, body: Buffer | undefined, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    signal,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
  })
}

/** Writes a chunk, waiting while the client's socket buffer is full. */
function write(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  if (res.write(chunk)) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

async function send(res: ServerResponse, response: Response, requestId: string): Promise<void> {
  // `HttpResponse.error()` (a simulated network fault, POST /__sim/transport-faults): drop the connection.
  if (response.type === 'error') {
    res.destroy()
    return
  }
  const headers: Record<string, string> = { ...CORS, 'x-request-id': requestId }
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  if (!response.body) {
    res.writeHead(response.status, headers).end()
    return
  }
  if (!response.headers.get('Content-Type')?.startsWith('text/event-stream')) {
    // A whole answer: one write with its length, rather than a chunked stream read piece by piece.
    const body = Buffer.from(await response.arrayBuffer())
    if (!res.destroyed) res.writeHead(response.status, { ...headers, 'content-length': String(body.length) }).end(body)
    return
  }
  res.writeHead(response.status, headers)
  // Streamed chunk by chunk, so event streams (/__sim/events) reach the client as they happen.
  // A slow reader is waited for (not buffered without limit), so the event stream's own backlog
  // limit notices a client that stopped reading; a client that goes away cancels the stream,
  // which unsubscribes it from the engine and touches nothing else.
  const reader = response.body.getReader()
  res.on('close', () => void reader.cancel().catch(() => {}))
  for (;;) {
    const { done, value } = await reader.read()
    if (done || res.destroyed) break
    await write(res, value)
  }
  if (!res.destroyed) res.end()
}

/**
 * The origin the handlers see (absolute links, such as a log download's redirect, are built on
 * it). msw reads `:name` in a base URL as a path parameter, so an IPv6 literal host
 * (`[::1]:4173`) is given as `localhost` with the same port.
 */
function originOf(host: string | undefined): string {
  if (!host) return 'http://127.0.0.1'
  if (host.startsWith('[')) {
    const port = /\]:(\d+)$/.exec(host)?.[1]
    return `http://localhost${port ? `:${port}` : ''}`
  }
  return `http://${host}`
}

export interface HandlerListenerOptions {
  /** Largest request body accepted; MAX_BODY_BYTES unless given. */
  maxBodyBytes?: number
}

/** A node:http request listener that answers with the handlers (404 problem+json when none does). */
export function handlerListener(
  handlers: readonly RequestHandler[],
  { maxBodyBytes = MAX_BODY_BYTES }: HandlerListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let requests = 0
  const candidates = handlerIndex(handlers)
  return async (req, res) => {
    const requestId = `sim-${++requests}`
    const origin = originOf(req.headers.host)
    // A client that goes away aborts its request, which ends an event stream's subscription.
    const aborted = new AbortController()
    res.on('close', () => aborted.abort())
    // Writing to a socket the client closed is not an error worth crashing for.
    res.on('error', () => {})
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS).end()
        return
      }
      let body: Buffer | undefined
      try {
        body = await readBody(req, maxBodyBytes)
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error
        // The rest of the body is not read: the connection closes after the answer.
        sendProblem(
          res,
          413,
          PROBLEM_TYPES.badRequest,
          'Payload Too Large',
          `The request body is larger than ${maxBodyBytes} bytes.`,
          { Connection: 'close' },
        )
        return
      }
      const request = toRequest(req, origin, body, aborted.signal)
      const response = await getResponse(candidates(request), request, { baseUrl: origin })
      if (!response) {
        sendProblem(res, 404, PROBLEM_TYPES.notFound, 'Not Found', `Nothing answers ${req.method} ${req.url}.`)
        return
      }
      await send(res, response, requestId)
    } catch (error) {
      if (aborted.signal.aborted) return
      console.error(error)
      sendProblem(res, 500, PROBLEM_TYPES.serverError, 'Internal Server Error', 'The simulator failed to answer.')
    }
  }
}
