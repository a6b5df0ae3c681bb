/**
 * The Pipelines screens under transport faults set through `/__sim/transport-faults`: a failed
 * load offers Try again, a failed save keeps what was typed, and a start is sent once per press.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { seedPipelines } from '../../testing/pipelines'
import { firstProgramId, renderApp } from '../../testing/render-app'
import { addTransportFault, countExecutions, listTransportFaults, START_ROUTE, simApi } from '../../testing/sim-api'
import { isDisabled, openAddPipelineDialog, programPage } from '../../testing/ui'
import type { Pipeline } from '../../contract/resources'

const NETWORK_ERROR = /Network error: no answer came from the server/
const SERVER_ERROR = /Server error \(HTTP 500\)/

test('a list that fails to load says why and offers Try again, which loads it', async () => {
  let programId = ''
  const app = renderApp((runtime) => {
    programId = firstProgramId(runtime)
    seedPipelines(runtime, ['Quality'])
    return '/programs'
  })
  await screen.findByText('Fresh Program')
  await addTransportFault({ method: 'GET', path: '/api/program/*/pipelines', kind: 'network', count: 1 })
  await app.router.navigate(`/program/${programId}/pipelines`)

  const alert = await screen.findByText('Could not load pipelines')
  const failure = alert.closest('[role="alert"]') ?? (alert.parentElement as HTMLElement)
  expect(within(failure as HTMLElement).getByText(NETWORK_ERROR)).toBeTruthy()
  expect(screen.queryByRole('grid', { name: 'Pipelines' })).toBeNull()

  await app.user.click(screen.getByRole('button', { name: 'Try again' }))
  const table = await screen.findByRole('grid', { name: 'Pipelines' })
  expect(within(table).getByText('Quality')).toBeTruthy()
  expect(screen.queryByText('Could not load pipelines')).toBeNull()
})

test('Save that fails with a server error, then a network error, keeps what was typed; Save again creates one pipeline', async () => {
  let programId = ''
  const app = renderApp((runtime) => {
    programId = firstProgramId(runtime)
    return programPage('pipelines')(runtime)
  })
  await addTransportFault({ method: 'POST', path: '/api/program/*/pipelines', kind: 'error500', count: 1 })
  await addTransportFault({ method: 'POST', path: '/api/program/*/pipelines', kind: 'network', count: 1 })

  const dialog = await openAddPipelineDialog(app, 'Add Non-Production Pipeline')
  await app.user.click(within(dialog).getByRole('radio', { name: 'Code Quality Pipeline' }))
  await app.user.type(within(dialog).getByRole('textbox', { name: /Pipeline Name/ }), 'Nightly quality')
  await app.user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  const save = await within(dialog).findByRole('button', { name: 'Save' })
  await waitFor(() => expect(isDisabled(save)).toBe(false))

  await app.user.click(save)
  expect(await within(dialog).findByText('The pipeline was not saved')).toBeTruthy()
  expect(within(dialog).getByText(SERVER_ERROR)).toBeTruthy()

  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByText(NETWORK_ERROR)).toBeTruthy()
  // Still the same dialog with the same answers: the name on the first tab, the branch on this one.
  expect((within(dialog).getByRole('combobox', { name: /Git Branch/ }) as HTMLInputElement).value).toBe('main')
  await app.user.click(within(dialog).getByRole('tab', { name: /Configuration/ }))
  expect((within(dialog).getByRole('textbox', { name: /Pipeline Name/ }) as HTMLInputElement).value).toBe('Nightly quality')
  expect((within(dialog).getByRole('radio', { name: 'Code Quality Pipeline' }) as HTMLInputElement).checked).toBe(true)

  await app.user.click(within(dialog).getByRole('tab', { name: /Source Code/ }))
  await app.user.click(await within(dialog).findByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add Non-Production Pipeline' })).toBeNull())
  expect(await within(await screen.findByRole('grid', { name: 'Pipelines' })).findByText('Nightly quality')).toBeTruthy()
  const list = await simApi<{ _embedded: { pipelines: Pipeline[] } }>(`/api/program/${programId}/pipelines`)
  expect(list._embedded.pipelines.filter((p) => p.name === 'Nightly quality')).toHaveLength(1)
})

test('a Run that fails is offered again from its message, and starts exactly one execution', async () => {
  let programId = ''
  let pipelineId = ''
  const app = renderApp((runtime) => {
    programId = firstProgramId(runtime)
    pipelineId = seedPipelines(runtime, ['Quality'])[0] as string
    return programPage('pipelines')(runtime)
  })
  await addTransportFault({ method: 'PUT', path: START_ROUTE, kind: 'error500', count: 1 })

  await app.user.click(await screen.findByRole('button', { name: 'Actions for Quality' }))
  await app.user.click(await screen.findByRole('menuitem', { name: /^Run/ }))
  const message = await screen.findByText(/"Quality" did not start: Server error \(HTTP 500\)/)
  expect(await countExecutions(programId, pipelineId)).toBe(0)

  const toast = message.closest('[role="alertdialog"]') as HTMLElement
  await app.user.click(within(toast).getByRole('button', { name: 'Try again' }))
  await screen.findByText(/"Quality" started \(execution \d+\)/)
  expect(await countExecutions(programId, pipelineId)).toBe(1)
})

test('a double click on Build sends one start and starts one execution', async () => {
  const app = renderApp('/program/1/overview', { scenario: 'coupled-pipeline' })
  // A slow answer keeps the first start in flight while the second click lands; each start it delays counts down.
  await addTransportFault({ method: 'PUT', path: START_ROUTE, kind: 'latency', ms: 300, count: 5 })
  const cta = await screen.findByRole('region', { name: 'Deploy to production' })
  const deploy = within(cta).getByRole('button', { name: 'Deploy' })
  await expect.poll(() => isDisabled(deploy)).toBe(false)
  await app.user.click(deploy)
  const dialog = await screen.findByRole('dialog', { name: 'Deploy to production' })
  // Both presses land before React re-renders the button as pending: the worst case of a double click.
  const build = within(dialog).getByRole('button', { name: 'Build' })
  act(() => {
    fireEvent.click(build)
    fireEvent.click(build)
  })

  await waitFor(() => expect(app.router.state.location.pathname).toMatch(/\/pipeline\/\d+\/execution\/\d+$/))
  expect((await listTransportFaults())[0]?.remaining).toBe(4)
  const [, pipelineId] = /\/pipeline\/(\d+)\//.exec(app.router.state.location.pathname) ?? []
  expect(await countExecutions('1', pipelineId as string)).toBe(1)
})
