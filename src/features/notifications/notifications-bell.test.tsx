import { screen, waitFor, within } from '@testing-library/react'
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event'
import { beforeEach, expect, test } from 'vitest'
import type { Role } from '../../contract/resources'
import { startExecution } from '../../engine/executions'
import { advanceUntilWaiting } from '../../sim/http/handlers/sim-advance'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'

const DAY = 24 * 3600 * 1000

beforeEach(() => localStorage.clear())

/** The coupled production pipeline, started and run until it waits for approval; opens the programs page. */
function waitingForApproval(runtime: SimRuntime): string {
  const pipeline = runtime.engine.state.pipelines[0]!
  runtime.engine.mutate(() =>
    startExecution(
      runtime.engine.ctx,
      { roles: ['deployment-manager'], userId: 'dan@AdobeID' },
      pipeline.programId,
      pipeline.id,
      {
        mode: 'NORMAL',
      },
    ),
  )
  const result = advanceUntilWaiting(runtime, 30 * DAY)
  expect(result.waiting.map((w) => w.stepAction)).toEqual(['approval'])
  return '/programs'
}

const render = (role: Role) => {
  const app = renderApp(waitingForApproval, { scenario: 'coupled-pipeline', role })
  return { ...app, user: userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never }) }
}

test('the bell counts unread notifications and lists the waiting-for-approval event, linking to the execution', async () => {
  const { user, runtime, router } = render('deployment-manager')
  const execution = runtime.engine.state.executions.at(-1)!
  const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' })
  await user.click(bell)
  const panel = await screen.findByRole('dialog', { name: 'Notifications' })
  const list = within(panel).getByRole('list', { name: 'Notifications' })
  const items = within(list).getAllByRole('listitem')
  // Newest first: waiting for approval, then started.
  expect(items.map((i) => within(i).getByRole('link').textContent)).toEqual([
    'Production Pipeline is waiting for approval (unread)',
    'Production Pipeline started (unread)',
  ])
  expect(items[0]!.textContent).toContain(`Execution #${execution.id} · Fresh Program`)

  await user.click(within(panel).getByRole('button', { name: 'Mark all as read' }))
  await waitFor(() => expect(screen.getAllByRole('button', { name: 'Notifications' }).length).toBeGreaterThan(0))
  expect(within(panel).getByRole('link', { name: 'Production Pipeline is waiting for approval' })).toBeTruthy()
  expect(localStorage.getItem('pipeline-console.notifications.read.deployment-manager')).not.toBeNull()

  await user.click(within(panel).getByRole('link', { name: 'Production Pipeline is waiting for approval' }))
  await waitFor(() =>
    expect(router.state.location.pathname).toBe(
      `/program/${execution.programId}/pipeline/${execution.pipelineId}/execution/${execution.id}`,
    ),
  )
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull())
})

test('approval notifications are not sent to developers; read state is kept per role', async () => {
  localStorage.setItem('pipeline-console.notifications.read.deployment-manager', '999999')
  const { user } = render('developer')
  await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }))
  const panel = await screen.findByRole('dialog', { name: 'Notifications' })
  expect(
    within(panel)
      .getAllByRole('link')
      .map((l) => l.textContent),
  ).toEqual(['Production Pipeline started (unread)'])
})
