import { screen, waitFor } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import { firstProgramId, renderApp } from '../../testing/render-app'

const overview = (runtime: Parameters<typeof firstProgramId>[0]) => paths.overview.getHref(firstProgramId(runtime))

test('a Customer Success Engineer turns Emergency Mode off and on from the Program Overview', async () => {
  const app = renderApp(overview, { scenario: 'ams-program', role: 'cse' })
  const toggle = await screen.findByRole('switch', { name: 'Emergency Mode' }, { timeout: 20_000 })
  expect((toggle as HTMLInputElement).checked).toBe(true)
  await app.user.click(toggle)
  await waitFor(() => expect(app.runtime.engine.listPrograms()[0]!.emergencyModeEnabled).toBe(false))
  await waitFor(() => expect((screen.getByRole('switch', { name: 'Emergency Mode' }) as HTMLInputElement).checked).toBe(false))
  await app.user.click(screen.getByRole('switch', { name: 'Emergency Mode' }))
  await waitFor(() => expect(app.runtime.engine.listPrograms()[0]!.emergencyModeEnabled).toBe(true))
}, 60_000)

test('a Deployment Manager on an AMS program sees no switch', async () => {
  renderApp(overview, { scenario: 'ams-program', role: 'deployment-manager' })
  await screen.findByRole('heading', { name: 'AMS Program' }, { timeout: 20_000 })
  expect(screen.queryByRole('switch', { name: 'Emergency Mode' })).toBeNull()
}, 60_000)

test('a CSE on a Cloud Service program sees no switch', async () => {
  renderApp(overview, { scenario: 'fresh-program', role: 'cse' })
  await screen.findByRole('heading', { name: 'Fresh Program' }, { timeout: 20_000 })
  expect(screen.queryByRole('switch', { name: 'Emergency Mode' })).toBeNull()
}, 60_000)
