import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { SYSTEM_ACTOR } from '../../engine/actors'
import { renderApp } from '../../testing/render-app'
import { programPage } from '../../testing/ui'

const rowOf = (table: HTMLElement, name: string) => within(table).getByText(name).closest('[role="row"]') as HTMLElement

async function openMenu(user: ReturnType<typeof renderApp>['user'], name: string) {
  const table = await screen.findByRole('grid', { name: 'Environments' })
  await user.click(within(rowOf(table, name)).getByRole('button', { name: `Actions for ${name}` }))
  return screen.findByRole('menu')
}

test('Delete asks first, then removes the environment from the list', async () => {
  const { user } = renderApp(programPage('environments'), { role: 'business-owner' })
  const menu = await openMenu(user, 'fresh-dev')
  expect(within(menu).getByRole('menuitem', { name: 'View Details' }).getAttribute('href')).toMatch(/\/environment\/\d+$/)
  expect(within(menu).getByRole('menuitem', { name: 'Configuration' }).getAttribute('href')).toMatch(/\?tab=configuration$/)
  await user.click(within(menu).getByRole('menuitem', { name: 'Delete' }))
  const dialog = await screen.findByRole('dialog', { name: 'Delete environment' })
  expect(within(dialog).getByText(/Delete “fresh-dev”\? .* cannot be undone\./)).toBeTruthy()
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
  await waitFor(() => expect(screen.queryByText('fresh-dev')).toBeNull())
  const table = screen.getByRole('grid', { name: 'Environments' })
  expect(within(table).getByText('fresh-stage')).toBeTruthy()
})

test("production and its paired stage cannot be deleted: Delete stays in the menu with the server's reason", async () => {
  const { user } = renderApp(programPage('environments'), { role: 'business-owner' })
  let menu = await openMenu(user, 'fresh-prod')
  expect(within(menu).getByRole('menuitem', { name: /Delete/ }).textContent).toMatch(
    /"fresh-prod" is a production environment; it cannot be deleted\./,
  )
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('menu')).toBeNull())
  menu = await openMenu(user, 'fresh-stage')
  expect(within(menu).getByRole('menuitem', { name: /Delete/ }).textContent).toMatch(/paired with production/)
})

test('a Developer may not delete: the reason names the roles that may', async () => {
  const { user } = renderApp(programPage('environments'), { role: 'developer' })
  const menu = await openMenu(user, 'fresh-dev')
  expect(within(menu).getByRole('menuitem', { name: /Delete/ }).textContent).toMatch(/Business Owner/)
})

test('a refusal from the server is shown in the dialog, which stays open', async () => {
  const { user, runtime } = renderApp(programPage('environments'), { role: 'business-owner' })
  const menu = await openMenu(user, 'fresh-dev')
  await user.click(within(menu).getByRole('menuitem', { name: 'Delete' }))
  const dialog = await screen.findByRole('dialog', { name: 'Delete environment' })
  // Meanwhile someone creates a pipeline that deploys to it: the server refuses the deletion.
  const engine = runtime.engine
  const dev = engine.environments('1').find((e) => e.name === 'fresh-dev')
  engine.createPipeline(SYSTEM_ACTOR, '1', {
    name: 'Dev Deploy',
    category: 'nonProduction',
    nonProdKind: 'deployment',
    repositoryId: engine.repositories('1')[0]?.id as string,
    branch: 'main',
    environmentIds: [dev?.id as string],
  })
  await user.click(within(dialog).getByRole('button', { name: 'Delete' }))
  expect(await within(dialog).findByText(/Pipeline "Dev Deploy" deploys to "fresh-dev"/)).toBeTruthy()
  expect(screen.getByRole('grid', { name: 'Environments' })).toBeTruthy()
})
