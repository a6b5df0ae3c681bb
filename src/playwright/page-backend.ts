/**
 * Calls the simulated backend through the page, with the page's `fetch`: the backend answers
 * the page's origin, whether it runs in the browser (SharedWorker + MSW, reached through the
 * page's service worker) or in `pipeline-console serve`. Node never calls it directly.
 */
import type { Page } from '@playwright/test'

/** How long a call waits for the page's backend to start answering (a page that just loaded). */
const BACKEND_WAIT_MS = 15_000
/** How long a change may take to reach the browser's storage before a call gives up. */
const SAVE_WAIT_MS = 10_000

interface PageAnswer {
  status: number
  statusText: string
  contentType: string
  text: string
}

/** The backend answered with a problem (4xx/5xx); `problem` is its problem+json body when it sent one. */
export class SimCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problem: { title?: string; detail?: string; errors?: unknown } | undefined,
  ) {
    super(message)
    this.name = 'SimCallError'
  }
}

export interface CallOptions {
  body?: unknown
  /** Sent as `Authorization: Bearer <role>` (the /api routes need one). */
  role?: string
}

/**
 * The one navigation the kit makes: a page that shows no document yet (`about:blank`, a new
 * page) opens the config's `baseURL`, because the backend answers only a page of its origin.
 */
export async function ensureConsoleOpen(page: Page, call: string): Promise<void> {
  if (/^https?:/.test(page.url())) return
  try {
    await page.goto('/')
  } catch (error) {
    throw new Error(
      `${call}: the page is blank and the console could not be opened at the config's baseURL (set use.baseURL to the console's address, or open the console with page.goto first): ${(error as Error).message}`,
    )
  }
}

function fetchInPage(page: Page, method: string, path: string, options: CallOptions): Promise<PageAnswer> {
  return page.evaluate(
    async ({ method, path, body, role }) => {
      const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      if (role) headers.Authorization = `Bearer ${role}`
      const res = await fetch(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return {
        status: res.status,
        statusText: res.statusText,
        contentType: res.headers.get('Content-Type') ?? '',
        text: await res.text(),
      }
    },
    { method, path, body: options.body, role: options.role },
  )
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The backend answers JSON (problem+json for errors) or nothing (204). Anything else comes from
 * the static server while the page's backend is not answering yet (the in-browser one starts
 * after the page loads): the console's HTML, or a plain 404 for a PUT.
 */
const fromBackend = (answer: PageAnswer) => answer.contentType.includes('json') || (answer.status === 204 && answer.text === '')

/**
 * One call to the backend. A request that the static server answered never reached the backend,
 * so it is safe to send again, and it is, until BACKEND_WAIT_MS.
 */
export async function callBackend<T>(
  page: Page,
  call: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<T> {
  await ensureConsoleOpen(page, call)
  const deadline = Date.now() + BACKEND_WAIT_MS
  let answer = await fetchInPage(page, method, path, options)
  while (!fromBackend(answer)) {
    if (Date.now() > deadline) {
      throw new Error(
        `${call}: ${method} ${path} was answered ${answer.status} ${answer.contentType || 'without a content type'} by ${new URL(page.url()).origin} for ${BACKEND_WAIT_MS / 1000} s, not by a simulated backend. Is the Pipeline Console open in this page?`,
      )
    }
    await sleep(100)
    answer = await fetchInPage(page, method, path, options)
  }
  const json = parseJson(answer.text)
  if (answer.status >= 400) {
    const problem = typeof json === 'object' && json !== null ? (json as SimCallError['problem']) : undefined
    const reason = problem?.detail ?? problem?.title ?? (answer.text.slice(0, 300) || answer.statusText)
    throw new SimCallError(`${call}: ${method} ${path} answered ${answer.status}: ${reason}`, answer.status, problem)
  }
  return json as T
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * In the browser the backend saves every change to IndexedDB a moment later; a navigation
 * right after a change could otherwise restart it from the state before. `serve` keeps its
 * state in its process, so there is nothing to wait for.
 */
export async function waitUntilSaved(page: Page, call: string): Promise<void> {
  const deadline = Date.now() + SAVE_WAIT_MS
  for (;;) {
    const status = await callBackend<{ host?: string; saved?: boolean } | undefined>(page, call, 'GET', '/__sim/status').catch(
      (error: unknown) => {
        if (error instanceof SimCallError && error.status === 404) return undefined
        throw error
      },
    )
    if (!status || status.host === 'server' || status.saved !== false) return
    if (Date.now() > deadline)
      throw new Error(`${call}: the change did not reach the browser's storage within ${SAVE_WAIT_MS / 1000} s.`)
    await sleep(50)
  }
}
