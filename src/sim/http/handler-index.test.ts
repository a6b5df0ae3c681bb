import fc from 'fast-check'
import { getResponse, HttpHandler, http, HttpResponse, matchRequestUrl } from 'msw'
import { describe, expect, it } from 'vitest'
import { SimRuntime } from '../runtime'
import { createHandlers } from './create-handlers'
import { handlerIndex, pathPattern } from './handler-index'

const ORIGIN = 'http://127.0.0.1:4173'
const handlers = createHandlers(new SimRuntime({ realNow: () => 0, scenario: 'fresh-program', seed: 1, paused: true }))
const candidates = handlerIndex(handlers)
const httpHandlers = handlers.filter((h): h is HttpHandler => h instanceof HttpHandler)
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']

/** What MSW itself would consider a match: the method and its path-to-regexp match. */
function mswMatches(handler: HttpHandler, method: string, url: URL): boolean {
  const { path, method: accepts } = handler.info
  if (accepts instanceof RegExp ? !accepts.test(method) : accepts.toUpperCase() !== method) return false
  return typeof path === 'string' && matchRequestUrl(url, path, ORIGIN).matches
}

/** A concrete URL for a handler's path: each `:param` and `*` filled with `fill`. */
const concrete = (path: string, fill: string) => path.replace(/:\w+/g, fill).replace(/\*/g, `${fill}/x`)

const segment = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_~.-]{1,12}$/), fc.constantFrom('a%20b', '%C3%A9'))

describe('the handler index', () => {
  it('keeps every handler MSW would match for each route, whatever fills its parameters', () => {
    fc.assert(
      fc.property(fc.constantFrom(...httpHandlers), fc.constantFrom(...METHODS), segment, (route, method, fill) => {
        const path = route.info.path as string
        const url = new URL(concrete(path, fill), ORIGIN)
        const kept = new Set(candidates(new Request(url, { method })))
        for (const handler of httpHandlers) {
          if (mswMatches(handler, method, url))
            expect(kept.has(handler), `${handler.info.header} for ${method} ${url.pathname}`).toBe(true)
        }
      }),
      { numRuns: 600 },
    )
  })

  it('keeps the order of the handlers it keeps', () => {
    const kept = candidates(new Request(`${ORIGIN}/api/program/1/pipelines`))
    const positions = kept.map((h) => handlers.indexOf(h))
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })

  it('leaves out handlers of other methods and other paths', () => {
    const kept = candidates(new Request(`${ORIGIN}/api/program/1/pipelines`))
    expect(kept.length).toBeLessThan(handlers.length / 4)
    for (const handler of kept) {
      if (!(handler instanceof HttpHandler) || handler.info.method instanceof RegExp) continue
      expect(handler.info.method).toBe('GET')
    }
  })

  it('reads paths case-insensitively, with an optional trailing slash, as MSW does', () => {
    const pattern = pathPattern('/api/program/:programId/pipelines')!
    expect(pattern.test('/api/program/7/pipelines')).toBe(true)
    expect(pattern.test('/API/Program/7/pipelines/')).toBe(true)
    expect(pattern.test('/api/program/7/pipelines/x')).toBe(false)
    expect(pattern.test('/api/program//pipelines')).toBe(false)
    expect(pathPattern('/__sim/*')!.test('/__sim/a/b')).toBe(true)
  })

  it('always keeps a handler whose path it cannot read', async () => {
    const odd = http.get(/^\/custom\/\d+$/, () => HttpResponse.text('regexp'))
    const predicate = http.get(
      ({ request }) => new URL(request.url).pathname === '/p',
      () => HttpResponse.text('predicate'),
    )
    const index = handlerIndex([odd, predicate])
    expect(index(new Request(`${ORIGIN}/anything`))).toEqual([odd, predicate])
    const answer = await getResponse(index(new Request(`${ORIGIN}/p`)), new Request(`${ORIGIN}/p`))
    expect(await answer?.text()).toBe('predicate')
  })

  it('answers as MSW alone does, for every route the backend reads', async () => {
    // Reads only (a write would change what the second ask sees); the event stream never ends.
    const reads = httpHandlers.filter((h) => ['GET', 'ALL'].includes(String(h.info.method).toUpperCase()))
    for (const route of reads.filter((h) => h.info.path !== '/__sim/events')) {
      const url = `${ORIGIN}${concrete(route.info.path as string, '1')}`
      const request = () => new Request(url, { headers: { Authorization: 'Bearer admin' } })
      const direct = await getResponse(handlers, request(), { baseUrl: ORIGIN })
      const indexed = await getResponse(candidates(request()), request(), { baseUrl: ORIGIN })
      expect(indexed?.status, `GET ${url}`).toBe(direct?.status)
    }
  })
})
