import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, expect, test } from 'vitest'
import { firstProgramId, renderApp } from '../../../testing/render-app'
import { isDisabled, openAddPipelineDialog, programPage } from '../../../testing/ui'

// The dialog is loaded lazily; load it once up front so the first test does not wait on it.
beforeAll(async () => {
  await import('./add-pipeline-dialog')
})

const CS_ONLY = ['Pause before deploying to Production', 'Product Functional Testing', 'Custom UI Testing']
const AMS_ONLY = ['Approve after Stage Deployment', 'Skip Load Balancer changes', 'Use Go Live Approval', 'Use CSE Oversight']

const checkbox = (dialog: HTMLElement, name: string) => within(dialog).queryByRole('checkbox', { name })

test('AMS Add Production Pipeline: STAGE and PRODUCTION options, dispatcher paths checked inline, no CS-only option; the API gets the AMS settings', {
  timeout: 90_000,
}, async () => {
  const app = renderApp(programPage('pipelines'), { scenario: 'ams-program' })
  const { user } = app
  const dialog = await openAddPipelineDialog(app, 'Add Production Pipeline')
  await user.type(within(dialog).getByRole('textbox', { name: /Pipeline Name/ }), 'AMS Release')
  for (const name of AMS_ONLY) expect(checkbox(dialog, name), name).toBeTruthy()
  for (const name of CS_ONLY) expect(checkbox(dialog, name), name).toBeNull()
  expect(within(dialog).getByRole('button', { name: 'STAGE' }).getAttribute('aria-expanded')).toBe('true')

  await user.click(checkbox(dialog, 'Use Go Live Approval')!)
  await user.click(checkbox(dialog, 'Skip Load Balancer changes')!)
  expect(within(dialog).queryByRole('radio', { name: 'My CSE' })).toBeNull()
  await user.click(checkbox(dialog, 'Use CSE Oversight')!)
  await user.click(within(dialog).getByRole('radio', { name: 'My CSE' }))

  // Production's dispatcher paths: empty state, a bad path refused where it was typed, then added.
  const prod = within(dialog).getByRole('group', { name: 'Production Dispatcher Configuration' })
  expect(within(prod).getByText('No path is configured for invalidation or flush.')).toBeTruthy()
  const path = within(prod).getByRole('textbox', { name: 'Path' }) as HTMLInputElement
  await user.type(path, 'content{Enter}')
  expect(await within(prod).findByText('A dispatcher path must start with "/".')).toBeTruthy()
  expect(path.value).toBe('content')
  await user.clear(path)
  await user.click(within(prod).getByRole('radio', { name: 'Invalidate' }))
  await user.type(path, '/content/site{Enter}')
  const table = await within(prod).findByRole('table', { name: 'Production dispatcher paths' })
  expect(within(table).getByText('/content/site')).toBeTruthy()
  expect(within(table).getByText('Invalidate')).toBeTruthy()

  await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  await within(dialog).findByRole('radio', { name: /Web Tier Config/ })
  expect(
    within(dialog)
      .getByRole('radio', { name: /Full Stack Code/ })
      .getAttribute('aria-checked') ?? '',
  ).not.toBe('false')
  expect(within(dialog).queryByRole('radio', { name: /Targeted Deployment/ })).toBeNull()
  expect(within(dialog).queryByText('Build Strategy')).toBeNull()
  const next = within(dialog).getByRole('button', { name: 'Continue' })
  await waitFor(() => expect(isDisabled(next)).toBe(false))
  await user.click(next)

  expect(
    within(dialog)
      .getByRole('tab', { name: /Stage Testing/ })
      .getAttribute('aria-selected'),
  ).toBe('true')
  await user.click(within(dialog).getByRole('switch', { name: /Other Live Pages/ }))
  expect(within(dialog).getByRole('switch', { name: /Popular Live Pages \(50%\)/ })).toBeTruthy()

  // Custom assets test files: the note, a PDF chosen through the file picker, an image refused as a PDF.
  const testFiles = within(dialog).getByRole('group', { name: 'Test files' })
  expect(within(testFiles).getByText('If you do not upload images or PDFs here, default assets will be used.')).toBeTruthy()
  const picker = testFiles.querySelector('input[type="file"]') as HTMLInputElement
  expect(picker.accept).toBe('.pdf')
  fireEvent.change(picker, { target: { files: [new File(['%PDF'], 'brochure.pdf', { type: 'application/pdf' })] } })
  const filesTable = await within(testFiles).findByRole('table', { name: 'Assets test files' })
  expect(within(filesTable).getByRole('row', { name: /PDF brochure\.pdf/ })).toBeTruthy()
  fireEvent.change(picker, { target: { files: [new File(['x'], 'hero.png', { type: 'image/png' })] } })
  expect((await within(testFiles).findByRole('alert')).textContent).toBe('"hero.png" is not a PDF file: use .pdf.')
  await user.click(within(testFiles).getByRole('radio', { name: 'Image' }))
  expect(picker.accept).toContain('.png')
  fireEvent.change(picker, { target: { files: [new File(['x'], 'hero.png', { type: 'image/png' })] } })
  expect(within(filesTable).getByRole('row', { name: /Image hero\.png/ })).toBeTruthy()
  // Not saved yet: a file added in this dialog can be removed again.
  await user.click(within(testFiles).getByRole('button', { name: 'Remove hero.png' }))
  expect(within(filesTable).queryByRole('row', { name: /hero\.png/ })).toBeNull()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await screen.findByText('AMS Release', { selector: 'span' })

  const created = app.runtime.engine.pipelines(firstProgramId(app.runtime)).find((p) => p.name === 'AMS Release')!
  expect(created.productionOptions).toMatchObject({ pauseBeforeProd: false, goLiveApproval: true, cseOversight: 'MY_CSE' })
  expect(created.skipDetachingDispatchers).toBe(true)
  expect(created.dispatcherPaths.prod).toEqual([{ path: '/content/site', type: 'INVALIDATE' }])
  expect(created.stageTesting.sitesPageSets).toEqual(['POPULAR', 'NEW'])
  expect(created.stageTesting.assetsTestFiles).toEqual([{ format: 'PDF', fileName: 'brochure.pdf' }])
})

test('AMS Non-Production Pipeline: deployments get Skip Load Balancer changes and Dispatcher Configuration, code quality pipelines none', async () => {
  const app = renderApp(programPage('pipelines'), { scenario: 'ams-program' })
  const nonProd = await openAddPipelineDialog(app, 'Add Non-Production Pipeline')
  expect(checkbox(nonProd, 'Skip Load Balancer changes')).toBeTruthy()
  expect(within(nonProd).getByRole('group', { name: /Dispatcher Configuration/ })).toBeTruthy()
  // Approve after Stage Deployment is an edit-only option of stage-only pipelines (spec §C.4).
  expect(checkbox(nonProd, 'Approve after Stage Deployment')).toBeNull()
  await app.user.click(within(nonProd).getByRole('radio', { name: 'Code Quality Pipeline' }))
  expect(checkbox(nonProd, 'Skip Load Balancer changes')).toBeNull()
})

test('a Cloud Service program offers none of the AMS options', async () => {
  const cs = renderApp(programPage('pipelines'))
  const csDialog = await openAddPipelineDialog(cs, 'Add Production Pipeline')
  for (const name of AMS_ONLY) expect(checkbox(csDialog, name), name).toBeNull()
  expect(within(csDialog).queryByRole('group', { name: /Dispatcher Configuration/ })).toBeNull()
})
