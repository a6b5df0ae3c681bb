/**
 * A small static file server with gzip and a single-page-app fallback, so benchmarks measure
 * what a real deployment would transfer — and what it would not transfer again: hashed assets
 * (`/assets/*`, their names change with their content) are cached for good, everything else
 * (the page, the service worker's script) is revalidated by its ETag on every visit.
 */
import { createHash } from 'node:crypto'
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

/** Vite names every built asset after its content hash. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'
export const cacheControlFor = (pathname: string) => (pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE)

/** Called for each response with the path asked for and the bytes put on the wire (0 for a 304). */
export type SendListener = (path: string, bytes: number) => void

export function serveStatic(root: string, port: number, onSend?: SendListener): Promise<Server> {
  const cache = new Map<string, { body: Buffer; gzip: Buffer; type: string; etag: string }>()
  const load = (path: string) => {
    let entry = cache.get(path)
    if (!entry) {
      const body = readFileSync(path)
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
      entry = { body, gzip: gzipSync(body), type: TYPES[extname(path)] ?? 'application/octet-stream', etag }
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
    const headers = { 'Cache-Control': cacheControlFor(url.pathname), ETag: file.etag, Vary: 'Accept-Encoding' }
    if (req.headers['if-none-match'] === file.etag) {
      onSend?.(url.pathname, 0)
      res.writeHead(304, headers).end()
      return
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    res.writeHead(200, { ...headers, 'Content-Type': file.type, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) })
    const body = gzip ? file.gzip : file.body
    onSend?.(url.pathname, body.length)
    res.end(body)
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}
