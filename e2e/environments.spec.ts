/**
 * Environments journeys (spec §A.3–A.5, §J.2 scenarios 9 and 20): the second staging
 * environment from request to a stage-only pipeline, environment variables with their
 * validation and the deployment lock, and what each role may do. Axe checks every page and
 * dialog; the variables journey is done with the keyboard only.
 */
import type { Locator, Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures'

const TWO_WEEKS = 14 * 24 * 3_600_000
const HOUR = 3_600_000
const REQUEST = 'Request Second Staging Environment'

async function switchRole(page: Page, role: string) {
  await page.getByRole('button', { name: /Role$/ }).click()
  await page.getByRole('option', { name: role }).click()
  await expect(page.getByRole('button', { name: /Role$/ })).toContainText(role)
}

const row = (page: Page, name: string) =>
  page
    .getByRole('grid', { name: 'Environments' })
    .getByRole('row')
    .filter({ has: page.getByText(name, { exact: true }) })

/** An API call as a role (the page's own fetch, so it reaches the simulator's service worker). */
async function api<T>(page: Page, path: string, method = 'GET', role = 'deployment-manager'): Promise<T> {
  return page.evaluate(
    async ({ path, method, role }) => {
      const res = await fetch(path, { method, headers: { Authorization: `Bearer ${role}` } })
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`)
      const text = await res.text()
      return (text ? JSON.parse(text) : undefined) as T
    },
    { path, method, role },
  )
}

/** Presses Tab until `target` has focus: keyboard only, without counting stops by hand. */
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

test('a Business Owner requests a second staging environment; once provisioned, a stage-only pipeline targets it', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: '/program/1/environments' })
  await expect(row(page, 'fresh-stage')).toContainText('Ready')
  await switchRole(page, 'Business Owner')

  await page.getByRole('button', { name: REQUEST, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: REQUEST })
  await expect(dialog.getByText('Provisioning can take up to two weeks.')).toBeVisible()
  await expect(dialog.getByText(/Data cannot be copied from Staging or Production/)).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Region' })).not.toBeEditable()
  await expectAccessible(page)

  // Nothing chosen: both problems at once; then the server's own refusal of a taken name.
  await dialog.getByRole('button', { name: 'Request' }).click()
  await expect(dialog.getByText('Enter a name for the new staging environment.')).toBeVisible()
  await expect(dialog.getByText('Choose the branch whose code and database the new environment starts from.')).toBeVisible()
  await expectAccessible(page)
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('fresh-prod')
  await dialog
    .getByRole('radiogroup', { name: /Base branch/ })
    .getByText('Integration', { exact: true })
    .click()
  await expect(dialog.getByRole('radio', { name: 'Integration' })).toBeChecked()
  await dialog.getByRole('button', { name: 'Request' }).click()
  await expect(dialog.getByText('An environment named "fresh-prod" already exists in this program.')).toBeVisible()
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('fresh-stage-2')
  await dialog.getByRole('textbox', { name: /^Description/ }).fill('User acceptance testing')
  await dialog.getByRole('button', { name: 'Request' }).click()
  await expect(dialog).toBeHidden()

  await expect(row(page, 'fresh-stage-2')).toContainText('Additional Staging')
  await expect(row(page, 'fresh-stage-2')).toContainText(/Requested \w{3} \d{1,2}, \d{4} — provisioning \(up to 2 weeks\)/)
  await expect(page.getByText(/A request is already being provisioned/)).toBeVisible()
  await expect(page.getByRole('button', { name: REQUEST, exact: true })).toBeDisabled()
  await expectAccessible(page)

  // The details page tells the same story.
  await row(page, 'fresh-stage-2').getByText('fresh-stage-2', { exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'fresh-stage-2' })).toBeVisible()
  const info = page.getByRole('region', { name: 'Environment Information' })
  await expect(info).toContainText('Integration')
  await expect(info).toContainText('User acceptance testing')
  await expect(page.getByRole('region', { name: 'URLs' })).toContainText('available once the environment is ready')
  await expectAccessible(page)

  // Two weeks later it is ready.
  await sim.advance(TWO_WEEKS)
  await expect(page.getByRole('region', { name: 'URLs' }).getByRole('link', { name: /^https:\/\/author-/ })).toBeVisible()
  await page.getByRole('link', { name: 'All environments' }).click()
  await expect(row(page, 'fresh-stage-2')).toContainText('Ready')
  await expect(page.getByText(/already has an additional staging environment/)).toBeVisible()

  // A Deployment Manager points a stage-only pipeline at it.
  await switchRole(page, 'Deployment Manager')
  await page.getByRole('link', { name: 'Pipelines', exact: true }).first().click()
  await page.getByRole('button', { name: 'Add Pipeline' }).click()
  await page.getByRole('menuitem', { name: 'Add Non-Production Pipeline' }).click()
  const add = page.getByRole('dialog', { name: 'Add Non-Production Pipeline' })
  await add.getByRole('textbox', { name: /Pipeline Name/ }).fill('Second stage only')
  await add.getByRole('button', { name: 'Continue' }).click()
  await add.getByRole('button', { name: /Eligible Deployment Environments/ }).click()
  await page.getByRole('option', { name: 'fresh-stage-2 (stage)' }).click()
  await expect(add.getByRole('tab', { name: /Stage Testing/ })).toBeVisible()
  await add.getByRole('button', { name: 'Continue' }).click()
  await add.getByRole('button', { name: 'Save' }).click()
  await expect(add).toBeHidden()
  const pipeline = page.getByRole('row').filter({ hasText: 'Second stage only' })
  await expect(pipeline).toContainText('fresh-stage-2')
  await expect(pipeline).toContainText('Deployment Stage')
})

test('keyboard only: a Deployment Manager adds environment variables, meets their validation, and saves them', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: '/program/1/environments' })
  // From the list to the details page: into the grid, down to the stage row, Enter.
  const grid = page.getByRole('grid', { name: 'Environments' })
  await expect(row(page, 'fresh-stage')).toBeVisible()
  await tabTo(page, grid)
  for (let i = 0; i < 5 && !(await row(page, 'fresh-stage').evaluate((el) => el.contains(document.activeElement))); i++) {
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'fresh-stage' })).toBeVisible()
  await expectAccessible(page)

  await tabTo(page, page.getByRole('tab', { name: 'Environment Information' }))
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true')
  await expect(page).toHaveURL(/\?tab=configuration$/)
  const open = page.getByRole('button', { name: 'Add Configuration', exact: true })
  await tabTo(page, open)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Environment Configuration' })
  await expect(dialog).toBeVisible()
  await expectAccessible(page)

  await tabTo(page, dialog.getByRole('button', { name: 'Add Variable' }))
  await page.keyboard.press('Enter')
  await tabTo(page, dialog.getByRole('textbox', { name: 'Name of new variable 1' }))
  await page.keyboard.type('1_BAD')
  await page.keyboard.press('Tab')
  await page.keyboard.type('value one')
  await tabTo(page, dialog.getByRole('button', { name: 'Save' }))
  await page.keyboard.press('Enter')
  await expect(dialog.getByText('Use letters, digits and underscores, not starting with a digit (e.g. MY_VAR).')).toBeVisible()
  await expectAccessible(page)

  // Fix the name; the value typed before is still there.
  await tabTo(page, dialog.getByRole('textbox', { name: 'Name of new variable 1' }))
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('GOOD_NAME')
  await expect(dialog.getByRole('textbox', { name: 'Value of new variable 1' })).toHaveValue('value one')
  // Service Applied: Author, through the picker's keyboard.
  await tabTo(page, dialog.getByRole('button', { name: /Service applied of new variable 1/ }))
  await page.keyboard.press('Enter')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('button', { name: /Service applied of new variable 1/ })).toContainText('Author')
  await tabTo(page, dialog.getByRole('button', { name: 'Save' }))
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()

  const variables = page.getByRole('grid', { name: 'Environment variables' })
  const saved = variables.getByRole('row').filter({ hasText: 'GOOD_NAME' })
  await expect(saved).toContainText('value one')
  await expect(saved).toContainText('Author')
  await expect(page.getByRole('button', { name: 'Add / Update', exact: true })).toBeEnabled()
  await expectAccessible(page)
})

test('while the coupled pipeline waits at approval, stage and production variables cannot be edited, and say why', async ({
  page,
  sim,
}) => {
  await sim.reset('coupled-pipeline', { path: '/program/1/environments' })
  await expect(row(page, 'fresh-prod')).toContainText('Ready')
  const pipelines = await api<{ _embedded: { pipelines: Array<{ id: string; name: string }> } }>(page, '/api/program/1/pipelines')
  const production = pipelines._embedded.pipelines.find((p) => p.name === 'Production Pipeline')!
  await api(page, `/api/program/1/pipeline/${production.id}/execution`, 'PUT')
  await sim.advance(3 * HOUR)

  await expect(row(page, 'fresh-prod')).toContainText('Locked by Production Pipeline')
  await expect(row(page, 'fresh-prod')).toContainText(/waiting at Approval before deploying to fresh-prod/)
  await expect(row(page, 'fresh-stage')).toContainText('Locked by Production Pipeline')
  await expect(row(page, 'fresh-dev')).not.toContainText('Locked')
  await expectAccessible(page)

  await row(page, 'fresh-prod').getByText('fresh-prod', { exact: true }).click()
  await page.getByRole('tab', { name: 'Configuration' }).click()
  await expect(page.getByRole('button', { name: 'Add Configuration', exact: true })).toBeDisabled()
  await expect(page.getByText(/^Environment "fresh-prod" is being updated by a running pipeline/)).toBeVisible()
  await page.getByRole('button', { name: /Why Add Configuration is unavailable/ }).click()
  await expect(page.getByRole('dialog')).toContainText('being updated by a running pipeline')
  await expectAccessible(page)
  await page.keyboard.press('Escape')

  // The development environment is not held: its variables can be edited meanwhile.
  await page.goto('/program/1/environments')
  await row(page, 'fresh-dev').getByText('fresh-dev', { exact: true }).click()
  await page.getByRole('tab', { name: 'Configuration' }).click()
  await expect(page.getByRole('button', { name: 'Add Configuration', exact: true })).toBeEnabled()
})

test('roles: a Developer reads but cannot request or edit; a Business Owner may request but not edit variables', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: '/program/1/environments' })
  await switchRole(page, 'Developer')
  await expect(page.getByRole('button', { name: REQUEST, exact: true })).toBeDisabled()
  await expect(
    page.getByText("You don't have permission to request an additional staging environment: this needs Business Owner."),
  ).toBeVisible()
  await expectAccessible(page)

  await page.goto('/program/1/environment/2?tab=configuration')
  await expect(page.getByRole('button', { name: 'Add Configuration', exact: true })).toBeDisabled()
  await expect(page.getByText(/You don't have permission to edit environment variables/)).toBeVisible()
  await expectAccessible(page)

  await switchRole(page, 'Business Owner')
  await expect(page.getByRole('button', { name: 'Add Configuration', exact: true })).toBeDisabled()
  await page.goto('/program/1/environments')
  await expect(page.getByRole('button', { name: REQUEST, exact: true })).toBeEnabled()
  await expect(page.getByText(/You don't have permission to request/)).toBeHidden()
})
