import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { MemoryRouter } from 'react-router-dom'
import { afterEach, expect, onTestFinished, test, vi } from 'vitest'
import { setTokenProvider } from '../../api/http'
import { createQueryClient } from '../../api/query-client'
import { AppProviders } from '../../app/providers'
import { createRoleStore } from '../../app/role-store'
import { AppRoutes } from '../../app/routes'
import { createHandlers } from '../../sim/http/create-handlers'
import { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'

afterEach(() => vi.restoreAllMocks())

const REJECTED = '{"version": 0}'

/**
 * The app over the real handlers plus the browser host's start-up status controls (src/sim/browser.ts),
 * which only the browser serves: here with a rejected snapshot to report.
 */
function renderWithRejectedSnapshot() {
  let rejected: string | undefined = REJECTED
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario: 'fresh-program' })
  const server = setupServer(
    http.get('/__sim/status', () =>
      HttpResponse.json({
        restored: false,
        saved: true,
        ...(rejected ? { rejectedSnapshot: { savedAt: '2026-11-20T08:00:00.000Z', problem: 'programs.0.name: Required.' } } : {}),
      }),
    ),
    http.get('/__sim/status/rejected-snapshot', () =>
      rejected
        ? new HttpResponse(rejected, {
            headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="rejected-state.json"' },
          })
        : new HttpResponse(null, { status: 404 }),
    ),
    http.delete('/__sim/status/rejected-snapshot', () => {
      rejected = undefined
      return new HttpResponse(null, { status: 204 })
    }),
    ...createHandlers(runtime),
  )
  server.listen({ onUnhandledRequest: 'error' })
  onTestFinished(() => server.close())
  const roles = createRoleStore({ getItem: () => null, setItem: () => {} })
  setTokenProvider(roles.get)
  const queryClient = createQueryClient({ retries: 0 })
  render(
    <AppProviders queryClient={queryClient} roles={roles}>
      <MemoryRouter initialEntries={['/programs']}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  )
  return { isRejected: () => rejected !== undefined }
}

test('a rejected saved state is reported in a banner that offers the file and can be dismissed', async () => {
  const blobs: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return 'blob:rejected'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never })
  const backend = renderWithRejectedSnapshot()

  const banner = await screen.findByRole('alert')
  expect(banner.textContent).toContain(
    'The saved simulator state could not be loaded: programs.0.name: Required. The demo scenario was loaded instead.',
  )
  await user.click(within(banner).getByRole('button', { name: 'Download the saved state' }))
  await waitFor(() => expect(click).toHaveBeenCalledTimes(1))
  expect(await blobs[0]!.text()).toBe(REJECTED)

  await user.click(within(banner).getByRole('button', { name: 'Dismiss' }))
  await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  expect(backend.isRejected()).toBe(false)
})

test('where the simulator keeps no saved state (/__sim/status is a 404) there is no banner', async () => {
  renderApp('/programs')
  expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy()
  expect(screen.queryByText(/saved simulator state could not be loaded/)).toBeNull()
})
