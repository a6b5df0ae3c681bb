import { act, screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../../../testing/render-app'
import { isDisabled } from '../../../testing/ui'
import { rowOf, seedPipelines, startPipeline } from '../../../testing/pipelines'

type App = ReturnType<typeof renderApp>

async function openMenu({ user }: App, name: string): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: `Actions for ${name}` }))
  return screen.findByRole('menu')
}

const item = (menu: HTMLElement, label: string) => within(menu).getByRole('menuitem', { name: new RegExp(`^${label}`) })

test('a Developer sees every action, the ones they may not take unavailable with the reason in place', async () => {
  const app = renderApp(
    (runtime) => {
      seedPipelines(runtime, ['Quality'])
      return '/program/1/pipelines'
    },
    { role: 'developer' },
  )
  const menu = await openMenu(app, 'Quality')
  expect(
    within(menu)
      .getAllByRole('menuitem')
      .map((i) => within(i).getAllByText(/./)[0]?.textContent),
  ).toEqual(['Run', 'Edit', 'View details', 'Cancel', 'Delete', 'View/Edit variables'])
  expect(within(item(menu, 'Run')).getByText(/You don't have permission to start pipeline executions/)).toBeTruthy()
  expect(within(item(menu, 'Edit')).getByText(/You don't have permission to edit pipelines/)).toBeTruthy()
  expect(within(item(menu, 'Delete')).getByText(/You don't have permission to delete pipelines/)).toBeTruthy()
  expect(within(item(menu, 'View details')).getByText(/has not run yet/)).toBeTruthy()
  // The unavailable entry stays focusable; Enter explains instead of acting.
  act(() => item(menu, 'Edit').focus())
  await app.user.keyboard('{Enter}')
  const help = await screen.findByRole('dialog', { name: 'Edit is unavailable' })
  expect(within(help).getByText(/Deployment Manager/)).toBeTruthy()
  expect(screen.queryByRole('dialog', { name: 'Edit Non-Production Pipeline' })).toBeNull()
})

test('Run starts the pipeline and the status updates; while it runs Edit and Delete say why not, and Cancel stops it after confirming', async () => {
  const app = renderApp((runtime) => {
    seedPipelines(runtime, ['Quality'])
    return '/program/1/pipelines'
  })
  let menu = await openMenu(app, 'Quality')
  await app.user.click(item(menu, 'Run'))
  await waitFor(async () => expect(within(await rowOf('Quality')).getByText('Running…')).toBeTruthy())

  menu = await openMenu(app, 'Quality')
  expect(within(item(menu, 'Edit')).getByText('"Quality" is running; edit it once the execution ends.')).toBeTruthy()
  expect(within(item(menu, 'Delete')).getByText('"Quality" is running; delete it once the execution ends.')).toBeTruthy()
  expect(within(item(menu, 'Run')).getByText(/Pipeline is busy/)).toBeTruthy()
  await app.user.click(item(menu, 'Cancel'))
  const confirm = await screen.findByRole('dialog', { name: 'Cancel the execution of Quality?' })
  await app.user.click(within(confirm).getByRole('button', { name: 'Cancel execution' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: /Cancel the execution/ })).toBeNull())
  await waitFor(async () => expect(within(await rowOf('Quality')).getByText('Not running')).toBeTruthy())
})

test('Delete asks first, then removes the pipeline; a refusal reached anyway is explained in the dialog', async () => {
  const app = renderApp((runtime) => {
    seedPipelines(runtime, ['Keep', 'Remove'])
    return '/program/1/pipelines'
  })
  let menu = await openMenu(app, 'Remove')
  await app.user.click(item(menu, 'Delete'))
  let dialog = await screen.findByRole('dialog', { name: 'Delete Remove?' })
  expect(within(dialog).getByText(/whole execution history/)).toBeTruthy()
  await app.user.click(within(dialog).getByRole('button', { name: 'Delete' }))
  await waitFor(() => expect(screen.queryByText('Remove', { selector: 'span' })).toBeNull())
  expect(await rowOf('Keep')).toBeTruthy()

  // The role changes behind the page's back: the server's 403 is shown plainly.
  menu = await openMenu(app, 'Keep')
  await app.user.click(item(menu, 'Delete'))
  dialog = await screen.findByRole('dialog', { name: 'Delete Keep?' })
  act(() => app.roles.set('developer'))
  await app.user.click(within(dialog).getByRole('button', { name: 'Delete' }))
  expect(await within(dialog).findByText(/Your role is not allowed to do this/)).toBeTruthy()
  expect(within(dialog).getByText(/need(s)? Deployment Manager/)).toBeTruthy()
})

test('Edit opens the pipeline’s dialog pre-filled with its kind fixed; a server error is shown at the field and Update saves', async () => {
  const app = renderApp((runtime) => {
    seedPipelines(runtime, ['Quality', 'Other'])
    return '/program/1/pipelines'
  })
  const menu = await openMenu(app, 'Quality')
  await app.user.click(item(menu, 'Edit'))
  const dialog = await screen.findByRole('dialog', { name: 'Edit Non-Production Pipeline' })
  expect(within(dialog).queryByRole('radio', { name: 'Code Quality Pipeline' })).toBeNull()
  expect(within(dialog).getByText('Code Quality Pipeline')).toBeTruthy()
  const name = within(dialog).getByRole('textbox', { name: /Pipeline Name/ }) as HTMLInputElement
  expect(name.value).toBe('Quality')
  await app.user.clear(name)
  await app.user.type(name, 'other')
  await app.user.click(within(dialog).getByRole('button', { name: 'Update' }))
  expect(await within(dialog).findByText('A pipeline named "other" already exists in this program.')).toBeTruthy()
  expect(name.value).toBe('other')
  await app.user.clear(name)
  await app.user.type(name, 'Nightly quality')
  const update = within(dialog).getByRole('button', { name: 'Update' })
  await waitFor(() => expect(isDisabled(update)).toBe(false))
  await app.user.click(update)
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Non-Production Pipeline' })).toBeNull())
  expect(await rowOf('Nightly quality')).toBeTruthy()
})

test('a running pipeline seeded by the engine shows Running… and its details link', async () => {
  const app = renderApp((runtime) => {
    const [id] = seedPipelines(runtime, ['Busy'])
    startPipeline(runtime, id as string)
    return '/program/1/pipelines'
  })
  const row = await rowOf('Busy')
  expect(within(row).getByText('Running…')).toBeTruthy()
  const menu = await openMenu(app, 'Busy')
  expect(item(menu, 'View details').getAttribute('href')).toMatch(/^\/program\/1\/pipeline\/\d+\/execution\/\d+$/)
})
