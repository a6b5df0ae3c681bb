/**
 * AMS screen journeys (issue 12, spec §A.2, §C.3, §C.7): the Edit dialogs' read-only Testing
 * list, custom assets test files on the Stage Testing tab, and the program's Audit page. What a
 * journey is about is done with the keyboard (a file chosen through the file input, as a browser's
 * picker would) and checked with axe; the rest is set up through the API.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible, type Sim, test } from './fixtures'
import { arrowTo, chooseMenuItem, gridTo, press } from './keyboard'

test.describe.configure({ timeout: 240_000 })
test.use({ timezoneId: 'UTC', locale: 'en-US' })

interface Ids {
  programId: string
  env: (type: string) => string
  repositoryId: string
}

type List<K extends string, T> = { _embedded: Record<K, T[]> }

/** Loads `ams-program` on a paused clock and reads its ids (the page stays on Programs). */
async function loadAmsProgram(page: Page, sim: Sim): Promise<Ids> {
  // A fresh browser context first builds the large demo scenario: give it room before resetting.
  await page.goto('/programs')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 })
  await sim.reset('ams-program', { path: '/programs' })
  const programs = await sim.api<List<'programs', { id: string; name: string }>>('GET', '/api/programs')
  const programId = programs._embedded.programs.find((p) => p.name === 'AMS Program')!.id
  const envs = await sim.api<List<'environments', { id: string; type: string }>>('GET', `/api/program/${programId}/environments`)
  const repos = await sim.api<List<'repositories', { id: string }>>('GET', `/api/program/${programId}/repositories`)
  return {
    programId,
    env: (type) => envs._embedded.environments.find((e) => e.type === type)!.id,
    repositoryId: repos._embedded.repositories[0]!.id,
  }
}

async function createProduction(sim: Sim, ids: Ids, name: string): Promise<string> {
  const created = await sim.api<{ id: string }>('POST', `/api/program/${ids.programId}/pipelines`, {
    name,
    category: 'production',
    repositoryId: ids.repositoryId,
    branch: 'main',
    environmentIds: [ids.env('stage'), ids.env('prod')],
  })
  return created.id
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Pipelines' })
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })

/** Opens the Edit dialog from the row's … menu, by keyboard. */
async function openEdit(page: Page, name: string): Promise<Locator> {
  const actions = page.getByRole('button', { name: `Actions for ${name}` })
  await gridTo(page, grid(page), row(page, name), actions)
  await page.keyboard.press('Enter')
  await chooseMenuItem(page, page.getByRole('menu').getByRole('menuitem', { name: /^Edit/ }))
  const dialog = page.getByRole('dialog', { name: 'Edit Production Pipeline' })
  await expect(dialog).toBeVisible()
  return dialog
}

async function toStageTesting(page: Page, dialog: Locator): Promise<Locator> {
  await press(page, dialog.getByRole('tab', { name: /Configuration/ }))
  await page.keyboard.press('End')
  await expect(dialog.getByRole('tab', { name: /Stage Testing/, selected: true })).toBeVisible()
  return dialog.getByRole('group', { name: 'Test files' })
}

test('AMS Edit Production Pipeline: the read-only Testing list; a PDF test file is added, saved, shown again, and cannot be removed', async ({
  page,
  sim,
}) => {
  const ids = await loadAmsProgram(page, sim)
  await createProduction(sim, ids, 'AMS Assets')
  await page.goto(`/program/${ids.programId}/pipelines`)
  await expect(row(page, 'AMS Assets')).toBeVisible()

  let dialog = await openEdit(page, 'AMS Assets')
  const testing = dialog.getByRole('list', { name: 'Testing' })
  await expect(testing.getByRole('listitem')).toHaveText(['Static Code Testing', 'Load/Performance Testing', 'Security Testing'])
  await expect(dialog.getByRole('checkbox', { name: 'Approve after Stage Deployment' })).toBeVisible()
  await expectAccessible(page)

  let files = await toStageTesting(page, dialog)
  await expect(files.getByText('If you do not upload images or PDFs here, default assets will be used.')).toBeVisible()
  await expect(files.getByText('No test file is uploaded.')).toBeVisible()
  await files.locator('input[type="file"]').setInputFiles({
    name: 'brochure.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n'),
  })
  await expect(
    files.getByRole('table', { name: 'Assets test files' }).getByRole('row', { name: /PDF brochure\.pdf/ }),
  ).toBeVisible()
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Update' }))
  await expect(dialog).toHaveCount(0)

  const list = await sim.api<List<'pipelines', { name: string; 'x-sim': { stageTesting: { assetsTestFiles: unknown } } }>>(
    'GET',
    `/api/program/${ids.programId}/pipelines`,
  )
  const stored = list._embedded.pipelines.find((p) => p.name === 'AMS Assets')!
  expect(stored['x-sim'].stageTesting.assetsTestFiles).toEqual([{ format: 'PDF', fileName: 'brochure.pdf' }])

  // Reopened: the saved file is there, and removing it is refused in place.
  dialog = await openEdit(page, 'AMS Assets')
  files = await toStageTesting(page, dialog)
  const table = files.getByRole('table', { name: 'Assets test files' })
  await expect(table.getByRole('row', { name: /PDF brochure\.pdf/ })).toBeVisible()
  await press(page, table.getByRole('button', { name: 'Remove brochure.pdf' }))
  await expect(files.getByRole('alert')).toHaveText(
    '"brochure.pdf" was uploaded with the pipeline and cannot be removed while editing it.',
  )
  await expect(table.getByRole('row', { name: /PDF brochure\.pdf/ })).toBeVisible()
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Cancel' }))
  await expect(dialog).toHaveCount(0)
})

test("an AMS program's Audit page lists a pipeline just created and the run just started; a Cloud Service program has no Audit", async ({
  page,
  sim,
}) => {
  const ids = await loadAmsProgram(page, sim)
  const created = await sim.api<{ id: string }>(
    'POST',
    `/api/program/${ids.programId}/pipelines`,
    {
      name: 'AMS Audited',
      category: 'production',
      repositoryId: ids.repositoryId,
      branch: 'main',
      environmentIds: [ids.env('stage'), ids.env('prod')],
    },
    'deployment-manager',
  )
  await page.goto(`/program/${ids.programId}/pipelines`)
  await expect(row(page, 'AMS Audited')).toBeVisible()

  // Run it from its row, by keyboard: Emergency Mode is enabled, so the mode is asked for.
  await gridTo(page, grid(page), row(page, 'AMS Audited'), page.getByRole('button', { name: 'Actions for AMS Audited' }))
  await page.keyboard.press('Enter')
  await chooseMenuItem(page, page.getByRole('menu').getByRole('menuitem', { name: /^Run/ }))
  const run = page.getByRole('alertdialog', { name: 'Run Pipeline' })
  await press(page, run.getByRole('button', { name: 'Normal Mode' }))
  await expect(run).toHaveCount(0)
  await expect(row(page, 'AMS Audited')).toContainText('Running')

  // The program's navigation offers Audit on this AMS program.
  const programNav = page.getByRole('navigation', { name: 'Program' })
  await press(page, programNav.getByRole('link', { name: 'Audit' }), { backwards: true })
  await expect(page.getByRole('heading', { level: 1, name: 'Audit' })).toBeVisible()
  await expect(programNav.getByRole('link', { name: 'Audit' })).toHaveAttribute('aria-current', 'page')
  const audit = page.getByRole('grid', { name: 'Audit' })
  const started = audit.getByRole('row').filter({ hasText: 'Execution started' })
  await expect(started).toContainText('Deployment Manager')
  await expect(started).toContainText('AMS Audited, execution')
  await expect(started).toContainText('Trigger: Manual')
  await expect(audit.getByRole('row').filter({ hasText: 'Pipeline created' })).toContainText('AMS Audited')
  await expect(page.getByRole('status').filter({ hasText: 'Showing 2 of 2 entries' })).toBeVisible()
  await expectAccessible(page)

  // The category filter, by keyboard; then the run's row opens its execution page.
  await press(page, page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: /Category/ }))
  await arrowTo(page, page.getByRole('option', { name: 'Executions', exact: true }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/category=EXECUTION/)
  await expect(page.getByRole('status').filter({ hasText: 'Showing 1 of 1 entries' })).toBeVisible()
  await gridTo(page, audit, started, started)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'AMS Audited' })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/program/${ids.programId}/pipeline/${created.id}/execution/\\d+$`))

  // A Cloud Service program: no Audit in its navigation, and its audit address says why.
  await sim.reset('fresh-program', { path: '/programs' })
  const programs = await sim.api<List<'programs', { id: string }>>('GET', '/api/programs')
  const cs = programs._embedded.programs[0]!.id
  await page.goto(`/program/${cs}/activity`)
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible()
  await expect(programNav.getByRole('link', { name: 'Activity' })).toBeVisible()
  await expect(programNav.getByRole('link', { name: 'Audit' })).toHaveCount(0)
  await page.goto(`/program/${cs}/audit`)
  await expect(page.getByRole('heading', { name: 'No audit trail' })).toBeVisible()
  await expectAccessible(page)
})
