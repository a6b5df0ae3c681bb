/**
 * Journeys on the execution page (spec §D, §E.3, §E.5, §F, §J.2): every one starts from a
 * scenario on a paused clock, sets up through the API and the simulator, then acts and asserts
 * through the UI by roles and labels.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible, type Sim, test } from './fixtures'
import { press, typeInto } from './keyboard'

test.describe.configure({ timeout: 120_000 })
// Dates typed into the schedule picker and shown on the page are in this zone and locale.
test.use({ timezoneId: 'UTC', locale: 'en-US' })

const PROGRAM = '1'
const DAY = 24 * 3_600_000

interface Answer<T = Record<string, unknown>> {
  status: number
  body: T
}

/** An API call from the page, as `role`. */
async function api<T = Record<string, unknown>>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  role = 'deployment-manager',
): Promise<Answer<T>> {
  return page.evaluate(
    async ({ method, path, body, role }) => {
      const res = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${role}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : {} }
    },
    { method, path, body, role },
  )
}

interface PipelineWire {
  id: string
  name: string
}
interface StepWire {
  id: string
  action: string
  status: string
  _links: Record<string, { href: string }>
}
interface ExecutionWire {
  id: string
  status: string
  trigger: string
  pipelineId: string
  _embedded: { stepStates: StepWire[] }
}

/** Loads `scenario` on a paused clock and waits until the console (and so its backend) answers. */
async function reset(page: Page, sim: Sim, scenario: string): Promise<void> {
  await sim.reset(scenario)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect.poll(async () => (await api(page, 'GET', '/api/programs')).status).toBe(200)
}

async function pipelineId(page: Page, name: string): Promise<string> {
  const list = await api<{ _embedded: { pipelines: PipelineWire[] } }>(page, 'GET', `/api/program/${PROGRAM}/pipelines`)
  const found = list.body._embedded.pipelines.find((p) => p.name === name)
  if (!found) throw new Error(`no pipeline named ${name}`)
  return found.id
}

async function start(page: Page, pipeline: string): Promise<ExecutionWire> {
  const started = await api<ExecutionWire>(page, 'PUT', `/api/program/${PROGRAM}/pipeline/${pipeline}/execution`)
  expect(started.status, JSON.stringify(started.body)).toBe(201)
  return started.body
}

async function executionsOf(page: Page, pipeline: string): Promise<ExecutionWire[]> {
  const list = await api<{ _embedded: { executions: ExecutionWire[] } }>(
    page,
    'GET',
    `/api/program/${PROGRAM}/pipeline/${pipeline}/executions`,
  )
  return list.body._embedded.executions
}

/** Runs the clock from one due timer to the next until a step waits for a decision or nothing runs. */
async function untilWaitingOrIdle(sim: Sim): Promise<string> {
  const r = await sim.call<{ reason: string }>('/__sim/clock/advance-until-waiting', 'POST', { maxMs: 30 * DAY })
  return r.reason
}

const executionPath = (pipeline: string, execution: string) => `/program/${PROGRAM}/pipeline/${pipeline}/execution/${execution}`
const summary = (page: Page) => page.getByRole('region', { name: 'Execution summary' })
const stepCard = (page: Page, name: string) => page.getByRole('article', { name, exact: true })

async function confirmIn(page: Page, card: Locator, button: string, dialogTitle: string, confirm = button) {
  await card.getByRole('button', { name: button, exact: true }).click()
  const dialog = page.getByRole('alertdialog', { name: dialogTitle })
  await dialog.getByRole('button', { name: confirm, exact: true }).click()
  await expect(dialog).toHaveCount(0)
}

test('a stage-only run finishes, Promote Build starts the production only pipeline, whose Artifact Preparation links back', async ({
  page,
  sim,
}) => {
  await reset(page, sim, 'split-pipelines')
  const stageOnly = await pipelineId(page, 'Stage Only pipeline')
  const run = await start(page, stageOnly)
  expect(await untilWaitingOrIdle(sim)).toBe('idle')

  await page.goto(executionPath(stageOnly, run.id))
  await expect(summary(page).getByText('Finished', { exact: true })).toBeVisible()
  const group = page.getByRole('region', { name: 'Promote Build' })
  await expect(group.getByText('You can promote the current build to your production environment.')).toBeVisible()
  await expectAccessible(page)
  // With the keyboard alone: Tab to Promote Build, Enter, Tab to Run, Enter.
  await press(page, group.getByRole('button', { name: 'Promote Build', exact: true }))
  const dialog = page.getByRole('alertdialog', { name: 'Run Pipeline' })
  await expect(dialog.getByText(`(execution ${run.id})`)).toBeVisible()
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Run', exact: true }))

  await expect(page.getByRole('heading', { level: 1, name: 'Prod Only Pipeline' })).toBeVisible()
  await expect(page).toHaveURL(/\/pipeline\/\d+\/execution\/\d+$/)
  const prep = stepCard(page, 'Artifact Preparation')
  await expect(prep.getByText('A previously compiled build artifact has been reused for this step.')).toBeVisible()
  await expect(prep.getByText(/Artifacts validated by: execution ID/)).toBeVisible()
  const back = prep.getByRole('link', { name: run.id, exact: true }).first()
  await expect(back).toHaveAttribute('href', executionPath(stageOnly, run.id))
  await expectAccessible(page)
  await press(page, back)
  await expect(page).toHaveURL(new RegExp(`${executionPath(stageOnly, run.id)}$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Stage Only pipeline' })).toBeVisible()

  // The Activity page lists the promotion.
  await page.goto(`/program/${PROGRAM}/activity`)
  await expect(page.getByRole('row').filter({ hasText: 'Prod Only Pipeline' }).first()).toBeVisible()
  await expectAccessible(page)
})

test('an older successful stage-only execution shows Promote Build disabled, with the reason', async ({ page, sim }) => {
  await reset(page, sim, 'split-pipelines')
  const stageOnly = await pipelineId(page, 'Stage Only pipeline')
  const [latest, older] = await executionsOf(page, stageOnly)
  expect(latest?.status).toBe('FINISHED')
  expect(older?.status).toBe('FINISHED')

  await page.goto(executionPath(stageOnly, older!.id))
  const group = page.getByRole('region', { name: 'Promote Build' })
  await expect(group.getByRole('button', { name: 'Promote Build', exact: true })).toBeDisabled()
  await expect(
    group.getByText(`Only the latest successful stage-only execution can be promoted (execution ${latest!.id}).`),
  ).toBeVisible()
  await expectAccessible(page)

  await page.goto(executionPath(stageOnly, latest!.id))
  await expect(
    page.getByRole('region', { name: 'Promote Build' }).getByRole('button', { name: 'Promote Build', exact: true }),
  ).toBeEnabled()
})

test('Promote Build without a production only pipeline offers to create one, then to run it', async ({ page, sim }) => {
  await reset(page, sim, 'fresh-program')
  const envs = await api<{ _embedded: { environments: Array<{ id: string; type: string }> } }>(
    page,
    'GET',
    `/api/program/${PROGRAM}/environments`,
  )
  const stage = envs.body._embedded.environments.find((e) => e.type === 'stage')!
  const created = await api<PipelineWire>(page, 'POST', `/api/program/${PROGRAM}/pipelines`, {
    name: 'Stage only',
    category: 'stageOnly',
    repositoryId: (
      await api<{ _embedded: { repositories: Array<{ id: string }> } }>(page, 'GET', `/api/program/${PROGRAM}/repositories`)
    ).body._embedded.repositories[0]!.id,
    branch: 'main',
    environmentIds: [stage.id],
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const run = await start(page, created.body.id)
  expect(await untilWaitingOrIdle(sim)).toBe('idle')

  await page.goto(executionPath(created.body.id, run.id))
  const group = page.getByRole('region', { name: 'Promote Build' })
  await press(page, group.getByRole('button', { name: 'Promote Build', exact: true }))
  const offer = page.getByRole('alertdialog', { name: 'No production only pipeline' })
  await expect(offer.getByText(/There is no valid pipeline to promote this build with/)).toBeVisible()
  await expectAccessible(page)
  await press(page, offer.getByRole('button', { name: 'Add Production Only Pipeline' }))

  const add = page.getByRole('dialog', { name: 'Add Production Only Pipeline' })
  await typeInto(page, add.getByRole('textbox', { name: /Pipeline Name/ }), 'Prod only')
  await expectAccessible(page)
  await press(page, add.getByRole('button', { name: 'Save' }))
  await expect(add).toHaveCount(0)
  // After saving, the run is offered.
  const confirm = page.getByRole('alertdialog', { name: 'Run Pipeline' })
  await expect(confirm.getByText(/Run the related production only pipeline "Prod only"/)).toBeVisible()
  await expectAccessible(page)
  await press(page, confirm.getByRole('button', { name: 'Run', exact: true }))
  await expect(page.getByRole('heading', { level: 1, name: 'Prod only' })).toBeVisible()
  await expect(stepCard(page, 'Artifact Preparation')).toBeVisible()
})

test('a coupled run fails in production; Re-execute starts a three-step re-execution, and the older run offers none', async ({
  page,
  sim,
}) => {
  await reset(page, sim, 'coupled-pipeline')
  const coupled = await pipelineId(page, 'Production Pipeline')
  await sim.call('/__sim/faults', 'POST', { pipelineId: coupled, action: 'deploy', environmentType: 'prod', status: 'FAILED' })
  const run = await start(page, coupled)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  // Approve through the API: the production gate is not what this journey is about.
  const detail = await api<ExecutionWire>(page, 'GET', `/api/program/${PROGRAM}/pipeline/${coupled}/execution/${run.id}`)
  const approval = detail.body._embedded.stepStates.find((s) => s.status === 'WAITING')!
  const advance = Object.entries(approval._links).find(([rel]) => rel.endsWith('/pipeline/advance'))![1].href
  expect((await api(page, 'PUT', advance, { approved: true })).status).toBeLessThan(300)
  expect(await untilWaitingOrIdle(sim)).toBe('idle')

  await page.goto(executionPath(coupled, run.id))
  await expect(summary(page).getByText('Failed', { exact: true })).toBeVisible()
  const deploy = stepCard(page, 'Deploy to Production')
  await expect(deploy.getByRole('button', { name: 'Download build log' })).toBeVisible()
  await expectAccessible(page)
  // With the keyboard alone: Tab to Re-execute, Enter, Tab to the confirmation, Enter.
  await press(page, deploy.getByRole('button', { name: 'Re-execute', exact: true }))
  const confirm = page.getByRole('alertdialog', { name: 'Re-execute the production deployment?' })
  await expectAccessible(page)
  await press(page, confirm.getByRole('button', { name: 'Re-execute', exact: true }))
  await expect(confirm).toHaveCount(0)

  await expect(page).not.toHaveURL(new RegExp(`/execution/${run.id}$`))
  await expect(stepCard(page, 'Build & Unit Testing (Copying artifacts)')).toBeVisible()
  await expect(summary(page).getByText('re-execute', { exact: true })).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(3)
  await expect(stepCard(page, 'Validation')).toBeVisible()
  await expect(stepCard(page, 'Deploy to Production')).toBeVisible()
  await expectAccessible(page)

  await page.goto(executionPath(coupled, run.id))
  const old = stepCard(page, 'Deploy to Production')
  await expect(old.getByText(/only available for the last execution/)).toBeVisible()
  await expect(old.getByRole('button', { name: 'Re-execute', exact: true })).toBeDisabled()
})

test('the production gate: Approve deploys to production; on the next run, Reject cancels it', async ({ page, sim }) => {
  await reset(page, sim, 'coupled-pipeline')
  const coupled = await pipelineId(page, 'Production Pipeline')
  const first = await start(page, coupled)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await page.goto(executionPath(coupled, first.id))
  const approval = stepCard(page, 'Approval')
  await expect(approval.getByText('Waiting for a decision').first()).toBeVisible()
  await expectAccessible(page)
  await confirmIn(page, approval, 'Approve', 'Approve the production deployment?')
  await expect(approval.getByText('Approved', { exact: true })).toBeVisible()
  await expect(stepCard(page, 'Deploy to Production').getByText('In progress').first()).toBeVisible()
  expect(await untilWaitingOrIdle(sim)).toBe('idle')
  await expect(summary(page).getByText('Finished', { exact: true })).toBeVisible()

  const second = await start(page, coupled)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await page.goto(executionPath(coupled, second.id))
  const gate = stepCard(page, 'Approval')
  await confirmIn(page, gate, 'Reject', 'Reject the production deployment?')
  await expect(summary(page).getByText('Cancelled', { exact: true })).toBeVisible()
  await expect(stepCard(page, 'Deploy to Production').getByText('Not started', { exact: true })).toBeVisible()
})

test('a scheduled production deployment waits for its date, and starts once the clock gets there', async ({ page, sim }) => {
  await reset(page, sim, 'fresh-program')
  const envs = await api<{ _embedded: { environments: Array<{ id: string; type: string }> } }>(
    page,
    'GET',
    `/api/program/${PROGRAM}/environments`,
  )
  const env = (type: string) => envs.body._embedded.environments.find((e) => e.type === type)!.id
  const repos = await api<{ _embedded: { repositories: Array<{ id: string }> } }>(
    page,
    'GET',
    `/api/program/${PROGRAM}/repositories`,
  )
  const created = await api<PipelineWire>(page, 'POST', `/api/program/${PROGRAM}/pipelines`, {
    name: 'Scheduled Production',
    category: 'production',
    repositoryId: repos.body._embedded.repositories[0]!.id,
    branch: 'main',
    environmentIds: [env('stage'), env('prod')],
    productionOptions: { pauseBeforeProd: false, scheduled: true },
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const run = await start(page, created.body.id)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')

  await page.goto(executionPath(created.body.id, run.id))
  const schedule = stepCard(page, 'Schedule Production Deployment')
  await schedule.getByText('Date and time', { exact: true }).click()
  await expect(schedule.getByRole('radio', { name: 'Date and time' })).toBeChecked()
  const clock = await sim.call<{ now: string }>('/__sim/clock')
  const at = new Date(Date.parse(clock.now) + 2 * DAY)
  at.setUTCSeconds(0, 0)
  at.setUTCMinutes(at.getUTCMinutes() + 1)
  const two = (n: number) => String(n).padStart(2, '0')
  const hour12 = at.getUTCHours() % 12 === 0 ? 12 : at.getUTCHours() % 12
  await schedule.getByRole('spinbutton', { name: 'month, Deployment date and time' }).click()
  await page.keyboard.type(
    `${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${at.getUTCFullYear()}${two(hour12)}${two(at.getUTCMinutes())}`,
  )
  await page.keyboard.type(at.getUTCHours() < 12 ? 'A' : 'P')
  await expect(schedule.getByRole('spinbutton', { name: 'year, Deployment date and time' })).toHaveText(
    String(at.getUTCFullYear()),
  )
  // S2 paints the focused segment white on blue (3.97:1), which axe flags: check with focus elsewhere.
  await page.keyboard.press('Tab')
  await expectAccessible(page)
  await schedule.getByRole('button', { name: 'Confirm' }).click()
  await expect(schedule.getByText(/^Scheduled for /)).toBeVisible()
  const deploy = stepCard(page, 'Deploy to Production')
  await expect(deploy.getByText('Not started', { exact: true })).toBeVisible()

  await sim.advance(DAY)
  await expect(deploy.getByText('Not started', { exact: true })).toBeVisible()
  await sim.advance(DAY + 2 * 60_000)
  await expect(deploy.getByText('In progress').first()).toBeVisible()
  await expect(schedule.getByText('Completed', { exact: true })).toBeVisible()
})

test('a decision left waiting for 14 days times out and cancels the execution', async ({ page, sim }) => {
  await reset(page, sim, 'coupled-pipeline')
  const coupled = await pipelineId(page, 'Production Pipeline')
  const run = await start(page, coupled)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await page.goto(executionPath(coupled, run.id))
  const approval = stepCard(page, 'Approval')
  await expect(approval.getByText(/left before the 14-day timeout/)).toBeVisible()
  await sim.advance(13 * DAY)
  await expect(summary(page).getByText('In progress', { exact: true })).toBeVisible()
  await sim.advance(DAY + 60_000)
  await expect(summary(page).getByText('Cancelled', { exact: true })).toBeVisible()
  await expect(approval.getByRole('button', { name: 'Approve' })).toHaveCount(0)
  await expectAccessible(page)
})

test('an important metric fails, the run asks; Override marks the step Overridden and the run goes on', async ({ page, sim }) => {
  await reset(page, sim, 'coupled-pipeline')
  const coupled = await pipelineId(page, 'Production Pipeline')
  await sim.call('/__sim/faults', 'POST', { pipelineId: coupled, action: 'codeQuality', metric: 'important', status: 'FAILED' })
  const run = await start(page, coupled)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')

  await page.goto(executionPath(coupled, run.id))
  const scan = stepCard(page, 'Code Scanning')
  await expect(scan.getByText('Waiting for a decision').first()).toBeVisible()
  await expect(scan.getByRole('button', { name: 'Reject' })).toBeEnabled()
  await expectAccessible(page)
  await confirmIn(page, scan, 'Override', 'Override important failures?')
  await expect(scan.getByText('Overridden', { exact: true }).first()).toBeVisible()
  await expect(summary(page).getByText('In progress', { exact: true })).toBeVisible()
  await expect(stepCard(page, 'Build Images').getByText('In progress').first()).toBeVisible()
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await expect(stepCard(page, 'Approval').getByText('Waiting for a decision').first()).toBeVisible()
})

test('while the production pipeline runs, the stage-only pipeline may not: 412 from the API, Run unavailable with the reason', async ({
  page,
  sim,
}) => {
  await reset(page, sim, 'split-pipelines')
  const coupled = await pipelineId(page, 'Production Pipeline')
  const stageOnly = await pipelineId(page, 'Stage Only pipeline')
  await start(page, coupled)

  const refused = await api<{ detail: string; status: number }>(
    page,
    'PUT',
    `/api/program/${PROGRAM}/pipeline/${stageOnly}/execution`,
  )
  expect(refused.status).toBe(412)
  expect(refused.body.detail).toBe(
    'Pipeline is busy: blocked by running pipeline "Production Pipeline". Stage-only and production only pipelines cannot run while the production pipeline runs, and vice versa.',
  )

  await page.goto(`/program/${PROGRAM}/pipelines`)
  await page.getByRole('button', { name: 'Actions for Stage Only pipeline' }).click()
  const menu = page.getByRole('menu')
  const run = menu.getByRole('menuitem', { name: /^Run/ })
  await expect(run).toContainText('blocked by running pipeline "Production Pipeline"')
  await expectAccessible(page)
})
