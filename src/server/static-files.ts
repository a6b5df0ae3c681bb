/**
 * The built console, served from memory: gzip when the browser accepts it, hashed assets cached
 * for a year, everything else revalidated (ETag), and index.html for any path that is not a
 * file (the console's routes). index.html is served with a marker that tells the page to use
 * this server's backend instead of starting its own (src/sim/backend-mode.ts).
 *
 * Not sirv or serve-static: they compress only files that were compressed ahead of time, and
 * index.html must be rewritten anyway. The console is a few megabytes, read once at start.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

export const BACKEND_MARKER = '<meta name="pipeline-console-backend" content="server" />'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}
/** Worth compressing; images and fonts already are. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/

/** Vite names what it emits under assets/ by content hash: such a file never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'

interface StaticFile {
  body: Buffer
  gzip: Buffer | undefined
  type: string
  etag: string
  cacheControl: string
}

function load(body: Buffer, path: string, cacheControl: string): StaticFile {
  const type = TYPES[extname(path)] ?? 'application/octet-stream'
  const gzip = COMPRESSIBLE.test(type) && body.length > 512 ? gzipSync(body) : undefined
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`
  return { body, gzip: gzip && gzip.length < body.length ? gzip : undefined, type, etag, cacheControl }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : []
  })
}

/** Puts the marker first in <head>, before any script can run. */
export function markIndexHtml(html: string): string {
  const head = html.search(/<head[^>]*>/i)
  if (head < 0) return `${BACKEND_MARKER}\n${html}`
  const end = html.indexOf('>', head) + 1
  return `${html.slice(0, end)}\n    ${BACKEND_MARKER}${html.slice(end)}`
}

export class ConsoleNotBuiltError extends Error {}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => void

/** Loads every file of `dir` (a `vite build` output) and answers GET/HEAD for them. */
export function staticFiles(dir: string): StaticHandler {
  const indexPath = join(dir, 'index.html')
  if (!existsSync(indexPath) || !statSync(indexPath).isFile()) {
    throw new ConsoleNotBuiltError(`No built console in ${dir} (index.html is missing): run \`npm run build\` first.`)
  }
  const files = new Map<string, StaticFile>()
  for (const path of walk(dir)) {
    const url = `/${relative(dir, path).split(sep).join('/')}`
    if (url === '/index.html') continue
    files.set(url, load(readFileSync(path), path, url.startsWith('/assets/') ? IMMUTABLE : REVALIDATE))
  }
  const index = load(Buffer.from(markIndexHtml(readFileSync(indexPath, 'utf8'))), indexPath, REVALIDATE)

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed')
      return
    }
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://console').pathname)
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad Request')
      return
    }
    // Only files that were in the folder at start are ever served: no path reaches the disk.
    let file = files.get(pathname)
    if (!file) {
      // A missing hashed asset or file is a 404 (an old tab asking for a chunk of an older build);
      // any other path is one of the console's routes.
      if (pathname.startsWith('/assets/') || extname(pathname) !== '') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not Found')
        return
      }
      file = index
    }
    const headers: Record<string, string> = {
      'Content-Type': file.type,
      'Cache-Control': file.cacheControl,
      ETag: file.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
    }
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, headers).end()
      return
    }
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const body = gzip ? (file.gzip as Buffer) : file.body
    res.writeHead(200, { ...headers, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}), 'Content-Length': String(body.length) })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
