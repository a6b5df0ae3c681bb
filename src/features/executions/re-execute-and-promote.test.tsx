import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import type { SimRuntime } from '../../sim/runtime'
import { failedProdDeploy } from '../../testing/executions'
import { renderApp } from '../../testing/render-app'
import { isDisabled } from '../../testing/ui'

test('Re-execute on the last execution after a production deploy fault; the older one says why not', async () => {
  let failed = ''
  const { user, router } = renderApp(
    (runtime) => {
      const e = failedProdDeploy(runtime)
      failed = e.id
      return paths.execution.getHref(e.programId, e.pipelineId, e.id)
    },
    { scenario: 'coupled-pipeline' },
  )
  const summary = await screen.findByRole('region', { name: 'Execution summary' })
  expect(within(summary).getByText('Failed')).toBeTruthy()
  const deploy = screen.getByRole('article', { name: 'Deploy to Production' })
  expect(within(deploy).getByRole('button', { name: 'Download build log' })).toBeTruthy()
  await user.click(within(deploy).getByRole('button', { name: 'Re-execute' }))
  const dialog = await screen.findByRole('alertdialog', { name: 'Re-execute the production deployment?' })
  await user.click(within(dialog).getByRole('button', { name: 'Re-execute' }))

  // The new execution: trigger re-execute, three steps, the build copying artifacts.
  await waitFor(() => expect(router.state.location.pathname).not.toMatch(new RegExp(`/execution/${failed}$`)))
  expect(await screen.findByRole('article', { name: 'Build & Unit Testing (Copying artifacts)' })).toBeTruthy()
  expect(screen.getByText('re-execute')).toBeTruthy()
  expect(screen.getAllByRole('article')).toHaveLength(3)

  // Back on the failed execution, which is no longer the last: no Re-execute, and the reason.
  await router.navigate(router.state.location.pathname.replace(/\d+$/, failed))
  expect(await screen.findByText(`Execution ${failed}`)).toBeTruthy()
  const old = screen.getByRole('article', { name: 'Deploy to Production' })
  const button = within(old).getByRole('button', { name: 'Re-execute' })
  expect(isDisabled(button)).toBe(true)
  expect(within(old).getByText(/only available for the last execution/)).toBeTruthy()
})

/** The split scenario's stage-only executions, oldest first. */
function stageOnlyRuns(runtime: SimRuntime) {
  const ctx = runtime.engine.ctx
  const program = runtime.engine.listPrograms()[0]!
  const stageOnly = ctx.pipelinesOf(program.id).find((p) => p.category === 'stageOnly')!
  return stageOnly.executionIds.map((id) => ctx.findExecution(id)!)
}

test('Promote Build only on the latest successful stage-only execution', async () => {
  renderApp(
    (runtime) => {
      const older = stageOnlyRuns(runtime)[0]!
      return paths.execution.getHref(older.programId, older.pipelineId, older.id)
    },
    { scenario: 'split-pipelines' },
  )
  const heading = await screen.findByRole('heading', { level: 2, name: 'Promote Build' })
  const group = heading.closest('section') as HTMLElement
  await waitFor(() =>
    expect(within(group).getByText(/Only the latest successful stage-only execution can be promoted/)).toBeTruthy(),
  )
  expect(isDisabled(within(group).getByRole('button', { name: 'Promote Build' }))).toBe(true)
})

test('Promote Build runs the prod-only pipeline and opens its execution with the artifact sources', async () => {
  let newer = ''
  const { user } = renderApp(
    (runtime) => {
      const e = stageOnlyRuns(runtime)[1]!
      newer = e.id
      return paths.execution.getHref(e.programId, e.pipelineId, e.id)
    },
    { scenario: 'split-pipelines' },
  )
  const heading = await screen.findByRole('heading', { level: 2, name: 'Promote Build' })
  const group = heading.closest('section') as HTMLElement
  const promote = await within(group).findByRole('button', { name: 'Promote Build' })
  await waitFor(() => expect(isDisabled(promote)).toBe(false))
  await user.click(promote)
  const dialog = await screen.findByRole('alertdialog', { name: 'Run Pipeline' })
  expect(within(dialog).getByText(/Promoted build: version/)).toBeTruthy()
  expect(within(dialog).getByText(/Production now: nothing has been deployed to production yet/)).toBeTruthy()
  await user.click(within(dialog).getByRole('button', { name: 'Run' }))

  expect(await screen.findByRole('heading', { level: 1, name: 'Prod Only Pipeline' })).toBeTruthy()
  const prep = await screen.findByRole('article', { name: 'Artifact Preparation' })
  expect(screen.getByRole('heading', { level: 2, name: 'Deployment Preparation' })).toBeTruthy()
  await waitFor(() => expect(within(prep).getAllByRole('link', { name: newer })).toHaveLength(2))
  expect(within(prep).getByText(/Artifacts built by/)).toBeTruthy()
  expect(within(prep).getByText(/Artifacts validated by/)).toBeTruthy()
})
