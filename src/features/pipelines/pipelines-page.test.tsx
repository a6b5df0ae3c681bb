import { act, screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../../testing/render-app'
import { isDisabled, programPage } from '../../testing/ui'

test('a program without pipelines shows the empty state under the Pipelines heading', async () => {
  renderApp(programPage('pipelines'))
  expect(await screen.findByRole('heading', { level: 1, name: 'Pipelines' })).toBeTruthy()
  expect(await screen.findByRole('heading', { name: 'No pipelines yet' })).toBeTruthy()
  expect(screen.queryByRole('grid', { name: 'Pipelines' })).toBeNull()
})

test('the Add Pipeline menu offers three entries and explains why Add Production Only Pipeline is unavailable', async () => {
  const { user } = renderApp(programPage('pipelines'))
  const add = await screen.findByRole('button', { name: 'Add Pipeline' })
  await waitFor(() => expect(isDisabled(add)).toBe(false))
  // Keyboard only: open the menu, walk to the entry, open its explanation.
  add.focus()
  await user.keyboard('{Enter}')
  const menu = await screen.findByRole('menu')
  const items = within(menu).getAllByRole('menuitem')
  expect(items.map((i) => i.textContent)).toEqual([
    'Add Production Pipeline',
    'Add Non-Production Pipeline',
    expect.stringContaining('Add Production Only Pipeline'),
  ])
  const prodOnly = items[2] as HTMLElement
  const reason = 'Add a stage-only pipeline first: a production only pipeline promotes its builds.'
  // The reason is visible under the entry…
  expect(within(prodOnly).getByText(reason)).toBeTruthy()
  // …and reachable by keyboard: the entry stays focusable, and Enter opens the explanation
  // instead of the dialog. (happy-dom does not run RAC's initial menu autofocus, so focus it.)
  act(() => prodOnly.focus())
  await user.keyboard('{Enter}')
  const help = await screen.findByRole('dialog', { name: 'Unavailable' })
  expect(within(help).getByText(reason)).toBeTruthy()
  expect(screen.queryByRole('dialog', { name: 'Add Production Only Pipeline' })).toBeNull()
})
