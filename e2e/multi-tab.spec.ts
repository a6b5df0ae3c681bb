/**
 * One simulated backend for every tab of the browser profile (issue 6, ADR 007): changes made
 * in one tab reach the others without a reload, two simultaneous Promote Builds start one
 * execution, and closing the tab that started the backend loses nothing.
 */
import { expect, expectAccessible, test } from './fixtures'
import { call, ok, open, status, virtualNow } from './tab-helpers'

// Scenario split-pipelines, seed 1 (src/engine/scenarios/split-pipelines.ts).
const PROGRAM = '1'
const PRODUCTION = '5'
const STAGE_ONLY = '20'
const PROD_ONLY = '32'
const LATEST_STAGE_RUN = '63'
const STAGE_RUN_PAGE = `/program/${PROGRAM}/pipeline/${STAGE_ONLY}/execution/${LATEST_STAGE_RUN}`

interface Execution {
  id: string
  status: string
}

test('both tabs talk to one backend: a change made in tab A shows in tab B without a reload', async ({ page, context, sim }) => {
  await sim.reset('split-pipelines')
  await open(page)
  const tabB = await context.newPage()
  await open(tabB)
  const [a, b] = [await status(page), await status(tabB)]
  expect(a).toMatchObject({ host: 'shared-worker', tabs: 2 })
  expect(b).toMatchObject({ host: 'shared-worker', tabs: 2 })

  // Tab A creates a pipeline; tab B's API sees it.
  const repositories = await ok<{ _embedded: { repositories: { id: string }[] } }>(page, `/api/program/${PROGRAM}/repositories`)
  const created = await ok<{ id: string }>(page, `/api/program/${PROGRAM}/pipelines`, 'POST', {
    name: 'Made in tab A',
    category: 'nonProduction',
    nonProdKind: 'codeQuality',
    repositoryId: repositories._embedded.repositories[0]?.id,
    branch: 'main',
  })
  const inB = await ok<{ _embedded: { pipelines: { id: string; name: string }[] } }>(tabB, `/api/program/${PROGRAM}/pipelines`)
  expect(inB._embedded.pipelines.map((p) => p.name)).toContain('Made in tab A')
  expect(inB._embedded.pipelines.some((p) => p.id === created.id)).toBe(true)

  // Tab A starts the production pipeline; tab B shows the run, then sees it reach the approval
  // that tab A fast-forwards to, pushed over tab B's own /__sim/events stream.
  const run = await ok<Execution>(page, `/api/program/${PROGRAM}/pipeline/${PRODUCTION}/execution`, 'PUT')
  await tabB.goto(`/program/${PROGRAM}/pipeline/${PRODUCTION}/execution/${run.id}`)
  const summary = tabB.getByRole('region', { name: 'Execution summary' })
  await expect(summary).toContainText('In progress')
  const approve = tabB.getByRole('button', { name: 'Approve' })
  await expect(approve).toHaveCount(0)
  await ok(page, '/__sim/clock/advance-until-waiting', 'POST', {})
  await expect(approve).toBeEnabled()
  await expectAccessible(tabB)
})

test('Promote Build clicked in two tabs at the same moment starts one execution; the other tab is told why', async ({
  page,
  context,
  sim,
}) => {
  await sim.reset('split-pipelines', { path: STAGE_RUN_PAGE })
  const tabB = await context.newPage()
  await tabB.goto(STAGE_RUN_PAGE)
  const tabs = [page, tabB]
  for (const tab of tabs) {
    await tab.getByRole('button', { name: 'Promote Build' }).click()
    await expect(tab.getByRole('alertdialog', { name: 'Run Pipeline' })).toBeVisible()
  }
  await Promise.all(tabs.map((tab) => tab.getByRole('alertdialog').getByRole('button', { name: 'Run' }).click()))

  const promoted = new RegExp(`/pipeline/${PROD_ONLY}/execution/\\d+$`)
  await expect.poll(async () => tabs.filter((tab) => promoted.test(new URL(tab.url()).pathname)).length).toBe(1)
  const loser = tabs.find((tab) => !promoted.test(new URL(tab.url()).pathname))
  // The 412 of the start that came second, in the dialog of the tab that sent it, which stays open.
  await expect(loser!.getByRole('alertdialog', { name: 'Run Pipeline' }).getByText(/is already running/)).toBeVisible()
  await expectAccessible(loser!)

  const list = await ok<{ _totalNumberOfItems: number; _embedded: { executions: Execution[] } }>(
    page,
    `/api/program/${PROGRAM}/pipeline/${PROD_ONLY}/executions`,
  )
  expect(list._totalNumberOfItems).toBe(1)
  // The refusal was the API's 412, as a second start now is.
  const again = await call(
    page,
    `/api/program/${PROGRAM}/pipeline/${PROD_ONLY}/execution?sourceExecutionId=${LATEST_STAGE_RUN}`,
    'PUT',
  )
  expect(again.status).toBe(412)
  expect(again.text).toContain('"status":412')
})

test('closing the tab that started the backend keeps the clock running and the state for the other tab', async ({
  page,
  context,
  sim,
}) => {
  await sim.reset('split-pipelines')
  await open(page)
  const tabB = await context.newPage()
  await open(tabB)
  const run = await ok<Execution>(page, `/api/program/${PROGRAM}/pipeline/${PRODUCTION}/execution`, 'PUT')
  await ok(page, '/__sim/clock', 'PUT', { paused: false, speed: 60 })
  await page.close()

  await expect.poll(async () => (await status(tabB)).tabs).toBe(1)
  const before = await virtualNow(tabB)
  await tabB.waitForTimeout(1_500)
  // One virtual minute per real second: well over a virtual minute in 1.5 s.
  expect((await virtualNow(tabB)) - before).toBeGreaterThan(60_000)
  const execution = await ok<Execution>(tabB, `/api/program/${PROGRAM}/pipeline/${PRODUCTION}/execution/${run.id}`)
  expect(execution.id).toBe(run.id)
  await tabB.goto(`/program/${PROGRAM}/pipeline/${PRODUCTION}/execution/${run.id}`)
  await expect(tabB.getByRole('region', { name: 'Execution summary' })).toBeVisible()
  await expectAccessible(tabB)
})

test('without SharedWorker a tab runs its own backend and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'SharedWorker')
  })
  await open(page)
  expect(await status(page)).toMatchObject({ host: 'page', restored: false })
  expect((await ok<{ _embedded: { programs: unknown[] } }>(page, '/api/programs'))._embedded.programs.length).toBeGreaterThan(0)
  await expectAccessible(page)
})
