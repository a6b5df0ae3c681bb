/**
 * Journeys on a Managed Services (AMS) program (issue 12, spec §C.3, §D.3, §D.5, §D.11, §E):
 * the scenario `ams-program` has one AMS program with Emergency Mode enabled and no pipelines.
 * What a journey is about is done with the keyboard alone and checked with axe; what it is not
 * about is set up through the API and the simulator.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible, type Sim, test } from './fixtures'
import { chooseMenuItem, gridTo, pickOption, press, tabTo, typeInto } from './keyboard'

// Long keyboard journeys on a shared 2-core machine; every step keeps the default expect timeout.
test.describe.configure({ timeout: 300_000 })
test.use({ timezoneId: 'UTC', locale: 'en-US' })

const DAY = 24 * 3_600_000

interface Answer<T> {
  status: number
  body: T
}
interface StepWire {
  id: string
  action: string
  status: string
}
interface ExecutionWire {
  id: string
  status: string
  pipelineId: string
  pipelineExecutionMode: string
  _embedded: { stepStates: StepWire[] }
}

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
      // Before the page's backend answers, the static server answers with the page itself.
      const json = res.headers.get('Content-Type')?.includes('json') ?? false
      return { status: json ? res.status : 0, body: json && text ? JSON.parse(text) : {} }
    },
    { method, path, body, role },
  )
}

interface AmsProgram {
  id: string
  env: (type: string) => string
  repositoryId: string
}

/** Loads `ams-program` on a paused clock at `path` (relative to the program) and reads its ids. */
async function openAmsProgram(page: Page, sim: Sim, section = 'pipelines'): Promise<AmsProgram> {
  // As `sim.reset`, with more patience: a fresh browser context first builds (and then restores)
  // the large demo scenario, which takes longer than the fixture's waits on a loaded machine.
  await page.goto('/programs')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 })
  await sim.call('/__sim/reset', 'POST', { scenario: 'ams-program', seed: 1 })
  await sim.call('/__sim/clock', 'PUT', { paused: true })
  await sim.waitUntilSaved()
  await expect.poll(async () => (await api(page, 'GET', '/api/programs')).status).toBe(200)
  const programs = await api<{ _embedded: { programs: Array<{ id: string; name: string }> } }>(page, 'GET', '/api/programs')
  const program = programs.body._embedded.programs.find((p) => p.name === 'AMS Program')!
  const envs = await api<{ _embedded: { environments: Array<{ id: string; type: string }> } }>(
    page,
    'GET',
    `/api/program/${program.id}/environments`,
  )
  const repos = await api<{ _embedded: { repositories: Array<{ id: string }> } }>(
    page,
    'GET',
    `/api/program/${program.id}/repositories`,
  )
  await page.goto(`/program/${program.id}/${section}`)
  // Right after a navigation the page's backend may not answer yet.
  await expect.poll(async () => (await api(page, 'GET', `/api/program/${program.id}`)).status).toBe(200)
  return {
    id: program.id,
    env: (type) => envs.body._embedded.environments.find((e) => e.type === type)!.id,
    repositoryId: repos.body._embedded.repositories[0]!.id,
  }
}

async function createPipeline(page: Page, program: AmsProgram, body: Record<string, unknown>): Promise<string> {
  const created = await api<{ id: string }>(page, 'POST', `/api/program/${program.id}/pipelines`, {
    repositoryId: program.repositoryId,
    branch: 'main',
    ...body,
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return created.body.id
}

async function start(page: Page, program: AmsProgram, pipelineId: string): Promise<ExecutionWire> {
  const started = await api<ExecutionWire>(page, 'PUT', `/api/program/${program.id}/pipeline/${pipelineId}/execution`)
  expect(started.status, JSON.stringify(started.body)).toBe(201)
  return started.body
}

async function untilWaitingOrIdle(sim: Sim): Promise<string> {
  return (await sim.call<{ reason: string }>('/__sim/clock/advance-until-waiting', 'POST', { maxMs: 30 * DAY })).reason
}

const executionPath = (program: AmsProgram, pipeline: string, execution: string) =>
  `/program/${program.id}/pipeline/${pipeline}/execution/${execution}`
const summary = (page: Page) => page.getByRole('region', { name: 'Execution summary' })
const stepCard = (page: Page, name: string) => page.getByRole('article', { name, exact: true })
const grid = (page: Page) => page.getByRole('grid', { name: 'Pipelines' })
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })

/** The row's … menu, reached through the grid with the arrow keys. */
async function rowMenu(page: Page, name: string): Promise<Locator> {
  const actions = page.getByRole('button', { name: `Actions for ${name}` })
  await gridTo(page, grid(page), row(page, name), actions)
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  return menu
}

/** Tabs to a checkbox and ticks it with Space. */
async function tick(page: Page, box: Locator): Promise<void> {
  await tabTo(page, box)
  await page.keyboard.press('Space')
  await expect(box).toBeChecked()
}

/** Presses a step's button, then the confirming button of its dialog, by keyboard. */
async function decide(page: Page, card: Locator, button: string, dialogTitle: string, confirm = button): Promise<void> {
  await press(page, card.getByRole('button', { name: button, exact: true }))
  const dialog = page.getByRole('alertdialog', { name: dialogTitle })
  await expect(dialog).toBeVisible()
  await press(page, dialog.getByRole('button', { name: confirm, exact: true }))
  await expect(dialog).toHaveCount(0)
}

test('an AMS production pipeline with Go Live Approval and CSE oversight is created, run through every gate and finishes; only the CSE may start CSE Support', async ({
  page,
  sim,
}) => {
  await openAmsProgram(page, sim)
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()

  // The wizard, by keyboard: STAGE and PRODUCTION options, a production dispatcher path.
  const add = page.getByRole('button', { name: 'Add Pipeline' })
  await expect(add).toBeEnabled()
  await press(page, add, { backwards: true })
  await chooseMenuItem(page, page.getByRole('menu').getByRole('menuitem', { name: /^Add Production Pipeline/ }))
  const dialog = page.getByRole('dialog', { name: 'Add Production Pipeline' })
  await expect(dialog.getByRole('textbox', { name: /Pipeline Name/ })).toBeFocused()
  await page.keyboard.type('AMS Release')
  await expect(dialog.getByRole('checkbox', { name: 'Pause before deploying to Production' })).toHaveCount(0)
  await tick(page, dialog.getByRole('checkbox', { name: 'Use Go Live Approval' }))
  await tick(page, dialog.getByRole('checkbox', { name: 'Use CSE Oversight' }))
  await expect(dialog.getByRole('radio', { name: 'Any CSE' })).toBeChecked()
  const prodPaths = dialog.getByRole('group', { name: 'Production Dispatcher Configuration' })
  await expect(prodPaths.getByText('No path is configured for invalidation or flush.')).toBeVisible()
  await typeInto(page, prodPaths.getByRole('textbox', { name: 'Path' }), '/content/ams')
  await page.keyboard.press('Enter')
  await expect(prodPaths.getByRole('table', { name: 'Production dispatcher paths' })).toContainText('/content/ams')
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await expect(dialog.getByRole('radio', { name: /Web Tier Config/ })).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: /Git Branch/ })).toHaveValue('main')
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await expect(dialog.getByRole('tab', { name: /Stage Testing/, selected: true })).toBeVisible()
  await expect(dialog.getByRole('switch', { name: /Popular Live Pages \(33%\)/ })).toBeChecked()
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'AMS Release')).toContainText('Production')

  // Run: Emergency Mode is enabled on this program, so the mode is asked for.
  let menu = await rowMenu(page, 'AMS Release')
  await chooseMenuItem(page, menu.getByRole('menuitem', { name: /^Run/ }))
  const run = page.getByRole('alertdialog', { name: 'Run Pipeline' })
  await expect(run.getByText('Running in Emergency Mode will skip security tests and performance tests.')).toBeVisible()
  await expectAccessible(page)
  await press(page, run.getByRole('button', { name: 'Normal Mode' }))
  await expect(run).toHaveCount(0)
  await expect(row(page, 'AMS Release')).toContainText('Running')

  menu = await rowMenu(page, 'AMS Release')
  await chooseMenuItem(page, menu.getByRole('menuitem', { name: /^View details/ }))
  await expect(page.getByRole('heading', { level: 1, name: 'AMS Release' })).toBeVisible()
  const rail = page.getByRole('navigation', { name: 'Phases' })
  await expect(rail.getByRole('link', { name: 'Production Deployment' })).toBeVisible()

  // Security and performance testing pass; the run waits at Go Live Approval.
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await expect(stepCard(page, 'Security Testing').getByText('Passed', { exact: true }).first()).toBeVisible()
  await expect(stepCard(page, 'Performance Testing').getByText('Passed', { exact: true }).first()).toBeVisible()
  const goLive = stepCard(page, 'Go Live Approval')
  await expect(goLive.getByText('Waiting for a decision').first()).toBeVisible()
  await expectAccessible(page)
  await decide(page, goLive, 'Approve', 'Approve the production deployment?')
  await expect(goLive.getByText('Approved', { exact: true })).toBeVisible()

  // CSE Support waits as soon as the approval is given: a Deployment Manager reads who it waits
  // for; the Customer Success Engineer starts it.
  expect(['waiting', 'idle']).toContain(await untilWaitingOrIdle(sim))
  const cse = stepCard(page, 'CSE Support')
  await expect(cse.getByText(/Waiting for a Customer Success Engineer/)).toBeVisible()
  await expect(cse.getByRole('button', { name: 'Start' })).toHaveCount(0)
  await expectAccessible(page)
  // From the top of the reloaded page, Tab reaches the header's role picker first.
  await page.reload()
  await expect(stepCard(page, 'CSE Support')).toBeVisible({ timeout: 30_000 })
  const picker = page.getByRole('button', { name: /Role$/ })
  await pickOption(page, picker, 'Customer Success Engineer')
  await expect(picker).toContainText('Customer Success Engineer')
  await decide(page, stepCard(page, 'CSE Support'), 'Start', 'Start the production deployment?')
  await expect(stepCard(page, 'CSE Support').getByText('Started', { exact: true })).toBeVisible()

  // The rolling production deploy, live: dispatchers leave and rejoin the load balancer one by one.
  const deploy = stepCard(page, 'Deploy to Production')
  await expect(deploy.getByText('In progress').first()).toBeVisible()
  await expect(deploy.getByText(/Dispatcher cache: \/content\/ams \(flush\)/)).toBeVisible()
  await expect(deploy.getByRole('list', { name: 'Rolling deployment' })).toContainText(/load balancer/i)
  await expectAccessible(page)
  expect(await untilWaitingOrIdle(sim)).toBe('idle')
  await expect(summary(page).getByText('Finished', { exact: true })).toBeVisible()
  await expect(deploy.getByText('Completed', { exact: true })).toBeVisible()
  await expectAccessible(page)
})

/** The status of a call that answers with no body (204), as `role`. */
async function statusOf(page: Page, method: string, path: string, role: string): Promise<number> {
  return page.evaluate(
    async ({ method, path, role }) => (await fetch(path, { method, headers: { Authorization: `Bearer ${role}` } })).status,
    { method, path, role },
  )
}

test('a Customer Success Engineer turns Emergency Mode on from the Program Overview; a Deployment Manager then runs in Emergency Mode', async ({
  page,
  sim,
}) => {
  const program = await openAmsProgram(page, sim, 'overview')
  await createPipeline(page, program, {
    name: 'Hotfix',
    category: 'production',
    environmentIds: [program.env('stage'), program.env('prod')],
    productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: false, cseOversight: null },
  })
  // Emergency Mode starts off for this journey.
  expect(await statusOf(page, 'DELETE', `/api/program/${program.id}/emergencyMode`, 'cse')).toBe(204)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'AMS Program' })).toBeVisible({ timeout: 30_000 })
  const toggle = page.getByRole('switch', { name: 'Emergency Mode' })
  await expect(toggle).toHaveCount(0)

  const picker = page.getByRole('button', { name: /Role$/ })
  await pickOption(page, picker, 'Customer Success Engineer')
  await expect(toggle).not.toBeChecked()
  await tabTo(page, toggle)
  await page.keyboard.press('Space')
  await expect(toggle).toBeChecked()
  await expect
    .poll(async () => (await api<{ emergencyModeEnabled?: boolean }>(page, 'GET', `/api/program/${program.id}`)).body)
    .toMatchObject({ emergencyModeEnabled: true })
  await expectAccessible(page)

  await pickOption(page, picker, 'Deployment Manager', { backwards: true })
  await expect(toggle).toHaveCount(0)
  await page.goto(`/program/${program.id}/pipelines`)
  await expect(row(page, 'Hotfix')).toBeVisible()
  const menu = await rowMenu(page, 'Hotfix')
  await chooseMenuItem(page, menu.getByRole('menuitem', { name: /^Run/ }))
  const run = page.getByRole('alertdialog', { name: 'Run Pipeline' })
  await expect(run.getByText('Running in Emergency Mode will skip security tests and performance tests.')).toBeVisible()
  await expectAccessible(page)
  await press(page, run.getByRole('button', { name: 'Emergency Mode' }))
  await expect(run).toHaveCount(0)
  await expect(row(page, 'Hotfix')).toContainText('Running')
})

test('a paused stage deploy is resumed; paused again, it is stopped after a confirmation and the run is cancelled', async ({
  page,
  sim,
}) => {
  const program = await openAmsProgram(page, sim)
  const pipeline = await createPipeline(page, program, {
    name: 'Paused Release',
    category: 'production',
    environmentIds: [program.env('stage'), program.env('prod')],
    productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: false, cseOversight: null },
  })
  await sim.call('/__sim/faults', 'POST', {
    pipelineId: pipeline,
    action: 'deploy',
    environmentType: 'stage',
    status: 'PAUSED',
    count: 2,
  })
  const execution = await start(page, program, pipeline)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  // The Pipelines list says Paused, not Waiting.
  await page.reload()
  await expect(row(page, 'Paused Release')).toContainText('Paused', { timeout: 30_000 })

  await page.goto(executionPath(program, pipeline, execution.id))
  const deploy = stepCard(page, 'Deploy to Stage')
  await expect(deploy.getByText('Paused', { exact: true }).first()).toBeVisible()
  await expect(deploy.getByText(/Deployment paused after "Detect the artifact types to deploy"/)).toBeVisible()
  await expect(deploy.getByText(/7-day timeout/)).toBeVisible()
  await expectAccessible(page)
  await press(page, deploy.getByRole('button', { name: 'Resume', exact: true }))
  await expect(deploy.getByText('In progress').first()).toBeVisible()
  await expect(deploy.getByText(/Resumed by/)).toBeVisible()

  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await expect(deploy.getByText('Paused', { exact: true }).first()).toBeVisible()
  await decide(page, deploy, 'Stop', 'Stop the deployment?')
  await expect(summary(page).getByText('Cancelled', { exact: true })).toBeVisible()
  await expect(deploy.getByText(/Deploy to Stage was stopped by .* while paused\./)).toBeVisible()
  await expect(stepCard(page, 'Security Testing').getByText('Not started').first()).toBeVisible()
  await expectAccessible(page)
})

test('an emergency run skips security and performance testing and says so in the breadcrumb', async ({ page, sim }) => {
  const program = await openAmsProgram(page, sim)
  await createPipeline(page, program, {
    name: 'Hotfix',
    category: 'production',
    environmentIds: [program.env('stage'), program.env('prod')],
    productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: false, cseOversight: null },
  })
  await page.reload()
  await expect(row(page, 'Hotfix')).toBeVisible()

  const menu = await rowMenu(page, 'Hotfix')
  await chooseMenuItem(page, menu.getByRole('menuitem', { name: /^Run/ }))
  const run = page.getByRole('alertdialog', { name: 'Run Pipeline' })
  await expect(run.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await press(page, run.getByRole('button', { name: 'Emergency Mode' }))
  await expect(run).toHaveCount(0)

  const viewDetails = await rowMenu(page, 'Hotfix')
  await chooseMenuItem(page, viewDetails.getByRole('menuitem', { name: /^View details/ }))
  await expect(page.getByRole('heading', { level: 1, name: 'Hotfix' })).toBeVisible()
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(crumbs.getByText('Emergency Mode')).toBeVisible()
  await expect(summary(page).getByText(/This run skipped Security Testing/)).toBeVisible()
  await expect(stepCard(page, 'Security Testing')).toHaveCount(0)
  await expect(stepCard(page, 'Performance Testing')).toHaveCount(0)
  await expectAccessible(page)
  expect(await untilWaitingOrIdle(sim)).toBe('idle')
  await expect(summary(page).getByText('Finished', { exact: true })).toBeVisible()
  await expect(stepCard(page, 'Deploy to Production').getByText('Completed', { exact: true })).toBeVisible()
})

test('an important security failure waits; Review Summary lists the metrics, and Override lets the run go on', async ({
  page,
  sim,
}) => {
  const program = await openAmsProgram(page, sim)
  const pipeline = await createPipeline(page, program, {
    name: 'Guarded',
    category: 'production',
    environmentIds: [program.env('stage'), program.env('prod')],
    productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: true, cseOversight: null },
  })
  await sim.call('/__sim/faults', 'POST', { pipelineId: pipeline, action: 'securityTest', metric: 'important', status: 'FAILED' })
  const execution = await start(page, program, pipeline)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')

  await page.goto(executionPath(program, pipeline, execution.id))
  const security = stepCard(page, 'Security Testing')
  await expect(security.getByText('Waiting for a decision').first()).toBeVisible()
  await expect(security.getByText(/7-day timeout/)).toBeVisible()
  await expectAccessible(page)

  await press(page, security.getByRole('button', { name: 'Review Summary' }))
  const review = page.getByRole('dialog', { name: /Security Testing: Review Summary/ })
  await expect(review.getByRole('table')).toContainText('Important')
  await expect(review.getByRole('table')).toContainText('Failed')
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await expect(review).toHaveCount(0)

  await decide(page, security, 'Override', 'Override important failures?')
  await expect(security.getByText('Overridden', { exact: true }).first()).toBeVisible()
  await expect(summary(page).getByText('In progress', { exact: true })).toBeVisible()
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await expect(stepCard(page, 'Performance Testing').getByText('Passed', { exact: true }).first()).toBeVisible()
  await expect(stepCard(page, 'Go Live Approval').getByText('Waiting for a decision').first()).toBeVisible()
  await expectAccessible(page)
})

test('an AMS stage-only run shows the Preprod phases and promotes its build to the production only pipeline', async ({
  page,
  sim,
}) => {
  const program = await openAmsProgram(page, sim)
  const stageOnly = await createPipeline(page, program, {
    name: 'AMS Stage Only',
    category: 'stageOnly',
    environmentIds: [program.env('stage')],
  })
  const prodOnly = await createPipeline(page, program, {
    name: 'AMS Prod Only',
    category: 'prodOnly',
    repositoryId: undefined,
    branch: undefined,
    environmentIds: [program.env('prod')],
    productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: false, cseOversight: null },
  })
  const run = await start(page, program, stageOnly)
  expect(await untilWaitingOrIdle(sim)).toBe('idle')

  await page.goto(executionPath(program, stageOnly, run.id))
  await expect(summary(page).getByText('Finished', { exact: true })).toBeVisible()
  const rail = page.getByRole('navigation', { name: 'Phases' })
  for (const phase of ['Deployment Preparation', 'Preprod Deployment', 'Preprod Testing', 'Promote Build']) {
    await expect(rail.getByRole('link', { name: phase })).toBeVisible()
  }
  const group = page.getByRole('region', { name: 'Promote Build' })
  await expectAccessible(page)
  await press(page, group.getByRole('button', { name: 'Promote Build', exact: true }))
  const confirm = page.getByRole('alertdialog', { name: 'Run Pipeline' })
  await expect(confirm.getByText(/Run the related production only pipeline "AMS Prod Only"/)).toBeVisible()
  await expectAccessible(page)
  await press(page, confirm.getByRole('button', { name: 'Normal Mode' }))

  await expect(page.getByRole('heading', { level: 1, name: 'AMS Prod Only' })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/pipeline/${prodOnly}/execution/\\d+$`))
  await expect(stepCard(page, 'Artifact Preparation')).toBeVisible()
  const prodRail = page.getByRole('navigation', { name: 'Phases' })
  await expect(prodRail.getByRole('link', { name: 'Deployment Preparation' })).toBeVisible()
  await expect(prodRail.getByRole('link', { name: 'Production Deployment' })).toBeVisible()
  await expectAccessible(page)
  expect(await untilWaitingOrIdle(sim)).toBe('idle')
  await expect(summary(page).getByText('Finished', { exact: true })).toBeVisible()
})
