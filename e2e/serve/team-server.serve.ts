/**
 * Two people on one `pipeline-console serve` (two browser contexts: two profiles, as on two
 * machines): a Deployment Manager starts the production pipeline, which pauses for approval; a
 * Business Owner approves it in the other browser; both see every change as it happens, over
 * the server's event stream. Neither page starts a backend of its own.
 */
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test'
import { expectAccessible } from '../fixtures'

// Scenario coupled-pipeline, seed 1: Fresh Program (1) with "Production Pipeline", approval before production.
const PROGRAM = '1'
const PIPELINE = 'Production Pipeline'
const ROLE_KEY = 'pipeline-console.role'

// Two browsers and a server on a shared machine: generous, as the other journeys' 120 s.
test.describe.configure({ timeout: 180_000 })

/** A browser context for one person, with their role chosen, that counts SharedWorkers created. */
async function person(browser: Browser, role: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext()
  await context.addInitScript(
    ({ key, role }) => {
      localStorage.setItem(key, role)
      const counted = window as unknown as { sharedWorkers: number }
      counted.sharedWorkers = 0
      if (typeof SharedWorker !== 'undefined') {
        const Original = SharedWorker
        window.SharedWorker = class extends Original {
          constructor(...args: ConstructorParameters<typeof SharedWorker>) {
            super(...args)
            counted.sharedWorkers++
          }
        }
      }
    },
    { key: ROLE_KEY, role },
  )
  return { context, page: await context.newPage() }
}

async function sim(page: Page, method: string, path: string, body?: unknown): Promise<unknown> {
  const answer = await page.request.fetch(path, {
    method,
    headers: { Authorization: 'Bearer admin', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { data: body }),
  })
  expect(answer.status(), `${method} ${path}: ${await answer.text()}`).toBeLessThan(300)
  return answer.json()
}

const pipelineRow = (page: Page) => page.getByRole('row').filter({ hasText: PIPELINE })
const stepCard = (page: Page, name: string) => page.getByRole('article', { name, exact: true })
const summary = (page: Page) => page.getByRole('region', { name: 'Execution summary' })

test.beforeEach(async ({ request }) => {
  await request.post('/__sim/reset', { data: { scenario: 'coupled-pipeline', seed: 1 } })
  await request.put('/__sim/clock', { data: { paused: true } })
})

test('a Deployment Manager starts a production run; a Business Owner approves it in another browser; both see every change live', async ({
  browser,
}) => {
  const manager = await person(browser, 'deployment-manager')
  const owner = await person(browser, 'business-owner')
  const [dm, bo] = [manager.page, owner.page]
  for (const page of [dm, bo]) {
    await page.goto(`/program/${PROGRAM}/pipelines`)
    // A cold first load on a busy machine can take a while; later changes must arrive live.
    await expect(pipelineRow(page)).toContainText('Not running', { timeout: 30_000 })
  }
  expect(await sim(dm, 'GET', '/__sim/status')).toMatchObject({ host: 'server' })

  // The Deployment Manager runs the production pipeline from its row's menu.
  await pipelineRow(dm)
    .getByRole('button', { name: `Actions for ${PIPELINE}` })
    .click()
  await dm.getByRole('menuitem', { name: /^Run/ }).click()
  // Both browsers see it running, without a reload.
  for (const page of [dm, bo]) await expect(pipelineRow(page)).toContainText('Running')

  const executions = (await sim(dm, 'GET', `/api/program/${PROGRAM}/executions`)) as {
    _embedded: { executions: { id: string; pipelineId: string; status: string }[] }
  }
  const run = executions._embedded.executions.find((e) => e.status === 'RUNNING')!
  const path = `/program/${PROGRAM}/pipeline/${run.pipelineId}/execution/${run.id}`
  for (const page of [dm, bo]) {
    await page.goto(path)
    await expect(summary(page)).toContainText('In progress', { timeout: 30_000 })
  }

  // The run reaches the approval before production: both see it wait.
  await sim(dm, 'POST', '/__sim/clock/advance-until-waiting', {})
  for (const page of [dm, bo]) {
    await expect(stepCard(page, 'Approval').getByText('Waiting for a decision').first()).toBeVisible()
  }
  await expectAccessible(bo)

  // The Business Owner approves in the other browser; the Deployment Manager sees it at once.
  await stepCard(bo, 'Approval').getByRole('button', { name: 'Approve', exact: true }).click()
  const approve = bo.getByRole('alertdialog', { name: 'Approve the production deployment?' })
  await approve.getByRole('button', { name: 'Approve', exact: true }).click()
  for (const page of [bo, dm]) {
    await expect(stepCard(page, 'Approval').getByText('Approved', { exact: true })).toBeVisible()
    await expect(stepCard(page, 'Deploy to Production').getByText('In progress').first()).toBeVisible()
  }

  // The deployment finishes: both see the run end.
  await sim(dm, 'POST', '/__sim/clock/advance-until-waiting', {})
  for (const page of [dm, bo]) await expect(summary(page).getByText('Finished', { exact: true })).toBeVisible()
  await expectAccessible(dm)

  // Neither browser started a backend of its own.
  for (const page of [dm, bo]) {
    expect(await page.evaluate(() => (window as unknown as { sharedWorkers: number }).sharedWorkers)).toBe(0)
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull()
  }
  await manager.context.close()
  await owner.context.close()
})

test('a service worker left by the in-browser console on the same origin is unregistered', async ({ browser }) => {
  const { context, page } = await person(browser, 'deployment-manager')
  await page.goto('/programs')
  // As the in-browser mode would have left it (the build ships its worker script). It takes this
  // page over at once; told that the page's backend is the server, it sends the requests there.
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sim-service-worker.js')
    await navigator.serviceWorker.ready
  })
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1)
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/sim-service-worker/)
  const programs = () =>
    page.evaluate(async () => (await fetch('/api/programs', { headers: { Authorization: 'Bearer deployment-manager' } })).status)
  expect(await programs()).toBe(200)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 })
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0)
  await context.close()
})
