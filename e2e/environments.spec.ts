/**
 * Environments journeys (spec §A.3–A.5, §J.2 scenarios 9 and 20): the second staging
 * environment from request to a stage-only pipeline, environment variables with their
 * validation and the deployment lock, and what each role may do — all with the keyboard alone.
 * Axe checks every page and dialog.
 */
import type { Page } from '@playwright/test'
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

const TWO_WEEKS = 14 * 24 * 3_600_000
const HOUR = 3_600_000
const REQUEST = 'Request Second Staging Environment'

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

/** From the list to an environment's details page: into the grid, to its row, Enter. */
async function openEnvironment(page: Page, name: string) {
  await tabTo(page, page.getByRole('grid', { name: 'Environments' }))
  await arrowTo(page, row(page, name)).catch(() => arrowTo(page, row(page, name), 'ArrowUp'))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

/** The Configuration tab of the details page, by the tab list's arrow keys. */
async function openConfigurationTab(page: Page) {
  await tabTo(page, page.getByRole('tab', { name: 'Environment Information' }))
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('tab', { name: 'Configuration' })).toHaveAttribute('aria-selected', 'true')
}

test('a Business Owner requests a second staging environment; once provisioned, a stage-only pipeline targets it', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: '/program/1/environments' })
  await expect(row(page, 'fresh-stage')).toContainText('Ready')
  await switchRoleByKeyboard(page, 'Business Owner')

  await press(page, page.getByRole('button', { name: REQUEST, exact: true }))
  const dialog = page.getByRole('dialog', { name: REQUEST })
  await expect(dialog.getByText('Provisioning can take up to two weeks.')).toBeVisible()
  await expect(dialog.getByText(/Data cannot be copied from Staging or Production/)).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Region' })).not.toBeEditable()
  await expectAccessible(page)

  // Nothing chosen: both problems at once; then the server's own refusal of a taken name.
  await press(page, dialog.getByRole('button', { name: 'Request' }))
  await expect(dialog.getByText('Enter a name for the new staging environment.')).toBeVisible()
  await expect(dialog.getByText('Choose the branch whose code and database the new environment starts from.')).toBeVisible()
  await expectAccessible(page)
  await typeInto(page, dialog.getByRole('textbox', { name: /^Name/ }), 'fresh-prod')
  await checkRadio(page, dialog.getByRole('radio', { name: 'Integration' }))
  await press(page, dialog.getByRole('button', { name: 'Request' }))
  await expect(dialog.getByText('An environment named "fresh-prod" already exists in this program.')).toBeVisible()
  await typeInto(page, dialog.getByRole('textbox', { name: /^Name/ }), 'fresh-stage-2')
  await typeInto(page, dialog.getByRole('textbox', { name: /^Description/ }), 'User acceptance testing')
  await press(page, dialog.getByRole('button', { name: 'Request' }))
  await expect(dialog).toBeHidden()

  await expect(row(page, 'fresh-stage-2')).toContainText('Additional Staging')
  await expect(row(page, 'fresh-stage-2')).toContainText(/Requested \w{3} \d{1,2}, \d{4} — provisioning \(up to 2 weeks\)/)
  await expect(page.getByText(/A request is already being provisioned/)).toBeVisible()
  await expect(page.getByRole('button', { name: REQUEST, exact: true })).toBeDisabled()
  await expectAccessible(page)

  // The details page tells the same story.
  await openEnvironment(page, 'fresh-stage-2')
  const info = page.getByRole('region', { name: 'Environment Information' })
  await expect(info).toContainText('Integration')
  await expect(info).toContainText('User acceptance testing')
  await expect(page.getByRole('region', { name: 'URLs' })).toContainText('available once the environment is ready')
  await expectAccessible(page)

  // Two weeks later it is ready.
  await sim.advance(TWO_WEEKS)
  await expect(page.getByRole('region', { name: 'URLs' }).getByRole('link', { name: /^https:\/\/author-/ })).toBeVisible()
  await press(page, page.getByRole('link', { name: 'All environments' }), { backwards: true })
  await expect(row(page, 'fresh-stage-2')).toContainText('Ready')
  await expect(page.getByText(/already has an additional staging environment/)).toBeVisible()

  // A Deployment Manager points a stage-only pipeline at it.
  await switchRoleByKeyboard(page, 'Deployment Manager')
  await press(page, page.getByRole('navigation', { name: 'Program' }).getByRole('link', { name: 'Pipelines' }))
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()
  const menu = await openMenu(page, page.getByRole('button', { name: 'Add Pipeline' }))
  await chooseMenuItem(page, menu.getByRole('menuitem', { name: 'Add Non-Production Pipeline' }))
  const add = page.getByRole('dialog', { name: 'Add Non-Production Pipeline' })
  await expect(add.getByRole('textbox', { name: /Pipeline Name/ })).toBeFocused()
  await page.keyboard.type('Second stage only')
  await press(page, add.getByRole('button', { name: 'Continue' }))
  await pickOption(page, add.getByRole('button', { name: /Eligible Deployment Environments/ }), 'fresh-stage-2 (stage)')
  await expect(add.getByRole('tab', { name: /Stage Testing/ })).toBeVisible()
  await press(page, add.getByRole('button', { name: 'Continue' }))
  await press(page, add.getByRole('button', { name: 'Save' }))
  await expect(add).toBeHidden()
  const pipeline = page.getByRole('row').filter({ hasText: 'Second stage only' })
  await expect(pipeline).toContainText('fresh-stage-2')
  await expect(pipeline).toContainText('Deployment Stage')
  await expectAccessible(page)
})

test('a Deployment Manager adds environment variables, meets their validation, and saves them', async ({ page, sim }) => {
  await sim.reset('fresh-program', { path: '/program/1/environments' })
  await expect(row(page, 'fresh-stage')).toBeVisible()
  await openEnvironment(page, 'fresh-stage')
  await expectAccessible(page)

  await openConfigurationTab(page)
  await expect(page).toHaveURL(/\?tab=configuration$/)
  await press(page, page.getByRole('button', { name: 'Add Configuration', exact: true }))
  const dialog = page.getByRole('dialog', { name: 'Environment Configuration' })
  await expect(dialog).toBeVisible()
  await expectAccessible(page)

  await press(page, dialog.getByRole('button', { name: 'Add Variable' }))
  await typeInto(page, dialog.getByRole('textbox', { name: 'Name of new variable 1' }), '1_BAD')
  await page.keyboard.press('Tab')
  await page.keyboard.type('value one')
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(dialog.getByText('Use letters, digits and underscores, not starting with a digit (e.g. MY_VAR).')).toBeVisible()
  await expectAccessible(page)

  // Fix the name; the value typed before is still there.
  await typeInto(page, dialog.getByRole('textbox', { name: 'Name of new variable 1' }), 'GOOD_NAME')
  await expect(dialog.getByRole('textbox', { name: 'Value of new variable 1' })).toHaveValue('value one')
  await pickOption(page, dialog.getByRole('button', { name: /Service applied of new variable 1/ }), 'Author')
  await expect(dialog.getByRole('button', { name: /Service applied of new variable 1/ })).toContainText('Author')
  await press(page, dialog.getByRole('button', { name: 'Save' }))
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

  await openEnvironment(page, 'fresh-prod')
  await openConfigurationTab(page)
  await expect(page.getByRole('button', { name: 'Add Configuration', exact: true })).toBeDisabled()
  await expect(page.getByText(/^Environment "fresh-prod" is being updated by a running pipeline/)).toBeVisible()
  // The disabled button cannot take focus; its "why" button beside it can, and opens the reason.
  await press(page, page.getByRole('button', { name: /Why Add Configuration is unavailable/ }))
  await expect(page.getByRole('dialog')).toContainText('being updated by a running pipeline')
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // The development environment is not held: its variables can be edited meanwhile.
  await press(page, page.getByRole('link', { name: 'All environments' }), { backwards: true })
  await openEnvironment(page, 'fresh-dev')
  await openConfigurationTab(page)
  await expect(page.getByRole('button', { name: 'Add Configuration', exact: true })).toBeEnabled()
})

test('roles: a Developer reads but cannot request or edit; a Business Owner may request but not edit variables', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: '/program/1/environments' })
  await switchRoleByKeyboard(page, 'Developer')
  await expect(page.getByRole('button', { name: REQUEST, exact: true })).toBeDisabled()
  await expect(
    page.getByText("You don't have permission to request an additional staging environment: this needs Business Owner."),
  ).toBeVisible()
  await expectAccessible(page)

  await openEnvironment(page, 'fresh-stage')
  await openConfigurationTab(page)
  await expect(page.getByRole('button', { name: 'Add Configuration', exact: true })).toBeDisabled()
  await expect(page.getByText(/You don't have permission to edit environment variables/)).toBeVisible()
  await expectAccessible(page)

  await switchRoleByKeyboard(page, 'Business Owner')
  await expect(page.getByRole('button', { name: 'Add Configuration', exact: true })).toBeDisabled()
  await press(page, page.getByRole('link', { name: 'All environments' }), { backwards: true })
  await expect(page.getByRole('button', { name: REQUEST, exact: true })).toBeEnabled()
  await expect(page.getByText(/You don't have permission to request/)).toBeHidden()
})

test('a Business Owner adds a development environment and deletes another; production and its stage say why they stay', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: '/program/1/environments' })
  await switchRoleByKeyboard(page, 'Business Owner')
  await press(page, page.getByRole('button', { name: 'Add Environment', exact: true }))
  const dialog = page.getByRole('dialog', { name: 'Add Environment' })
  await expect(dialog.getByRole('radio', { name: /Production \+ Stage/ })).toBeDisabled()
  await expect(dialog.getByText(/already has a stage environment \("fresh-stage"\)/)).toBeVisible()
  await checkRadio(page, dialog.getByRole('radio', { name: /^Development/ }))
  await typeInto(page, dialog.getByRole('textbox', { name: /^Name/ }), 'fresh-dev')
  await typeInto(page, dialog.getByRole('textbox', { name: /^Description/ }), 'Second development environment')
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  // Names are unique in a program: the server says so next to the field, and keeps what was typed.
  await expect(dialog.getByText(/fresh-dev/).filter({ hasText: /already|exists|taken|unique/ })).toBeVisible()
  await expectAccessible(page)
  await typeInto(page, dialog.getByRole('textbox', { name: /^Name/ }), 'fresh-dev-2', { backwards: true })
  await expect(dialog.getByRole('textbox', { name: /^Description/ })).toHaveValue('Second development environment')
  await press(page, dialog.getByRole('button', { name: 'Save' }))
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'fresh-dev-2')).toContainText('Creating')

  const grid = page.getByRole('grid', { name: 'Environments' })
  const menuOf = async (name: string) => {
    await gridTo(page, grid, row(page, name), page.getByRole('button', { name: `Actions for ${name}`, exact: true }))
    await page.keyboard.press('Enter')
    const menu = page.getByRole('menu')
    await expect(menu).toBeVisible()
    return menu
  }
  let menu = await menuOf('fresh-prod')
  await expect(menu.getByRole('menuitem', { name: /Delete/ })).toContainText('is a production environment; it cannot be deleted')
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)
  menu = await menuOf('fresh-stage')
  await expect(menu.getByRole('menuitem', { name: /Delete/ })).toContainText('is paired with production')
  await page.keyboard.press('Escape')
  await expect(menu).toHaveCount(0)

  menu = await menuOf('fresh-dev')
  await chooseMenuItem(page, menu.getByRole('menuitem', { name: 'Delete' }))
  const confirm = page.getByRole('dialog', { name: 'Delete environment' })
  await expect(confirm).toContainText('Delete “fresh-dev”?')
  await expectAccessible(page)
  await press(page, confirm.getByRole('button', { name: 'Delete' }))
  await expect(confirm).toHaveCount(0)
  await expect(row(page, 'fresh-dev')).toHaveCount(0)
  await expect(row(page, 'fresh-dev-2')).toHaveCount(1)
})
