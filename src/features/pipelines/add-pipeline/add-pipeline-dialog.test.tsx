import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../../../testing/render-app'
import { isDisabled, openAddPipelineDialog, programPage } from '../../../testing/ui'

type App = ReturnType<typeof renderApp>

async function createCodeQualityPipeline(app: App, name: string) {
  const dialog = await openAddPipelineDialog(app, 'Add Non-Production Pipeline')
  await app.user.click(within(dialog).getByRole('radio', { name: 'Code Quality Pipeline' }))
  await app.user.type(within(dialog).getByRole('textbox', { name: /Pipeline Name/ }), name)
  await app.user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  // Source Code: the first repository and its `main` branch are preselected.
  const save = await within(dialog).findByRole('button', { name: 'Save' })
  await waitFor(() => expect(isDisabled(save)).toBe(false))
  await app.user.click(save)
  return dialog
}

test('creating a code quality pipeline shows it in the table', async () => {
  const app = renderApp(programPage('pipelines'))
  await createCodeQualityPipeline(app, 'Nightly quality')
  const table = await screen.findByRole('grid', { name: 'Pipelines' })
  const row = (await within(table).findByText('Nightly quality')).closest('[role="row"]') as HTMLElement
  expect(within(row).getByText('Non-Production · Code Quality')).toBeTruthy()
  expect(within(row).getByText('Not running')).toBeTruthy()
  expect(within(row).getByText('fresh-repo')).toBeTruthy()
  expect(within(row).getByText('main')).toBeTruthy()
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add Non-Production Pipeline' })).toBeNull())
})

test('a name over 64 characters is rejected inline and keeps Continue disabled', async () => {
  const app = renderApp(programPage('pipelines'))
  const dialog = await openAddPipelineDialog(app, 'Add Production Pipeline')
  const continueButton = within(dialog).getByRole('button', { name: 'Continue' })
  expect(isDisabled(continueButton)).toBe(true)
  const name = within(dialog).getByRole('textbox', { name: /Pipeline Name/ })
  await app.user.click(name)
  await app.user.paste('x'.repeat(65))
  expect(await within(dialog).findByText('Use at most 64 characters.')).toBeTruthy()
  expect(name.getAttribute('aria-invalid')).toBe('true')
  expect(isDisabled(continueButton)).toBe(true)
  await app.user.type(name, '{Backspace}')
  await waitFor(() => expect(within(dialog).queryByText('Use at most 64 characters.')).toBeNull())
  expect(isDisabled(continueButton)).toBe(false)
})

test('a duplicate name is refused by the server and shown next to the field, keeping what was typed', async () => {
  const app = renderApp(programPage('pipelines'))
  await createCodeQualityPipeline(app, 'Quality')
  await screen.findByText('Quality')
  const dialog = await createCodeQualityPipeline(app, 'quality')
  // The server's field error takes the user back to the tab with the name.
  const name = await within(dialog).findByRole('textbox', { name: /Pipeline Name/ })
  expect(await within(dialog).findByText('A pipeline named "quality" already exists in this program.')).toBeTruthy()
  expect((name as HTMLInputElement).value).toBe('quality')
  expect(name.getAttribute('aria-invalid')).toBe('true')
})
