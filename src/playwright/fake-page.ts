/**
 * A stand-in for Playwright's Page in unit tests: `evaluate` answers the kit's in-page fetches
 * from a routing function instead of a browser, and records every request.
 */
import type { Page } from '@playwright/test'

export interface FakeAnswer {
  status?: number
  contentType?: string
  body?: unknown
}

export interface FakeRequest {
  method: string
  path: string
  body?: unknown
  role?: string
}

export function fakePage(route: (request: FakeRequest) => FakeAnswer, url = 'http://127.0.0.1:4390/programs') {
  const requests: FakeRequest[] = []
  const gotos: string[] = []
  let current = url
  const page = {
    url: () => current,
    goto: async (to: string) => {
      gotos.push(to)
      current = new URL(to, 'http://127.0.0.1:4390').href
      return null
    },
    evaluate: async (_fn: unknown, request: FakeRequest) => {
      requests.push(request)
      const { status = 200, contentType = 'application/json', body } = route(request)
      return {
        status,
        statusText: '',
        contentType,
        text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
      }
    },
  }
  return { page: page as unknown as Page, requests, gotos }
}
