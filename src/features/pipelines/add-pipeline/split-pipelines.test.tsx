import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../../../testing/render-app'
import { openAddPipelineDialog, programPage } from '../../../testing/ui'

type App = ReturnType<typeof renderApp>

async function pickOption({ user }: App, field: HTMLElement, option: string) {
  await user.click(field)
  await user.click(await screen.findByRole('option', { name: option }))
}

test('choosing a stage environment makes a stage-only pipeline with a Stage Testing tab, which unlocks Add Production Only Pipeline', async () => {
  const app = renderApp(programPage('pipelines'))
  const dialog = await openAddPipelineDialog(app, 'Add Non-Production Pipeline')
  await app.user.type(within(dialog).getByRole('textbox', { name: /Pipeline Name/ }), 'Stage only')
  await app.user.click(within(dialog).getByRole('button', { name: 'Continue' }))

  // Source Code: a dev environment makes this the last tab…
  const environment = await within(dialog).findByRole('button', { name: /Eligible Deployment Environments/ })
  await pickOption(app, environment, 'fresh-dev (dev)')
  expect(within(dialog).getByRole('button', { name: 'Save' })).toBeTruthy()
  // …a stage environment adds Stage Testing.
  await pickOption(app, environment, 'fresh-stage (stage)')
  expect(within(dialog).getByRole('tab', { name: /Stage Testing/ })).toBeTruthy()
  await app.user.click(within(dialog).getByRole('button', { name: 'Continue' }))

  const path = await within(dialog).findByRole('textbox', { name: 'Page Path' })
  await app.user.type(path, 'us/en.html{Enter}')
  expect(await within(dialog).findByText('A page path must start with "/".')).toBeTruthy()
  await app.user.clear(path)
  await app.user.type(path, '/us/en.html{Enter}')
  expect(within(dialog).getByRole('button', { name: 'Remove /us/en.html' })).toBeTruthy()
  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const row = (await screen.findByText('Stage only')).closest('[role="row"]') as HTMLElement
  expect(within(row).getByText('Non-Production · Deployment Stage')).toBeTruthy()

  // The program now allows a production only pipeline; its dialog warns about rollbacks.
  const prodOnly = await openAddPipelineDialog(app, 'Add Production Only Pipeline')
  expect(within(prodOnly).getByText('Risk of code rollbacks')).toBeTruthy()
  expect(within(prodOnly).queryByRole('button', { name: /Repository/ })).toBeNull()
  await app.user.type(within(prodOnly).getByRole('textbox', { name: /Pipeline Name/ }), 'Prod only')
  await app.user.click(within(prodOnly).getByRole('checkbox', { name: 'Pause before deploying to Production' }))
  await app.user.click(within(prodOnly).getByRole('button', { name: 'Save' }))
  const prodRow = (await screen.findByText('Prod only')).closest('[role="row"]') as HTMLElement
  expect(within(prodRow).getByText('Production Only')).toBeTruthy()
  expect(within(prodRow).getByText('fresh-prod')).toBeTruthy()
})
