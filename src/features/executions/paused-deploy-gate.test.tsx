import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import type { Role } from '../../contract/resources'
import { runUntil, startExecution } from '../../engine/executions'
import { addFault } from '../../engine/faults'
import type { Actor } from '../../engine/model'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }

/** An AMS production run whose stage deploy is paused by a PAUSED fault. */
function pausedAtStage(runtime: SimRuntime): string {
  const { engine } = runtime
  const program = engine.listPrograms()[0]!
  const envs = engine.environments(program.id)
  const env = (type: string) => envs.find((e) => e.type === type)!.id
  const pipeline = engine.createPipeline(DAN, program.id, {
    name: 'AMS Release',
    category: 'production',
    repositoryId: engine.repositories(program.id)[0]!.id,
    branch: 'main',
    environmentIds: [env('stage'), env('prod')],
  })
  const e = engine.mutate(() => {
    addFault(engine.ctx, { pipelineId: pipeline.id, action: 'deploy', environmentType: 'stage', status: 'PAUSED' })
    const started = startExecution(engine.ctx, DAN, program.id, pipeline.id)
    runUntil(engine.ctx, () => started.steps.some((s) => s.status === 'WAITING'))
    return started
  })
  expect(e.steps.find((s) => s.status === 'WAITING')?.action).toBe('deploy')
  return paths.execution.getHref(program.id, pipeline.id, e.id)
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
