/**
 * Helpers for tests with several tabs: calls to the simulated backend from a given page (each
 * tab reaches the shared backend through its own service worker and handlers).
 */
import { expect, type Page } from '@playwright/test'

export interface Answer<T = unknown> {
  status: number
  json: T
  text: string
}

/** fetch() from inside `page`; `/api` calls carry `Bearer admin`. */
export async function call<T = unknown>(page: Page, path: string, method = 'GET', body?: unknown): Promise<Answer<T>> {
  return page.evaluate(
    async ({ path, method, body }) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' }
      if (path.startsWith('/api/')) headers.Authorization = 'Bearer admin'
      const res = await fetch(path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
      const text = await res.text()
      let json: unknown = null
      try {
        json = JSON.parse(text)
      } catch {
        // Not JSON.
      }
      return { status: res.status, json: json as T, text }
    },
    { path, method, body },
  )
}

/** Like `call`, but fails unless the answer is 2xx. */
export async function ok<T = unknown>(page: Page, path: string, method = 'GET', body?: unknown): Promise<T> {
  const answer = await call<T>(page, path, method, body)
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300)
  return answer.json
}

export interface HostStatus {
  host: 'shared-worker' | 'page'
  restored: boolean
  saved: boolean
  tabs?: number
  rejectedSnapshot?: { savedAt: string; problem: string }
}

export const status = (page: Page) => ok<HostStatus>(page, '/__sim/status')

export async function waitUntilSaved(page: Page): Promise<void> {
  await expect.poll(async () => (await status(page)).saved).toBe(true)
}

/** Opens the console in `page` and waits until its backend answers. */
export async function open(page: Page, path = '/programs'): Promise<void> {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
}

export const virtualNow = async (page: Page): Promise<number> => Date.parse((await ok<{ now: string }>(page, '/__sim/clock')).now)
