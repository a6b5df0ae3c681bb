import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, expect, test } from 'vitest'
import { firstProgramId, renderApp } from '../../../testing/render-app'
import { isDisabled, openAddPipelineDialog, programPage } from '../../../testing/ui'
import { loadPipelineDraft, savePipelineDraft } from './pipeline-draft'
import { forgetPipelineDraft } from './pipeline-draft-storage'
import { emptyForm } from './pipeline-form'

afterEach(() => sessionStorage.clear())

const nameField = (dialog: HTMLElement) => within(dialog).getByRole('textbox', { name: /Pipeline Name/ }) as HTMLInputElement

test('a draft reads back whole, and anything that is not a whole draft reads as none', () => {
  const draft = { form: { ...emptyForm(), name: 'Nightly' }, tab: 'source' as const }
  savePipelineDraft('p1', 'production', draft)
  expect(loadPipelineDraft('p1', 'production')).toEqual(draft)
  expect(loadPipelineDraft('p1', 'nonProduction')).toBeUndefined()
  expect(loadPipelineDraft('p2', 'production')).toBeUndefined()
  const key = 'pipeline-console:add-pipeline-draft:p1:production'
  for (const broken of ['{', '[]', JSON.stringify({ ...draft, extra: 1 }), JSON.stringify({ ...draft, tab: 'other' })]) {
    sessionStorage.setItem(key, broken)
    expect(loadPipelineDraft('p1', 'production')).toBeUndefined()
  }
  sessionStorage.setItem(key, JSON.stringify({ ...draft, form: { ...draft.form, trigger: 'SOMETIMES' } }))
  expect(loadPipelineDraft('p1', 'production')).toBeUndefined()
  forgetPipelineDraft('p1', 'production')
  expect(sessionStorage.getItem(key)).toBeNull()
})

test('typing is kept as a draft while the dialog is open, with the dialog in the URL; closing forgets both', async () => {
  const app = renderApp(programPage('pipelines'))
  const programId = firstProgramId(app.runtime)
  const dialog = await openAddPipelineDialog(app, 'Add Non-Production Pipeline')
  expect(app.router.state.location.search).toBe('?add=nonProduction')
  await app.user.type(nameField(dialog), 'Nightly')
  await waitFor(() => expect(loadPipelineDraft(programId, 'nonProduction')?.form.name).toBe('Nightly'))
  await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(app.router.state.location.search).toBe('')
  expect(loadPipelineDraft(programId, 'nonProduction')).toBeUndefined()
})

test('after a reload the dialog reopens on the same step with what was typed, and Start over clears it', async () => {
  const app = renderApp((runtime) => {
    const draft = { form: { ...emptyForm(), name: 'Nightly', nonProdKind: 'codeQuality' as const }, tab: 'source' as const }
    savePipelineDraft(firstProgramId(runtime), 'nonProduction', draft)
    return `${programPage('pipelines')(runtime)}?add=nonProduction`
  })
  const dialog = await screen.findByRole('dialog', { name: 'Add Non-Production Pipeline' })
  expect(await within(dialog).findByText('Restored what was typed before the page was reloaded')).toBeTruthy()
  expect(
    within(dialog)
      .getByRole('tab', { name: /Source Code/ })
      .getAttribute('aria-selected'),
  ).toBe('true')
  await app.user.click(within(dialog).getByRole('tab', { name: /Configuration/ }))
  expect(nameField(dialog).value).toBe('Nightly')
  expect((within(dialog).getByRole('radio', { name: 'Code Quality Pipeline' }) as HTMLInputElement).checked).toBe(true)
  await app.user.click(within(dialog).getByRole('button', { name: 'Start over' }))
  await waitFor(() => expect(nameField(dialog).value).toBe(''))
  expect(within(dialog).queryByText('Restored what was typed before the page was reloaded')).toBeNull()
})

test('a kind the program no longer allows is not reopened after a reload', async () => {
  renderApp((runtime) => `${programPage('pipelines')(runtime)}?add=prodOnly`)
  // fresh-program has no stage-only pipeline, so Add Production Only Pipeline is unavailable.
  const add = await screen.findByRole('button', { name: 'Add Pipeline' })
  await waitFor(() => expect(isDisabled(add)).toBe(false))
  expect(screen.queryByRole('dialog')).toBeNull()
})
