import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../../../testing/render-app'
import { openAddPipelineDialog, programPage } from '../../../testing/ui'

test('a production pipeline is configured over three tabs, saved, and then no second one is offered', async () => {
  const app = renderApp(programPage('pipelines'))
  const { user } = app
  const dialog = await openAddPipelineDialog(app, 'Add Production Pipeline')

  // Tabs after an incomplete one cannot be visited yet.
  expect(
    within(dialog)
      .getByRole('tab', { name: /Source Code/ })
      .getAttribute('aria-disabled'),
  ).toBe('true')
  await user.type(within(dialog).getByRole('textbox', { name: /Pipeline Name/ }), 'Release')
  await user.click(within(dialog).getByRole('radio', { name: 'On Git Changes' }))
  await user.click(within(dialog).getByRole('radio', { name: 'Fail Immediately' }))
  await user.click(within(dialog).getByRole('button', { name: 'Continue' }))

  const branch = await within(dialog).findByRole('combobox', { name: /Git Branch/ })
  await waitFor(() => expect((branch as HTMLInputElement).value).toBe('main'))
  await user.click(within(dialog).getByRole('checkbox', { name: 'Pause before deploying to Production' }))
  await user.click(within(dialog).getByRole('button', { name: 'Continue' }))

  expect(
    within(dialog)
      .getByRole('tab', { name: /Experience Audit/ })
      .getAttribute('aria-selected'),
  ).toBe('true')
  await user.type(await within(dialog).findByRole('textbox', { name: 'Page Path' }), '/us/en.html{Enter}')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const row = (await screen.findByText('Release')).closest('[role="row"]') as HTMLElement
  expect(within(row).getByText('Production')).toBeTruthy()
  expect(within(row).getByText('On Git Changes')).toBeTruthy()
  expect(within(row).getByText('fresh-stage +1')).toBeTruthy()

  await user.click(screen.getByRole('button', { name: 'Add Pipeline' }))
  const entry = await screen.findByRole('menuitem', { name: /Add Production Pipeline/ })
  await waitFor(() => expect(within(entry).getByText(/only one production pipeline/)).toBeTruthy())
})
