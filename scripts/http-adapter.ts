/**
 * Serves MSW request handlers over real HTTP with node:http, so any client (the official
 * Cloud Manager SDK, curl, Postman) can call the simulated API.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { getResponse, type RequestHandler } from 'msw'

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, x-api-key, x-gw-ims-org-id',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Location, x-request-id',
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function toRequest(req: IncomingMessage, origin: string, body: Buffer | undefined): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers,
    ...(body && body.length > 0 ? { body: new Uint8Array(body) } : {}),
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
  res.writeHead(response.status, headers)
  if (!response.body) {
    res.end()
    return
  }
  // Streamed chunk by chunk, so event streams (/__sim/events) reach the client as they happen.
  const reader = response.body.getReader()
  res.on('close', () => void reader.cancel().catch(() => {}))
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    res.write(value)
  }
  res.end()
}

export function createHttpServer(handlers: RequestHandler[]): Server {
  let requests = 0
  return createServer((req, res) => {
    void handle(handlers, req, res, `sim-${++requests}`)
  })
}

async function handle(handlers: RequestHandler[], req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`
  try {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end()
      return
    }
    const request = toRequest(req, origin, await readBody(req))
    const response = await getResponse(handlers, request, { baseUrl: origin })
    await send(
      res,
      response ??
        Response.json(
          {
            type: 'http://ns.adobe.com/adobecloud/not-found-exception',
            title: 'Not Found',
            status: 404,
            detail: `Nothing answers ${req.method} ${req.url}.`,
          },
          { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      requestId,
    )
  } catch (error) {
    console.error(error)
    res.writeHead(500, { ...CORS, 'Content-Type': 'application/problem+json' })
    res.end(
      JSON.stringify({ type: 'http://ns.adobe.com/adobecloud/server-exception', title: 'Internal Server Error', status: 500 }),
    )
  }
}
