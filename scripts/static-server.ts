/**
 * A small static file server with gzip and a single-page-app fallback, so benchmarks measure
 * what a real deployment would transfer.
 */
import { readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
}

/** Called for each response with the path asked for and the bytes put on the wire. */
export type SendListener = (path: string, bytes: number) => void

export function serveStatic(root: string, port: number, onSend?: SendListener): Promise<Server> {
  const cache = new Map<string, { body: Buffer; gzip: Buffer; type: string }>()
  const load = (path: string) => {
    let entry = cache.get(path)
    if (!entry) {
      const body = readFileSync(path)
      entry = { body, gzip: gzipSync(body), type: TYPES[extname(path)] ?? 'application/octet-stream' }
      cache.set(path, entry)
    }
    return entry
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    let path = normalize(join(root, decodeURIComponent(url.pathname)))
    if (!path.startsWith(root)) {
      res.writeHead(403).end()
      return
    }
    try {
      if (!statSync(path).isFile()) path = join(root, 'index.html')
    } catch {
      path = join(root, 'index.html')
    }
    const file = load(path)
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    res.writeHead(200, {
      'Content-Type': file.type,
      'Cache-Control': 'no-store',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    })
    const body = gzip ? file.gzip : file.body
    onSend?.(url.pathname, body.length)
    res.end(body)
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}
