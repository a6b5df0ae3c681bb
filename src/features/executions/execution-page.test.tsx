import { act, screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import { startExecution } from '../../engine/executions'
import type { Actor } from '../../engine/model'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'
import { isDisabled } from '../../testing/ui'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }
const HOUR = 3_600_000

/** Starts the coupled scenario's production pipeline and runs it `ms` of virtual time. */
function runCoupled(ms: number) {
  return (runtime: SimRuntime) => {
    const program = runtime.engine.listPrograms()[0]!
    const pipeline = runtime.engine.ctx.pipelinesOf(program.id)[0]!
    const e = runtime.engine.mutate(() => startExecution(runtime.engine.ctx, DAN, program.id, pipeline.id))
    if (ms > 0) runtime.advance(ms)
    return paths.execution.getHref(program.id, pipeline.id, e.id)
  }
}

const stepCard = (name: string) => screen.getByRole('article', { name })
const summary = () => screen.getByRole('region', { name: 'Execution summary' })

test('a coupled run paused before production: Approve, and the production deploy runs', async () => {
  const { user } = renderApp(runCoupled(2 * HOUR), { scenario: 'coupled-pipeline' })
  expect(await screen.findByRole('heading', { level: 1, name: 'Production Pipeline' })).toBeTruthy()
  expect(screen.getByText('Production')).toBeTruthy()
  expect(within(summary()).getByText('In progress')).toBeTruthy()
  // The phase groups, each a heading, with only this execution's steps.
  for (const group of ['Stage Deployment', 'Stage Testing', 'Production Deployment'])
    expect(screen.getByRole('heading', { level: 2, name: group })).toBeTruthy()
  expect(within(stepCard('Validation')).getByText('Passed')).toBeTruthy()
  expect(within(stepCard('Build & Unit Testing')).getByText('Succeeded')).toBeTruthy()
  expect(within(stepCard('Deploy to Stage')).getByText('Completed')).toBeTruthy()
  expect(screen.queryByRole('article', { name: 'Custom UI Testing' })).toBeNull()

  const approval = stepCard('Approval')
  expect(await within(approval).findByText(/^13 days \d+ hours? left before the 14-day timeout/)).toBeTruthy()
  await user.click(within(approval).getByRole('button', { name: 'Approve' }))
  const dialog = await screen.findByRole('alertdialog', { name: 'Approve the production deployment?' })
  await user.click(within(dialog).getByRole('button', { name: 'Approve' }))

  const deploy = stepCard('Deploy to Production')
  await waitFor(() => expect(within(deploy).getAllByText('In progress').length).toBeGreaterThan(0))
  expect(within(stepCard('Approval')).getByText('Approved')).toBeTruthy()
  // The rolling sequence, live: author first.
  expect(within(deploy).getByRole('status').textContent).toMatch(/Deploy AEM packages to author \(1 of \d+\)/)
  expect(within(deploy).getByRole('list', { name: 'Rolling deployment' })).toBeTruthy()
})

test('a Developer sees the approval buttons disabled with the reason', async () => {
  renderApp(runCoupled(2 * HOUR), { scenario: 'coupled-pipeline', role: 'developer' })
  const approval = await screen.findByRole('article', { name: 'Approval' })
  const approve = within(approval).getByRole('button', { name: 'Approve' })
  expect(isDisabled(approve)).toBe(true)
  // The reason is written next to it and reachable by keyboard through the help button.
  expect(within(approval).getAllByText(/permission/i).length).toBeGreaterThan(0)
  expect(within(approval).getByRole('button', { name: /Why Approve is unavailable/ })).toBeTruthy()
})

test('engine changes reach the page through the push channel', async () => {
  const { runtime } = renderApp(runCoupled(0), { scenario: 'coupled-pipeline' })
  const validation = await screen.findByRole('article', { name: 'Validation' })
  expect(within(validation).getByText('In progress')).toBeTruthy()
  // The clock is paused: only the test moves it. Nothing polls (the stream is up), yet the DOM follows.
  act(() => runtime.advance(10_000))
  await waitFor(() => expect(within(screen.getByRole('article', { name: 'Validation' })).getByText('Passed')).toBeTruthy(), {
    timeout: 1_500,
  })
  expect(within(screen.getByRole('article', { name: 'Build & Unit Testing' })).getByText('In progress')).toBeTruthy()
})

test('Cancel in the header stops the running execution', async () => {
  const { user } = renderApp(runCoupled(60_000), { scenario: 'coupled-pipeline' })
  await screen.findByRole('heading', { level: 1, name: 'Production Pipeline' })
  await user.click(screen.getByRole('button', { name: 'Cancel' }))
  const dialog = await screen.findByRole('alertdialog', { name: 'Cancel the execution?' })
  await user.click(within(dialog).getByRole('button', { name: 'Cancel execution' }))
  await waitFor(() => expect(within(summary()).getByText('Cancelled')).toBeTruthy())
  expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
})
