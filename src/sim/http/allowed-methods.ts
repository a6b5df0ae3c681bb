/**
 * Which methods the registered handlers answer at a path, so a known path called with another
 * method is answered `405 Method Not Allowed` with an `Allow` header instead of a 404.
 */
import { HttpHandler, matchRequestUrl, type RequestHandler } from 'msw'
import { PROBLEM_TYPES } from '../../contract/problem'
import { problemResponse } from './problem'

export interface Route {
  path: string
  methods: string[]
}

/** The (method, path) pairs of `handlers`, one entry per path. */
export function routeTable(handlers: readonly RequestHandler[]): Route[] {
  const byPath = new Map<string, Set<string>>()
  for (const handler of handlers) {
    if (!(handler instanceof HttpHandler)) continue
    const { method, path } = handler.info
    if (typeof method !== 'string' || typeof path !== 'string' || method === 'ALL') continue
    const methods = byPath.get(path) ?? new Set<string>()
    methods.add(method.toUpperCase())
    byPath.set(path, methods)
  }
  return [...byPath].map(([path, methods]) => ({ path, methods: [...methods].sort() }))
}

/** The methods answered at `url`'s path, or none when no route has that path. */
export function allowedMethods(routes: readonly Route[], url: URL): string[] {
  const out = new Set<string>()
  for (const route of routes) {
    if (matchRequestUrl(url, route.path, url.origin).matches) for (const m of route.methods) out.add(m)
  }
  return [...out].sort()
}

/** 405 problem+json naming the methods the path answers. */
export function methodNotAllowed(method: string, url: URL, allow: readonly string[]): Response {
  const detail = `${url.pathname} answers ${allow.join(', ')}, not ${method}.`
  return problemResponse(
    { type: PROBLEM_TYPES.methodNotAllowed, title: 'Method Not Allowed', status: 405, detail, errors: [detail] },
    { Allow: allow.join(', ') },
  )
}
