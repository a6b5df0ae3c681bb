import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible as expectAxeClean, test } from './fixtures'

const PIPELINES = '/program/1/pipelines'

// Long journeys on a shared 2-core machine; every step still has the default expect timeout.
test.describe.configure({ timeout: 240_000 })

/** Every accessibility check goes through the shared fixture, which waits out React Aria's announcements. */
const expectAccessible = (page: Page) => expectAxeClean(page)

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })

async function openAddMenu(page: Page): Promise<Locator> {
  const add = page.getByRole('button', { name: 'Add Pipeline' })
  await expect(add).toBeEnabled()
  await add.click()
  return page.getByRole('menu')
}

const menuEntry = (menu: Locator, label: string) => menu.getByRole('menuitem', { name: new RegExp(`^${label}`) })

async function closeMenu(page: Page) {
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu')).toHaveCount(0)
}

async function openAddDialog(page: Page, entry: string): Promise<Locator> {
  const menu = await openAddMenu(page)
  await menuEntry(menu, entry).click()
  const dialog = page.getByRole('dialog', { name: entry })
  await expect(dialog).toBeVisible()
  return dialog
}

async function pick(page: Page, dialog: Locator, field: RegExp, option: string) {
  await dialog.getByRole('button', { name: field }).click()
  await page.getByRole('option', { name: option }).click()
}

async function rowMenu(page: Page, name: string): Promise<Locator> {
  await page.getByRole('button', { name: `Actions for ${name}` }).click()
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

async function switchRole(page: Page, role: string) {
  await page.getByRole('button', { name: /Role/ }).click()
  await page.getByRole('option', { name: role, exact: true }).click()
}

test('the Add Pipeline menu greys out step by step while each kind of pipeline is created, and bad input is refused inline', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: PIPELINES })
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()
  await expectAccessible(page)

  // No stage-only pipeline yet: Add Production Only Pipeline is unavailable, with the reason.
  let menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Only Pipeline')).toContainText('Add a stage-only pipeline first')
  await expect(menuEntry(menu, 'Add Production Pipeline')).not.toContainText('only one')
  await expectAccessible(page)
  await closeMenu(page)

  // A coupled production pipeline over three tabs.
  let dialog = await openAddDialog(page, 'Add Production Pipeline')
  await expectAccessible(page)
  await dialog.getByRole('textbox', { name: /Pipeline Name/ }).fill('Release')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await expect(dialog.getByRole('combobox', { name: /Git Branch/ })).toHaveValue('main')
  await expect(dialog.getByRole('radio', { name: /Full Stack Code/ })).toBeChecked()
  await expectAccessible(page)
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(row(page, 'Release')).toContainText('Production')

  // Now Add Production Pipeline is unavailable too.
  menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Pipeline')).toContainText('only one production pipeline')
  await expect(menuEntry(menu, 'Add Production Only Pipeline')).toContainText('Add a stage-only pipeline first')
  await closeMenu(page)

  // An invalid name is refused inline, then a stage-only pipeline is created.
  dialog = await openAddDialog(page, 'Add Non-Production Pipeline')
  const name = dialog.getByRole('textbox', { name: /Pipeline Name/ })
  await name.fill('x'.repeat(65))
  await expect(dialog.getByText('Use at most 64 characters.')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Continue' })).toBeDisabled()
  await expectAccessible(page)
  await name.fill('Stage only')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await pick(page, dialog, /Eligible Deployment Environments/, 'fresh-stage (stage)')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await expect(dialog.getByRole('tab', { name: /Stage Testing/, selected: true })).toBeVisible()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(row(page, 'Stage only')).toContainText('Non-Production · Deployment Stage')

  // A second stage-only pipeline is refused by the server, next to the environment.
  dialog = await openAddDialog(page, 'Add Non-Production Pipeline')
  await dialog.getByRole('textbox', { name: /Pipeline Name/ }).fill('Stage two')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await pick(page, dialog, /Eligible Deployment Environments/, 'fresh-stage (stage)')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByText(/only one stage-only pipeline, and "Stage only" already exists/)).toBeVisible()
  await expect(dialog.getByRole('tab', { name: /Source Code/, selected: true })).toBeVisible()
  await expectAccessible(page)
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)

  // With a stage-only pipeline, a production only pipeline may be added — once.
  menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Only Pipeline')).not.toContainText('first')
  await menuEntry(menu, 'Add Production Only Pipeline').click()
  dialog = page.getByRole('dialog', { name: 'Add Production Only Pipeline' })
  await expect(dialog.getByText('Risk of code rollbacks')).toBeVisible()
  await expectAccessible(page)
  await dialog.getByRole('textbox', { name: /Pipeline Name/ }).fill('Prod only')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(row(page, 'Prod only')).toContainText('Production Only')
  menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Only Pipeline')).toContainText('only one production only pipeline')
  await closeMenu(page)

  // The remaining kinds: a targeted development deployment and a code quality pipeline.
  dialog = await openAddDialog(page, 'Add Non-Production Pipeline')
  await dialog.getByRole('textbox', { name: /Pipeline Name/ }).fill('Dev config')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  // Radios are chosen by their labels, as a pointer user does.
  await dialog.getByText('Targeted Deployment', { exact: true }).click()
  await expect(dialog.getByRole('radio', { name: /Targeted Deployment/ })).toBeChecked()
  await dialog.getByText('Config', { exact: true }).click()
  await expect(dialog.getByRole('radio', { name: /^Config/ })).toBeChecked()
  await pick(page, dialog, /Eligible Deployment Environments/, 'fresh-dev (dev)')
  await expect(dialog.getByRole('textbox', { name: /Code Location/ })).toHaveValue('/')
  await expectAccessible(page)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(row(page, 'Dev config')).toContainText('Non-Production · Deployment')
  await expect(row(page, 'Dev config')).toContainText('Config')
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
  await menuEntry(menu, 'Edit').click()
  const edit = page.getByRole('dialog', { name: 'Edit Non-Production Pipeline' })
  const name = edit.getByRole('textbox', { name: /Pipeline Name/ })
  await expect(name).toHaveValue('Quality')
  await expect(edit.getByText('Code Quality Pipeline')).toBeVisible()
  await expect(edit.getByRole('radio', { name: 'Code Quality Pipeline' })).toHaveCount(0)
  await expectAccessible(page)
  await name.fill('Other')
  await edit.getByRole('button', { name: 'Update' }).click()
  await expect(edit.getByText('A pipeline named "Other" already exists in this program.')).toBeVisible()
  await expect(name).toHaveValue('Other')
  await name.fill('Nightly quality')
  await edit.getByRole('radio', { name: 'On Git Changes' }).click()
  await edit.getByRole('button', { name: 'Update' }).click()
  await expect(edit).toHaveCount(0)
  await expect(row(page, 'Nightly quality')).toContainText('On Git Changes')

  // Variables: validation as typed, one save, secrets masked afterwards.
  menu = await rowMenu(page, 'Nightly quality')
  await menuEntry(menu, 'View/Edit variables').click()
  let vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await vars.getByRole('button', { name: 'Add Variable' }).click()
  const varName = vars.getByRole('textbox', { name: 'Name of new variable 1' })
  await varName.fill('my-var')
  await expect(vars.getByText(/Use letters, digits and underscores/)).toBeVisible()
  await expectAccessible(page)
  await varName.fill('MY_VAR')
  await vars.getByLabel('Value of new variable 1').fill('hello')
  await vars.getByRole('button', { name: 'Add Variable' }).click()
  await vars.getByRole('textbox', { name: 'Name of new variable 2' }).fill('TOKEN')
  await vars.getByRole('button', { name: /Type of new variable 2/ }).click()
  await page.getByRole('option', { name: 'Secret' }).click()
  await vars.getByLabel('Value of new variable 2').fill('s'.repeat(500))
  await expect(vars.getByText(/A secret value must be shorter than 500 characters/)).toBeVisible()
  await vars.getByLabel('Value of new variable 2').fill('s3cret')
  await vars.getByRole('button', { name: 'Save' }).click()
  await expect(vars).toHaveCount(0)
  menu = await rowMenu(page, 'Nightly quality')
  await menuEntry(menu, 'View/Edit variables').click()
  vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await expect(vars.getByLabel('Value of MY_VAR')).toHaveValue('hello')
  await expect(vars.getByLabel('Value of TOKEN')).toHaveValue('')
  await expect(vars.getByLabel('Value of TOKEN')).toHaveAttribute('type', 'password')
  await vars.getByRole('button', { name: 'Cancel' }).click()

  // Run: the status goes live; while running, Edit says why not and the variables are read-only.
  menu = await rowMenu(page, 'Nightly quality')
  await menuEntry(menu, 'Run').click()
  await expect(row(page, 'Nightly quality')).toContainText('Running…')
  menu = await rowMenu(page, 'Nightly quality')
  await expect(menuEntry(menu, 'Edit')).toContainText('is running; edit it once the execution ends')
  await menuEntry(menu, 'View/Edit variables').click()
  vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await expect(vars.getByText(/its variables can be edited once the execution ends/)).toBeVisible()
  await expectAccessible(page)
  await vars.getByRole('button', { name: 'Close' }).click()

  // Cancel, after confirming.
  menu = await rowMenu(page, 'Nightly quality')
  await menuEntry(menu, 'Cancel').click()
  const cancel = page.getByRole('dialog', { name: 'Cancel the execution of Nightly quality?' })
  await expectAccessible(page)
  await cancel.getByRole('button', { name: 'Cancel execution' }).click()
  await expect(row(page, 'Nightly quality')).toContainText('Not running')

  // Delete, after confirming.
  menu = await rowMenu(page, 'Other')
  await menuEntry(menu, 'Delete').click()
  const del = page.getByRole('dialog', { name: 'Delete Other?' })
  await expectAccessible(page)
  await del.getByRole('button', { name: 'Delete' }).click()
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

  await page.getByRole('button', { name: 'Mark Beta as favourite' }).click()
  await expect(page.getByRole('button', { name: 'Mark Beta as favourite' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('row').nth(1)).toContainText('Beta')

  await switchRole(page, 'Developer')
  await expect(page.getByRole('row').nth(1)).toContainText('Alpha')
  let menu = await openAddMenu(page)
  await expect(menuEntry(menu, 'Add Production Pipeline')).toContainText(/permission/)
  await closeMenu(page)
  menu = await rowMenu(page, 'Alpha')
  await expect(menuEntry(menu, 'Run')).toContainText("You don't have permission to start pipeline executions")
  await expect(menuEntry(menu, 'Edit')).toContainText("You don't have permission to edit pipelines")
  await expect(menuEntry(menu, 'Delete')).toContainText("You don't have permission to delete pipelines")
  await expectAccessible(page)
  await menuEntry(menu, 'View/Edit variables').click()
  const vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await expect(vars.getByText('Read only')).toBeVisible()
  await expect(vars.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await vars.getByRole('button', { name: 'Close' }).click()

  // A Program Manager may run but not edit.
  await switchRole(page, 'Program Manager')
  menu = await rowMenu(page, 'Alpha')
  await expect(menuEntry(menu, 'Run')).not.toContainText('permission')
  await expect(menuEntry(menu, 'Edit')).toContainText('Deployment Manager')
  await menuEntry(menu, 'Run').click()
  await expect(row(page, 'Alpha')).toContainText('Running…')

  // Run selected: the running pipeline cannot start again; Run (1) starts the other.
  await switchRole(page, 'Deployment Manager')
  await expect(page.getByRole('row').nth(1)).toContainText('Beta')
  // The checkbox input sits under its styled label; a pointer user clicks the header cell.
  await page.getByRole('columnheader', { name: 'Select All' }).click()
  await page.getByRole('button', { name: 'Run selected (2)' }).click()
  const runSelected = page.getByRole('dialog', { name: 'Run selected pipelines (2)' })
  await expect(runSelected.getByRole('listitem').filter({ hasText: 'Alpha' })).toContainText('Cannot start')
  await expectAccessible(page)
  await runSelected.getByRole('button', { name: 'Run (1)' }).click()
  await expect(row(page, 'Beta')).toContainText('Running…')
})

/** Presses Tab until `target` has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error('Could not reach the element with Tab.')
}

test('with the keyboard alone, a code quality pipeline is created and its variables dialog opened and closed', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: PIPELINES })
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()
  const add = page.getByRole('button', { name: 'Add Pipeline' })
  await expect(add).toBeEnabled()
  await tabTo(page, add)
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu')
  await expect(menuEntry(menu, 'Add Production Pipeline')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(menuEntry(menu, 'Add Non-Production Pipeline')).toBeFocused()
  await page.keyboard.press('Enter')

  const dialog = page.getByRole('dialog', { name: 'Add Non-Production Pipeline' })
  const name = dialog.getByRole('textbox', { name: /Pipeline Name/ })
  await expect(name).toBeFocused()
  await page.keyboard.type('Keyboard quality')
  await tabTo(page, dialog.getByRole('radio', { name: 'Deployment Pipeline' }), { backwards: true })
  await page.keyboard.press('ArrowUp')
  await expect(dialog.getByRole('radio', { name: 'Code Quality Pipeline' })).toBeChecked()
  await tabTo(page, dialog.getByRole('button', { name: 'Continue' }))
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('combobox', { name: /Git Branch/ })).toHaveValue('main')
  const save = dialog.getByRole('button', { name: 'Save' })
  await tabTo(page, save)
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'Keyboard quality')).toContainText('Non-Production · Code Quality')

  // The row's … menu by keyboard: Tab reaches it, Enter opens it, arrows walk to the entry.
  const actions = page.getByRole('button', { name: 'Actions for Keyboard quality' })
  await tabTo(page, page.getByRole('grid', { name: 'Pipelines' }))
  for (let i = 0; i < 20 && !(await actions.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowRight')
  }
  await expect(actions).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menuEntry(page.getByRole('menu'), 'Run')).toBeFocused()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown')
  await expect(menuEntry(page.getByRole('menu'), 'View/Edit variables')).toBeFocused()
  await page.keyboard.press('Enter')
  const vars = page.getByRole('dialog', { name: 'Variables Configuration' })
  await expect(vars).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(vars).toHaveCount(0)
})
