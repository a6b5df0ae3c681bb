import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import type { Role } from '../../contract/resources'
import type { SimRuntime } from '../../sim/runtime'
import { amsProductionPipeline, runAms } from '../../testing/ams-runs'
import { renderApp } from '../../testing/render-app'

/** An AMS production run with CSE oversight (My CSE), run until CSE Support waits. */
function waitingForCse(runtime: SimRuntime): string {
  const pipeline = amsProductionPipeline(runtime, {
    productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: false, cseOversight: 'MY_CSE' },
  })
  const e = runAms(runtime, pipeline)
  expect(e.steps.find((s) => s.status === 'WAITING')?.action).toBe('managed')
  return paths.execution.getHref(pipeline.programId, pipeline.id, e.id)
}

const render = (role: Role) => renderApp(waitingForCse, { scenario: 'ams-program', role })

test('CSE Support: everyone but the Customer Success Engineer reads who the step waits for, with no Start or Reject', async () => {
  render('deployment-manager')
  const card = await screen.findByRole('article', { name: 'CSE Support' }, { timeout: 20_000 })
  expect(within(card).getByRole('status').textContent).toMatch(/Customer Success Engineer/)
  expect(within(card).queryByRole('button', { name: 'Start' })).toBeNull()
  expect(within(card).queryByRole('button', { name: 'Reject' })).toBeNull()
  // AMS phase groups come from the execution.
  expect(screen.getByRole('navigation', { name: 'Phases' }).textContent).toContain('Production Deployment')
}, 60_000)

test('CSE Support: the Customer Success Engineer starts the production deployment', async () => {
  const app = render('cse')
  const card = await screen.findByRole('article', { name: 'CSE Support' }, { timeout: 20_000 })
  expect(within(card).getByRole('button', { name: 'Reject' })).toBeTruthy()
  await app.user.click(within(card).getByRole('button', { name: 'Start' }))
  const confirm = await screen.findByRole('alertdialog', { name: 'Start the production deployment?' })
  await app.user.click(within(confirm).getByRole('button', { name: 'Start' }))
  await waitFor(() => expect(within(screen.getByRole('article', { name: 'CSE Support' })).getByText('Started')).toBeTruthy())
  expect(
    within(screen.getByRole('article', { name: 'Deploy to Production' })).getAllByText('In progress').length,
  ).toBeGreaterThan(0)
}, 60_000)
