import { screen, waitFor, within } from '@testing-library/react'
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event'
import { beforeEach, expect, test } from 'vitest'
import type { Notification } from '../../contract/notifications'
import { advanceStep, startExecution } from '../../engine/executions'
import type { Actor } from '../../engine/model'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'
import { notificationQueries } from '../../api/resources/activity'
import { toastText, toastTone } from './notification-toasts'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }
const HOUR = 3_600_000

beforeEach(() => localStorage.clear())

const pipelineOf = (runtime: SimRuntime) => runtime.engine.state.pipelines[0]!

function start(runtime: SimRuntime) {
  const p = pipelineOf(runtime)
  return runtime.engine.mutate(() => startExecution(runtime.engine.ctx, DAN, p.programId, p.id))
}

/** Approves the waiting production gate and runs the deploy to its end. */
function approveAndFinish(runtime: SimRuntime) {
  const e = runtime.engine.state.executions.at(-1)!
  const approval = e.steps.find((s) => s.status === 'WAITING')!
  const ref = {
    programId: e.programId,
    pipelineId: e.pipelineId,
    executionId: e.id,
    phaseId: approval.phaseId,
    stepId: approval.stepId,
  }
  runtime.engine.mutate(() => advanceStep(runtime.engine.ctx, DAN, ref, { kind: 'approve' }, { approved: true }))
  runtime.advance(HOUR)
  return e
}

/** Toasts are alert dialogs in the toast region; their text names the program. */
const toasts = () => screen.queryAllByText(/ · Fresh Program/).map((t) => t.closest('[role="alertdialog"]') as HTMLElement)

test('notifications of the current role toast as they arrive, one at a time, and View execution opens the execution', async () => {
  const app = renderApp(
    (runtime) => {
      start(runtime)
      runtime.advance(HOUR)
      return '/programs'
    },
    { scenario: 'coupled-pipeline' },
  )
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never })
  // The feed has loaded with what happened before the page opened: started, waiting for approval.
  await screen.findByRole('button', { name: 'Notifications, 2 unread' })
  expect(toasts()).toEqual([])

  const finished = approveAndFinish(app.runtime)
  await app.queryClient.invalidateQueries({ queryKey: notificationQueries.all() })
  await screen.findByText('Production Pipeline finished · Fresh Program')
  expect(toasts()).toHaveLength(1)

  // A newer one replaces it.
  const next = start(app.runtime)
  await app.queryClient.invalidateQueries({ queryKey: notificationQueries.all() })
  const started = await screen.findByText('Production Pipeline started · Fresh Program')
  await waitFor(() => expect(screen.queryByText('Production Pipeline finished · Fresh Program')).toBeNull())
  expect(toasts()).toHaveLength(1)
  expect(next.id).not.toBe(finished.id)

  const toast = started.closest('[role="alertdialog"]') as HTMLElement
  await user.click(within(toast).getByRole('button', { name: 'View execution' }))
  await waitFor(() =>
    expect(app.router.state.location.pathname).toBe(
      `/program/${next.programId}/pipeline/${next.pipelineId}/execution/${next.id}`,
    ),
  )
  await waitFor(() => expect(toasts()).toEqual([]))
})

test('several arriving together make one toast about the newest, counting the others', async () => {
  const app = renderApp('/programs', { scenario: 'coupled-pipeline' })
  await screen.findByRole('button', { name: 'Notifications' })
  await waitFor(() => expect(app.queryClient.getQueryData(notificationQueries.list().queryKey)).toBeDefined())
  start(app.runtime)
  app.runtime.advance(HOUR)
  await app.queryClient.invalidateQueries({ queryKey: notificationQueries.all() })
  await screen.findByText('Production Pipeline is waiting for approval · Fresh Program (and 1 more in Notifications)')
  expect(toasts()).toHaveLength(1)
})

test('a developer gets no toast for approvals, which are not sent to developers', async () => {
  const app = renderApp('/programs', { scenario: 'coupled-pipeline', role: 'developer' })
  await screen.findByRole('button', { name: 'Notifications' })
  await waitFor(() => expect(app.queryClient.getQueryData(notificationQueries.list().queryKey)).toBeDefined())
  start(app.runtime)
  app.runtime.advance(HOUR)
  await app.queryClient.invalidateQueries({ queryKey: notificationQueries.all() })
  await screen.findByText('Production Pipeline started · Fresh Program')
  expect(toasts()).toHaveLength(1)
})

test('the tone follows what happened', () => {
  const n = (over: Partial<Notification>) => ({ kind: 'ended', status: 'FINISHED', ...over }) as Notification
  expect(
    [
      n({}),
      n({ status: 'FAILED' }),
      n({ status: 'ERROR' }),
      n({ status: 'CANCELLED' }),
      n({ kind: 'waiting' }),
      n({ kind: 'started' }),
    ].map(toastTone),
  ).toEqual(['neutral', 'negative', 'negative', 'neutral', 'neutral', 'neutral'])
  expect(toastText(n({ pipelineName: 'P', programName: 'Q' }), 0)).toBe('P finished · Q')
})

test('switching roles toasts nothing for what the new role had already been sent', async () => {
  const app = renderApp(
    (runtime) => {
      start(runtime)
      runtime.advance(HOUR)
      return '/programs'
    },
    { scenario: 'coupled-pipeline', role: 'developer' },
  )
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never })
  await screen.findByRole('button', { name: 'Notifications, 1 unread' })
  await user.click(screen.getByRole('button', { name: /Role/ }))
  await user.click(await screen.findByRole('option', { name: 'Program Manager' }))
  // The program manager's feed has the approval the developer's had not.
  await screen.findByRole('button', { name: 'Notifications, 2 unread' })
  expect(toasts()).toEqual([])
  approveAndFinish(app.runtime)
  await app.queryClient.invalidateQueries({ queryKey: notificationQueries.all() })
  await screen.findByText('Production Pipeline finished · Fresh Program')
  expect(toasts()).toHaveLength(1)
})
