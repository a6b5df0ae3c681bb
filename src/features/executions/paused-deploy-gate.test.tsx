import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import type { Role } from '../../contract/resources'
import { addFault } from '../../engine/faults'
import type { SimRuntime } from '../../sim/runtime'
import { amsProductionPipeline, runAms } from '../../testing/ams-runs'
import { renderApp } from '../../testing/render-app'

/** An AMS production run whose stage deploy is paused by a PAUSED fault. */
function pausedAtStage(runtime: SimRuntime): string {
  const { engine } = runtime
  const pipeline = amsProductionPipeline(runtime)
  const e = runAms(runtime, pipeline, {
    before: () => addFault(engine.ctx, { pipelineId: pipeline.id, action: 'deploy', environmentType: 'stage', status: 'PAUSED' }),
  })
  expect(e.steps.find((s) => s.status === 'WAITING')?.action).toBe('deploy')
  return paths.execution.getHref(pipeline.programId, pipeline.id, e.id)
}

const render = (role: Role) => renderApp(pausedAtStage, { scenario: 'ams-program', role })

test('a paused deploy says so; a Developer sees Resume and Stop unavailable, with the reason', async () => {
  render('developer')
  const card = await screen.findByRole('article', { name: 'Deploy to Stage' }, { timeout: 20_000 })
  expect(within(card).getByText('Paused', { selector: '*' })).toBeTruthy()
  expect(card.textContent).toMatch(/Deployment paused after "Detect the artifact types to deploy"/)
  const resume = within(card).getByRole('button', { name: 'Resume' })
  expect(resume.hasAttribute('disabled') || resume.getAttribute('aria-disabled') === 'true').toBe(true)
  const stop = within(card).getByRole('button', { name: 'Stop' })
  expect(stop.hasAttribute('disabled') || stop.getAttribute('aria-disabled') === 'true').toBe(true)
  expect(card.textContent).toMatch(/You don't have permission/)
}, 60_000)

test('a Deployment Manager resumes the paused deploy, which carries on', async () => {
  const app = render('deployment-manager')
  const card = await screen.findByRole('article', { name: 'Deploy to Stage' }, { timeout: 20_000 })
  await app.user.click(within(card).getByRole('button', { name: 'Resume' }))
  await waitFor(() =>
    expect(within(screen.getByRole('article', { name: 'Deploy to Stage' })).getAllByText('In progress').length).toBeGreaterThan(
      0,
    ),
  )
  expect(screen.getByRole('article', { name: 'Deploy to Stage' }).textContent).toMatch(/Resumed by/)
}, 60_000)

test('Stop asks first, then stops the deploy through advance and the execution is cancelled', async () => {
  const app = render('deployment-manager')
  const card = await screen.findByRole('article', { name: 'Deploy to Stage' }, { timeout: 20_000 })
  await app.user.click(within(card).getByRole('button', { name: 'Stop' }))
  const confirm = await screen.findByRole('alertdialog', { name: 'Stop the deployment?' })
  await app.user.click(within(confirm).getByRole('button', { name: 'Stop' }))
  await waitFor(() =>
    expect(within(screen.getByRole('article', { name: 'Deploy to Stage' })).getAllByText('Cancelled').length).toBeGreaterThan(0),
  )
  expect(screen.getByRole('article', { name: 'Deploy to Stage' }).textContent).toMatch(
    /stopped by dan|stopped by deployment-manager/,
  )
}, 60_000)
