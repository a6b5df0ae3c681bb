/**
 * Promote Build and Re-execute under transport faults set through `/__sim/transport-faults`: the
 * failure is told in the dialog, which stays open, and the action pressed again starts one execution.
 */
import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import { failedProdDeploy } from '../../testing/executions'
import { renderApp } from '../../testing/render-app'
import { addTransportFault, countExecutions, START_ROUTE } from '../../testing/sim-api'
import { isDisabled } from '../../testing/ui'

test('Promote Build: a network error is told in the dialog, and Run again starts the production only pipeline once', async () => {
  let programId = ''
  let prodOnlyId = ''
  const { user, router } = renderApp(
    (runtime) => {
      const ctx = runtime.engine.ctx
      programId = runtime.engine.listPrograms()[0]!.id
      const pipelines = ctx.pipelinesOf(programId)
      prodOnlyId = pipelines.find((p) => p.category === 'prodOnly')!.id
      const latest = ctx.findExecution(pipelines.find((p) => p.category === 'stageOnly')!.executionIds.at(-1)!)!
      return paths.execution.getHref(latest.programId, latest.pipelineId, latest.id)
    },
    { scenario: 'split-pipelines' },
  )
  await addTransportFault({ method: 'PUT', path: START_ROUTE, kind: 'network', count: 1 })
  const group = (await screen.findByRole('heading', { level: 2, name: 'Promote Build' })).closest('section') as HTMLElement
  const promote = await within(group).findByRole('button', { name: 'Promote Build' })
  await waitFor(() => expect(isDisabled(promote)).toBe(false))
  await user.click(promote)
  const dialog = await screen.findByRole('alertdialog', { name: 'Run Pipeline' })
  await user.click(within(dialog).getByRole('button', { name: 'Run' }))

  expect(await within(dialog).findByText(/Network error: no answer came from the server/)).toBeTruthy()
  expect(screen.getByRole('alertdialog', { name: 'Run Pipeline' })).toBe(dialog)
  expect(await countExecutions(programId, prodOnlyId)).toBe(0)

  await user.click(within(dialog).getByRole('button', { name: 'Run' }))
  await waitFor(() => expect(router.state.location.pathname).toContain(`/pipeline/${prodOnlyId}/execution/`))
  expect(screen.queryByRole('alertdialog', { name: 'Run Pipeline' })).toBeNull()
  expect(await countExecutions(programId, prodOnlyId)).toBe(1)
})

test('Re-execute: a server error is told in the dialog, and Re-execute again starts one execution', async () => {
  let failed = { programId: '', pipelineId: '', id: '' }
  const { user, router } = renderApp(
    (runtime) => {
      failed = failedProdDeploy(runtime)
      return paths.execution.getHref(failed.programId, failed.pipelineId, failed.id)
    },
    { scenario: 'coupled-pipeline' },
  )
  await addTransportFault({ method: 'PUT', path: START_ROUTE, kind: 'error500', count: 1 })
  const deploy = await screen.findByRole('article', { name: 'Deploy to Production' })
  await user.click(within(deploy).getByRole('button', { name: 'Re-execute' }))
  const dialog = await screen.findByRole('alertdialog', { name: 'Re-execute the production deployment?' })
  await user.click(within(dialog).getByRole('button', { name: 'Re-execute' }))

  expect(await within(dialog).findByText(/Server error \(HTTP 500\)/)).toBeTruthy()
  expect(await countExecutions(failed.programId, failed.pipelineId)).toBe(1)

  await user.click(within(dialog).getByRole('button', { name: 'Re-execute' }))
  await waitFor(() => expect(router.state.location.pathname).not.toMatch(new RegExp(`/execution/${failed.id}$`)))
  expect(await countExecutions(failed.programId, failed.pipelineId)).toBe(2)
})
