/**
 * Which handlers could answer a request, before MSW is asked. `getResponse` tries every handler
 * in order, and for each one builds a URL, parses the cookies and compiles the handler's path
 * into a regular expression: with this backend's hundred-odd handlers that was most of the
 * adapter's time per request (CPU profile of `serve` at 200 requests a second). The index keeps,
 * in their original order, only the handlers whose method and path shape can match; MSW still
 * decides among them, so what answers is unchanged. Any handler whose path or method the index
 * cannot read is always kept.
 */
import { HttpHandler, type RequestHandler } from 'msw'

interface Entry {
  handler: RequestHandler
  /** The upper-case method, or undefined for any (ALL, a RegExp, not an HTTP handler). */
  method: string | undefined
  /** Tests a pathname, or undefined when every path must be tried. */
  path: RegExp | undefined
}

/** Path strings the index understands: relative paths of literal segments, `:params` and `*`. */
const PLAIN_PATH = /^\/[\w\-./:*~]*$/

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A superset of what MSW's path-to-regexp match accepts for `path`: case-insensitive, an optional
 * trailing slash, a `:param` as any one non-empty segment, a `*` as anything.
 */
export function pathPattern(path: string): RegExp | undefined {
  if (!PLAIN_PATH.test(path)) return undefined
  const source = path
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => {
      if (segment.includes('*')) return segment.split('*').map(escapeRegExp).join('.*')
      // `:name` may be followed by a literal suffix (`:id.json`): the name is letters, digits, `_`.
      return segment.replace(/:\w+|[^:]+/g, (part) => (part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
    })
    .join('/')
  return new RegExp(`^${source}/?$`, 'i')
}

function entryOf(handler: RequestHandler): Entry {
  if (!(handler instanceof HttpHandler)) return { handler, method: undefined, path: undefined }
  const { method, path } = handler.info
  const upper = typeof method === 'string' ? method.toUpperCase() : undefined
  return {
    handler,
    method: upper === 'ALL' ? undefined : upper,
    path: typeof path === 'string' ? pathPattern(path) : undefined,
  }
}

/** Returns, for a request, the handlers worth handing to MSW's `getResponse`, in order. */
export function handlerIndex(handlers: readonly RequestHandler[]): (request: Request) => RequestHandler[] {
  const entries = handlers.map(entryOf)
  return (request) => {
    const method = request.method.toUpperCase()
    const { pathname } = new URL(request.url)
    const out: RequestHandler[] = []
    for (const entry of entries) {
      if (entry.method !== undefined && entry.method !== method) continue
      if (entry.path !== undefined && !entry.path.test(pathname)) continue
      out.push(entry.handler)
    }
    return out
  }
}
