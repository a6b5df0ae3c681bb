import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { Role } from '../../../contract/resources'
import { renderApp } from '../../../testing/render-app'
import { seedPipelines, startPipeline } from '../../../testing/pipelines'
import { firstProgramId } from '../../../testing/render-app'
import { openPipelineVariables } from '../../../testing/ui'

async function openVariables(role: Role = 'deployment-manager', running = false) {
  const app = renderApp(
    (runtime) => {
      const [id] = seedPipelines(runtime, ['Quality'])
      if (running) startPipeline(runtime, id as string)
      return '/program/1/pipelines'
    },
    { role },
  )
  const dialog = await openPipelineVariables(app, 'Quality')
  return { app, dialog }
}

test('new variables are checked as typed (name pattern, secret length) and Save sends one PATCH; a deleted row sends an empty value', async () => {
  const { app, dialog } = await openVariables()
  expect(await within(dialog).findByText('This pipeline has no variables yet.')).toBeTruthy()
  await app.user.click(within(dialog).getByRole('button', { name: 'Add Variable' }))
  const name = within(dialog).getByRole('textbox', { name: 'Name of new variable 1' })
  await app.user.type(name, 'my-var')
  expect(await within(dialog).findByText(/Use letters, digits and underscores/)).toBeTruthy()
  expect(name.getAttribute('aria-invalid')).toBe('true')
  await app.user.clear(name)
  await app.user.type(name, 'MY_VAR')
  await app.user.type(within(dialog).getByLabelText('Value of new variable 1'), 'hello')

  // A second row: a secret over the limit is refused before anything is sent.
  await app.user.click(within(dialog).getByRole('button', { name: 'Add Variable' }))
  await app.user.type(within(dialog).getByRole('textbox', { name: 'Name of new variable 2' }), 'API_TOKEN')
  await app.user.click(within(dialog).getByRole('button', { name: /Type of new variable 2/ }))
  await app.user.click(await screen.findByRole('option', { name: 'Secret' }))
  const secret = within(dialog).getByLabelText('Value of new variable 2')
  await app.user.click(secret)
  await app.user.paste('s'.repeat(500))
  expect(await within(dialog).findByText(/A secret value must be shorter than 500 characters/)).toBeTruthy()
  await app.user.type(secret, '{Backspace}')
  await app.user.click(within(dialog).getByRole('button', { name: /Step applied of new variable 2/ }))
  await app.user.click(await screen.findByRole('option', { name: 'UI testing' }))
  expect(screen.getByRole('dialog', { name: 'Variables Configuration' })).toBe(dialog)
  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Variables Configuration' })).toBeNull())

  const stored = app.runtime.engine.pipelines('1')[0]!.variables
  expect(stored.map((v) => [v.name, v.type, v.service, v.value])).toEqual([
    ['MY_VAR', 'string', 'build', 'hello'],
    ['API_TOKEN', 'secretString', 'uiTest', undefined],
  ])

  // Reopened: the secret is masked, the plain value shown; deleting a row sends an empty value.
  await app.user.click(screen.getByRole('button', { name: 'Actions for Quality' }))
  await app.user.click(await screen.findByRole('menuitem', { name: /^View\/Edit variables/ }))
  const again = await screen.findByRole('dialog', { name: 'Variables Configuration' })
  expect(((await within(again).findByLabelText('Value of MY_VAR')) as HTMLInputElement).value).toBe('hello')
  const masked = within(again).getByLabelText('Value of API_TOKEN') as HTMLInputElement
  expect(masked.value).toBe('')
  expect(masked.type).toBe('password')
  await app.user.click(within(again).getByRole('button', { name: 'Delete MY_VAR' }))
  await app.user.click(within(again).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Variables Configuration' })).toBeNull())
  expect(app.runtime.engine.pipelines('1')[0]!.variables.map((v) => v.name)).toEqual(['API_TOKEN'])
})

test('a role that may not edit sees the variables read-only with the reason', async () => {
  const { dialog } = await openVariables('program-manager')
  expect(await within(dialog).findByText('Read only')).toBeTruthy()
  expect(within(dialog).getByText(/You don't have permission to edit pipeline variables/)).toBeTruthy()
  expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull()
  expect(within(dialog).queryByRole('button', { name: 'Add Variable' })).toBeNull()
})

test('while the pipeline runs the variables are read-only and say so', async () => {
  const { dialog } = await openVariables('deployment-manager', true)
  expect(
    await within(dialog).findByText(/"Quality" is running; its variables can be edited once the execution ends/),
  ).toBeTruthy()
  expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull()
})

test('when the pipeline starts while the dialog is open, Save shows the server’s refusal and keeps what was typed', async () => {
  const { app, dialog } = await openVariables()
  await app.user.click(await within(dialog).findByRole('button', { name: 'Add Variable' }))
  await app.user.type(within(dialog).getByRole('textbox', { name: 'Name of new variable 1' }), 'LATE')
  await app.user.type(within(dialog).getByLabelText('Value of new variable 1'), 'value')
  const id = app.runtime.engine.pipelines(firstProgramId(app.runtime))[0]!.id
  startPipeline(app.runtime, id)
  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByText('The variables were not saved')).toBeTruthy()
  expect(within(dialog).getByText(/"Quality" is running/)).toBeTruthy()
  expect((within(dialog).getByRole('textbox', { name: 'Name of new variable 1' }) as HTMLInputElement).value).toBe('LATE')
})
