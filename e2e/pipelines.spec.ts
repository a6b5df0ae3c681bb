/**
 * Pipelines journeys (spec §B, §C, §G; issue #4), done with the keyboard alone: Tab to reach a
 * control, arrows inside menus, pickers, radio groups and the grid, Enter/Space to act. Axe checks
 * every page, menu and dialog on the way.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures'
import {
  arrowTo,
  checkRadio,
  chooseMenuItem,
  gridTo,
  openMenu,
  pickOption,
  press,
  switchRoleByKeyboard,
  tabTo,
  typeInto,
} from './keyboard'

const PIPELINES = '/program/1/pipelines'

// Long journeys on a shared 2-core machine; every step still has the default expect timeout.
test.describe.configure({ timeout: 180_000 })

const grid = (page: Page) => page.getByRole('grid', { name: 'Pipelines' })
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })
const menuEntry = (menu: Locator, label: string) => menu.getByRole('menuitem', { name: new RegExp(`^${label}`) })

async function openAddMenu(page: Page): Promise<Locator> {
  const add = page.getByRole('button', { name: 'Add Pipeline' })
  await expect(add).toBeEnabled()
  return openMenu(page, add, { backwards: true })
}

async function closeMenu(page: Page) {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
}

/** Opens an Add dialog from the menu; the dialog starts on its Pipeline Name. */
async function openAddDialog(page: Page, entry: string): Promise<Locator> {
  const menu = await openAddMenu(page)
  await chooseMenuItem(page, menuEntry(menu, entry))
  const dialog = page.getByRole('dialog', { name: entry })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: /Pipeline Name/ })).toBeFocused()
  return dialog
}

/** The row's … menu: into the grid, to the row, right to its Actions button, Enter. */
async function rowMenu(page: Page, name: string): Promise<Locator> {
  const actions = page.getByRole('button', { name: `Actions for ${name}` })
  await gridTo(page, grid(page), row(page, name), actions)
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  return menu
}

/** Creates a code quality pipeline through the API, as the foundation journey does. */
async function createCodeQuality(page: Page, name: string) {
  const status = await page.evaluate(async (pipelineName) => {
    const res = await fetch('/api/program/1/pipelines', {
      method: 'POST',
      headers: { Authorization: 'Bearer deployment-manager', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: pipelineName,
        category: 'nonProduction',
        nonProdKind: 'codeQuality',
        repositoryId: '5',
        branch: 'main',
      }),
    })
    return res.status
  }, name)
  expect(status).toBe(201)
}

test('the Add Pipeline menu greys out step by step while each kind of pipeline is created, and bad input is refused inline', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: PIPELINES })
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()
  await expectAccessible(page)

  // No stage-only pipeline yet: Add Production Only Pipeline is unavailable, and says why when reached.
  let menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Pipeline')).toBeFocused()
  await expect(menuEntry(menu, 'Add Production Pipeline')).not.toContainText('only one')
  await arrowTo(page, menuEntry(menu, 'Add Production Only Pipeline'))
  await expect(menuEntry(menu, 'Add Production Only Pipeline')).toContainText('Add a stage-only pipeline first')
  await expectAccessible(page)
  await closeMenu(page)

  // A coupled production pipeline over three tabs.
  let dialog = await openAddDialog(page, 'Add Production Pipeline')
  await expectAccessible(page)
  await page.keyboard.type('Release')
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await expect(dialog.getByRole('combobox', { name: /Git Branch/ })).toHaveValue('main')
  await expect(dialog.getByRole('radio', { name: /Full Stack Code/ })).toBeChecked()
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await expect(dialog.getByRole('tab', { name: /Experience Audit/, selected: true })).toBeVisible()
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'Release')).toContainText('Production')

  // Now Add Production Pipeline is unavailable too.
  menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Pipeline')).toContainText('only one production pipeline')
  await expect(menuEntry(menu, 'Add Production Only Pipeline')).toContainText('Add a stage-only pipeline first')
  await closeMenu(page)

  // An invalid name is refused inline, then a stage-only pipeline is created.
  dialog = await openAddDialog(page, 'Add Non-Production Pipeline')
  const name = dialog.getByRole('textbox', { name: /Pipeline Name/ })
  await typeInto(page, name, 'x'.repeat(65))
  await expect(dialog.getByText('Use at most 64 characters.')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Continue' })).toBeDisabled()
  await expectAccessible(page)
  await typeInto(page, name, 'Stage only')
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await pickOption(page, dialog.getByRole('button', { name: /Eligible Deployment Environments/ }), 'fresh-stage (stage)')
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await expect(dialog.getByRole('tab', { name: /Stage Testing/, selected: true })).toBeVisible()
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'Stage only')).toContainText('Non-Production · Deployment Stage')

  // A second stage-only pipeline is refused by the server, next to the environment.
  dialog = await openAddDialog(page, 'Add Non-Production Pipeline')
  await page.keyboard.type('Stage two')
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await pickOption(page, dialog.getByRole('button', { name: /Eligible Deployment Environments/ }), 'fresh-stage (stage)')
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(dialog.getByText(/only one stage-only pipeline, and "Stage only" already exists/)).toBeVisible()
  await expect(dialog.getByRole('tab', { name: /Source Code/, selected: true })).toBeVisible()
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Cancel' }))
  await expect(dialog).toHaveCount(0)

  // With a stage-only pipeline, a production only pipeline may be added — once.
  menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Only Pipeline')).not.toContainText('first')
  await chooseMenuItem(page, menuEntry(menu, 'Add Production Only Pipeline'))
  dialog = page.getByRole('dialog', { name: 'Add Production Only Pipeline' })
  await expect(dialog.getByText('Risk of code rollbacks')).toBeVisible()
  await expectAccessible(page)
  await typeInto(page, dialog.getByRole('textbox', { name: /Pipeline Name/ }), 'Prod only')
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(row(page, 'Prod only')).toContainText('Production Only')
  menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Only Pipeline')).toContainText('only one production only pipeline')
  await closeMenu(page)

  // The remaining kinds: a targeted development deployment and a code quality pipeline.
  dialog = await openAddDialog(page, 'Add Non-Production Pipeline')
  await page.keyboard.type('Dev config')
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await checkRadio(page, dialog.getByRole('radio', { name: /Targeted Deployment/ }))
  await checkRadio(page, dialog.getByRole('radio', { name: /^Config/ }))
  await pickOption(page, dialog.getByRole('button', { name: /Eligible Deployment Environments/ }), 'fresh-dev (dev)')
  await expect(dialog.getByRole('textbox', { name: /Code Location/ })).toHaveValue('/')
  await expectAccessible(page)
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(row(page, 'Dev config')).toContainText('Non-Production · Deployment')
  await expect(row(page, 'Dev config')).toContainText('Config')

  dialog = await openAddDialog(page, 'Add Non-Production Pipeline')
  await page.keyboard.type('Keyboard quality')
  await checkRadio(page, dialog.getByRole('radio', { name: 'Code Quality Pipeline' }))
  await press(page, dialog.getByRole('button', { name: 'Continue' }))
  await expect(dialog.getByRole('combobox', { name: /Git Branch/ })).toHaveValue('main')
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'Keyboard quality')).toContainText('Non-Production · Code Quality')
  await expectAccessible(page)
})

test('a Deployment Manager edits, runs, cancels and deletes a pipeline and manages its variables', async ({ page, sim }) => {
  await sim.reset('fresh-program', { path: PIPELINES })
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()
  await createCodeQuality(page, 'Quality')
  await createCodeQuality(page, 'Other')
  await page.reload()
  await expect(row(page, 'Quality')).toBeVisible()

  // Edit: the Edit dialog is pre-filled and its kind read-only; a duplicate name is refused at the field.
  let menu = await rowMenu(page, 'Quality')
  await expectAccessible(page)
  await chooseMenuItem(page, menuEntry(menu, 'Edit'))
  const edit = page.getByRole('dialog', { name: 'Edit Non-Production Pipeline' })
  const name = edit.getByRole('textbox', { name: /Pipeline Name/ })
  await expect(name).toHaveValue('Quality')
  await expect(edit.getByText('Code Quality Pipeline')).toBeVisible()
  await expect(edit.getByRole('radio', { name: 'Code Quality Pipeline' })).toHaveCount(0)
  await expectAccessible(page)
  await typeInto(page, name, 'Other')
  await press(page, edit.getByRole('button', { name: 'Update' }))
  await expect(edit.getByText('A pipeline named "Other" already exists in this program.')).toBeVisible()
  await expect(name).toHaveValue('Other')
  await typeInto(page, name, 'Nightly quality')
  await checkRadio(page, edit.getByRole('radio', { name: 'On Git Changes' }))
  await press(page, edit.getByRole('button', { name: 'Update' }))
  await expect(edit).toHaveCount(0)
  await expect(row(page, 'Nightly quality')).toContainText('On Git Changes')

  // Variables: validation as typed, one save, secrets masked afterwards.
  menu = await rowMenu(page, 'Nightly quality')
  await chooseMenuItem(page, menuEntry(menu, 'View/Edit variables'))
  let vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await press(page, vars.getByRole('button', { name: 'Add Variable' }))
  await typeInto(page, vars.getByRole('textbox', { name: 'Name of new variable 1' }), 'my-var')
  await expect(vars.getByText(/Use letters, digits and underscores/)).toBeVisible()
  await expectAccessible(page)
  await typeInto(page, vars.getByRole('textbox', { name: 'Name of new variable 1' }), 'MY_VAR')
  await typeInto(page, vars.getByLabel('Value of new variable 1'), 'hello')
  await press(page, vars.getByRole('button', { name: 'Add Variable' }))
  await typeInto(page, vars.getByRole('textbox', { name: 'Name of new variable 2' }), 'TOKEN')
  await pickOption(page, vars.getByRole('button', { name: /Type of new variable 2/ }), 'Secret')
  await typeInto(page, vars.getByLabel('Value of new variable 2'), 's'.repeat(500))
  await expect(vars.getByText(/A secret value must be shorter than 500 characters/)).toBeVisible()
  await typeInto(page, vars.getByLabel('Value of new variable 2'), 's3cret')
  await press(page, vars.getByRole('button', { name: 'Save' }))
  await expect(vars).toHaveCount(0)
  menu = await rowMenu(page, 'Nightly quality')
  await chooseMenuItem(page, menuEntry(menu, 'View/Edit variables'))
  vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await expect(vars.getByLabel('Value of MY_VAR')).toHaveValue('hello')
  await expect(vars.getByLabel('Value of TOKEN')).toHaveValue('')
  await expect(vars.getByLabel('Value of TOKEN')).toHaveAttribute('type', 'password')
  await press(page, vars.getByRole('button', { name: 'Cancel' }))
  await expect(vars).toHaveCount(0)

  // Run: the status goes live; while running, Edit says why not and the variables are read-only.
  menu = await rowMenu(page, 'Nightly quality')
  await chooseMenuItem(page, menuEntry(menu, 'Run'))
  await expect(row(page, 'Nightly quality')).toContainText('Running…')
  menu = await rowMenu(page, 'Nightly quality')
  await expect(menuEntry(menu, 'Edit')).toContainText('is running; edit it once the execution ends')
  await chooseMenuItem(page, menuEntry(menu, 'View/Edit variables'))
  vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await expect(vars.getByText(/its variables can be edited once the execution ends/)).toBeVisible()
  await expectAccessible(page)
  await press(page, vars.getByRole('button', { name: 'Close' }))

  // Cancel, after confirming.
  menu = await rowMenu(page, 'Nightly quality')
  await chooseMenuItem(page, menuEntry(menu, 'Cancel'))
  const cancel = page.getByRole('dialog', { name: 'Cancel the execution of Nightly quality?' })
  await expectAccessible(page)
  await press(page, cancel.getByRole('button', { name: 'Cancel execution' }))
  await expect(row(page, 'Nightly quality')).toContainText('Not running')

  // Delete, after confirming.
  menu = await rowMenu(page, 'Other')
  await chooseMenuItem(page, menuEntry(menu, 'Delete'))
  const del = page.getByRole('dialog', { name: 'Delete Other?' })
  await expectAccessible(page)
  await press(page, del.getByRole('button', { name: 'Delete' }))
  await expect(row(page, 'Other')).toHaveCount(0)
  await expect(row(page, 'Nightly quality')).toBeVisible()
})

test('switching roles keeps every action in place, unavailable with the reason, and favourites are per role', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: PIPELINES })
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()
  await createCodeQuality(page, 'Alpha')
  await createCodeQuality(page, 'Beta')
  await page.reload()
  await expect(row(page, 'Beta')).toBeVisible()

  const star = page.getByRole('button', { name: 'Mark Beta as favourite' })
  await gridTo(page, grid(page), row(page, 'Beta'), star)
  await page.keyboard.press('Enter')
  await expect(star).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('row').nth(1)).toContainText('Beta')

  await switchRoleByKeyboard(page, 'Developer')
  await expect(page.getByRole('row').nth(1)).toContainText('Alpha')
  let menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Pipeline')).toContainText(/permission/)
  await expectAccessible(page)
  await closeMenu(page)
  menu = await rowMenu(page, 'Alpha')
  await expect(menuEntry(menu, 'Run')).toContainText("You don't have permission to start pipeline executions")
  await expect(menuEntry(menu, 'Edit')).toContainText("You don't have permission to edit pipelines")
  await expect(menuEntry(menu, 'Delete')).toContainText("You don't have permission to delete pipelines")
  await expectAccessible(page)
  await chooseMenuItem(page, menuEntry(menu, 'View/Edit variables'))
  const vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await expect(vars.getByText('Read only')).toBeVisible()
  await expect(vars.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await press(page, vars.getByRole('button', { name: 'Close' }))
  await expect(vars).toHaveCount(0)

  // A Program Manager may run but not edit.
  await switchRoleByKeyboard(page, 'Program Manager')
  menu = await rowMenu(page, 'Alpha')
  await expect(menuEntry(menu, 'Run')).not.toContainText('permission')
  await expect(menuEntry(menu, 'Edit')).toContainText('Deployment Manager')
  await chooseMenuItem(page, menuEntry(menu, 'Run'))
  await expect(row(page, 'Alpha')).toContainText('Running…')

  // Run selected: the running pipeline cannot start again; Run (1) starts the other.
  await switchRoleByKeyboard(page, 'Deployment Manager')
  await expect(page.getByRole('row').nth(1)).toContainText('Beta')
  await tabTo(page, grid(page))
  await page.keyboard.press('ControlOrMeta+a')
  await press(page, page.getByRole('button', { name: 'Run selected (2)' }), { backwards: true })
  const runSelected = page.getByRole('dialog', { name: 'Run selected pipelines (2)' })
  await expect(runSelected.getByRole('listitem').filter({ hasText: 'Alpha' })).toContainText('Cannot start')
  await expectAccessible(page)
  await press(page, runSelected.getByRole('button', { name: 'Run (1)' }))
  await expect(row(page, 'Beta')).toContainText('Running…')
})
