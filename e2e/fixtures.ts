/**
 * Playwright fixtures, built on the kit this package ships (`pipeline-console/playwright`,
 * src/playwright): `sim` is the kit's, plus what the journeys need around it. The simulated
 * backend is reached through the page (its service worker, MSW), not from Node.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { test as base, type Page } from '@playwright/test'
import type { AxeResults } from 'axe-core'
import { createSim, expect, type Sim as KitSim } from '../src/playwright/index'
import { callBackend, waitUntilSaved } from '../src/playwright/page-backend'

/** axe-core, put into a page once per document and run there (one round trip a scan). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface Sim extends Omit<KitSim, 'reset'> {
  /** The kit's reset (the console opened if the page is blank; the clock paused unless `paused: false`), then opens `path`. */
  reset(scenario: string, options?: { path?: string; seed?: number; paused?: boolean }): Promise<void>
  waitUntilSaved(): Promise<void>
  /** Any backend call, without a role (the /__sim controls). */
  call<T>(path: string, method?: string, body?: unknown): Promise<T>
}

export const test = base.extend<{ sim: Sim; cleanConsoleAndOrigin: void; expectedConsoleErrors: RegExp[] }>({
  /**
   * Console errors a journey provokes on purpose, declared where it does so (`test.use`): e.g. a
   * simulated network fault, which Chromium logs as `net::ERR_FAILED`. Nothing is let through by default.
   */
  expectedConsoleErrors: [[], { option: true }],
  /**
   * Automatic, so every journey gets it: a journey fails if any page logs an error (uncaught
   * exceptions included) or anything asks another origin for something — the console runs
   * offline, so a font, script or beacon from elsewhere is a bug, not a detail. Let through: Chromium's
   * note of an HTTP error answer from this origin (below), and what a journey declares it provokes.
   */
  cleanConsoleAndOrigin: [
    async ({ context, baseURL, expectedConsoleErrors }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin
      const problems: string[] = []
      context.on('request', (request) => {
        const url = new URL(request.url())
        if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin)
          problems.push(`request to another origin: ${request.url()}`)
      })
      context.on('console', (message) => {
        if (message.type() !== 'error') return
        // Chromium logs every HTTP error status it receives as a console error; an answer of this
        // origin's API (a 400 with field errors, a 412) is what journeys assert on, not a fault.
        // Failures to load (net::ERR_…) and anything the page itself logs still fail the journey.
        const answered = /^Failed to load resource: the server responded with a status of \d+/.test(message.text())
        if (answered && new URL(message.location().url || origin).origin === origin) return
        if (expectedConsoleErrors.some((expected) => expected.test(message.text()))) return
        problems.push(`console error: ${message.text()} (${message.location().url})`)
      })
      context.on('weberror', (error) => problems.push(`uncaught: ${error.error().message}`))
      await use()
      expect(problems, 'console errors and requests to other origins').toEqual([])
    },
    { auto: true },
  ],
  sim: async ({ page }, use) => {
    const kit = createSim(page)
    const call = <T>(path: string, method = 'GET', body?: unknown) =>
      callBackend<T>(page, `sim.call(${path})`, method, path, { body })
    await use({
      ...kit,
      async reset(scenario, { path = '/programs', seed = 1, paused = true } = {}) {
        // The kit's reset returns once the new scenario is stored; only a clock set going since needs waiting for.
        await kit.reset(scenario, { seed })
        if (!paused) {
          await call('/__sim/clock', 'PUT', { paused: false })
          await waitUntilSaved(page, 'sim.reset')
        }
        await page.goto(path)
        // Right after a navigation the page's handlers may not answer yet: the kit waits until they do.
        await call('/__sim/clock')
      },
      waitUntilSaved: () => waitUntilSaved(page, 'sim.waitUntilSaved()'),
      call,
    })
  },
})

/** Puts axe-core into the page's document unless it is there already. */
export async function injectAxe(page: Page): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE })
}

/** Waits until no finite animation runs on the page (fades of toasts, dialogs, buttons). */
export async function untilNothingAnimates(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            document
              .getAnimations()
              .filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY).length,
        ),
      { timeout: 10_000, intervals: [50, 100, 200] },
    )
    .toBe(0)
}

/**
 * Fails on serious or critical accessibility violations of what the page shows now. React Aria's
 * live announcer (a visually hidden region it owns) briefly names a pending button by
 * `aria-labelledby`, and keeps the message for about 7 s after the button may be gone; it is
 * left out of the scan rather than waited for, since it is never shown and clears itself.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // Colours blend while something fades in or out (toasts, dialogs): scan the settled page.
  await untilNothingAnimates(page)
  await injectAxe(page)
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }
    const results = await axe.run({ exclude: [['[data-live-announcer]']] }, { resultTypes: ['violations'] })
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String) })),
    }))
  })
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    'serious or critical accessibility violations',
  ).toEqual([])
}

export { expect }
