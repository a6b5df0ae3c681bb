/** The simulator panel's Network faults section, checked against `GET /__sim/transport-faults`. */
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event'
import { afterEach, expect, test } from 'vitest'
import { renderApp } from '../../testing/render-app'
import { listTransportFaults } from '../../testing/sim-api'
import { setSimulatorPanelOpen } from './panel-store'

afterEach(() => act(() => setSimulatorPanelOpen(false)))

async function openSection() {
  renderApp('/programs')
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never })
  await user.click(await screen.findByRole('button', { name: 'Simulator' }))
  const panel = await screen.findByRole('complementary', { name: 'Simulator' })
  // The panel's controls load when it first opens.
  return { user, section: await within(panel).findByRole('region', { name: 'Network faults' }) }
}

async function choose(user: ReturnType<typeof userEvent.setup>, section: HTMLElement, field: RegExp, option: string) {
  await user.click(within(section).getByRole('button', { name: field }))
  await user.click(await screen.findByRole('option', { name: option }))
}

test('network faults are checked as typed, added, listed, removed one by one and cleared', async () => {
  const { user, section } = await openSection()
  const s = within(section)
  expect(await s.findByText('No network faults.')).toBeTruthy()

  // Nothing is sent until the route is a path; the problems are said at their fields.
  await user.click(s.getByRole('button', { name: 'Add network fault' }))
  const route = s.getByRole('textbox', { name: /Route/ })
  expect(route.getAttribute('aria-invalid')).toBe('true')
  expect(s.getByText(/Enter the path of the requests to affect/)).toBeTruthy()
  await user.type(route, 'api/programs')
  expect(await s.findByText('A route starts with /.')).toBeTruthy()
  await user.clear(route)
  await user.type(route, '/api/programs')
  await waitFor(() => expect(route.getAttribute('aria-invalid')).toBeNull())

  await choose(user, section, /Fault/, 'Latency')
  const delay = s.getByRole('textbox', { name: /Delay/ })
  await user.clear(delay)
  await user.tab()
  expect(await s.findByText('Enter the delay in milliseconds.')).toBeTruthy()
  await user.type(delay, '500')
  const requests = s.getByRole('textbox', { name: /Requests/ })
  await user.clear(requests)
  await user.tab()
  await waitFor(() => expect(s.queryByText('Enter the delay in milliseconds.')).toBeNull())
  expect(await listTransportFaults()).toEqual([])
  await user.click(s.getByRole('button', { name: 'Add network fault' }))
  const list = await s.findByRole('list', { name: 'Active network faults' })
  expect(list.textContent).toContain('Any method /api/programs: 500 ms latency, every request until removed')
  expect(await listTransportFaults()).toEqual([
    { id: expect.any(String), path: '/api/programs', kind: 'latency', ms: 500, remaining: null },
  ])

  await user.clear(route)
  await user.type(route, '/api/program/*/pipelines')
  await choose(user, section, /Method/, 'GET')
  await choose(user, section, /Fault/, 'Network error')
  expect(s.queryByRole('textbox', { name: /Delay/ })).toBeNull()
  await user.type(requests, '2')
  await user.tab()
  await user.click(s.getByRole('button', { name: 'Add network fault' }))
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2))
  expect(within(list).getAllByRole('listitem')[1]?.textContent).toContain(
    'GET /api/program/*/pipelines: network error, next 2 requests',
  )
  expect((await listTransportFaults())[1]).toMatchObject({ method: 'GET', kind: 'network', remaining: 2 })

  await user.click(s.getByRole('button', { name: /^Remove Any method \/api\/programs/ }))
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1))
  expect((await listTransportFaults()).map((f) => f.path)).toEqual(['/api/program/*/pipelines'])
  expect(s.getByRole('status').textContent).toMatch(/^Removed: Any method \/api\/programs/)

  await user.click(s.getByRole('button', { name: 'Clear network faults' }))
  expect(await s.findByText('No network faults.')).toBeTruthy()
  expect(await listTransportFaults()).toEqual([])
})

test('a fault the simulator refuses is explained at its field and what was typed stays', async () => {
  const { user, section } = await openSection()
  const s = within(section)
  await user.type(s.getByRole('textbox', { name: /Route/ }), '/api')
  // Only the simulator knows its upper limit of requests.
  const requests = s.getByRole('textbox', { name: /Requests/ })
  await user.clear(requests)
  await user.type(requests, '2000000')
  await user.tab()
  await user.click(s.getByRole('button', { name: 'Add network fault' }))
  await waitFor(() => expect(requests.getAttribute('aria-invalid')).toBe('true'))
  expect(s.getByText(/1000000/)).toBeTruthy()
  expect((s.getByRole('textbox', { name: /Route/ }) as HTMLInputElement).value).toBe('/api')
  expect(await listTransportFaults()).toEqual([])
})
