/**
 * Robustness under transport faults: a fault set from the Simulator panel fails a Save, which
 * keeps what was typed and succeeds when pressed again; a failed Run is offered again and starts
 * one execution; a list that cannot refresh offers Try again. Faults apply before the simulator
 * sees a request, so each retry is the first request that reaches it.
 */
import type { Page } from '@playwright/test'
import { expect, expectAccessible, test } from './fixtures'

const PIPELINES = '/program/1/pipelines'
const START_ROUTE = '/api/program/*/pipeline/*/execution'

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) })

async function executionsOf(page: Page, name: string): Promise<number> {
  return page.evaluate(async (pipelineName) => {
    const headers = { Authorization: 'Bearer admin' }
    const list = await (await fetch('/api/program/1/pipelines', { headers })).json()
    const pipeline = list._embedded.pipelines.find((p: { name: string }) => p.name === pipelineName)
    const executions = await (await fetch(`/api/program/1/pipeline/${pipeline.id}/executions`, { headers })).json()
    return executions._totalNumberOfItems as number
  }, name)
}

// The simulated network faults below fail requests on purpose, and Chromium logs each one.
test.use({ expectedConsoleErrors: [/^Failed to load resource: net::ERR_FAILED$/] })

test('transport faults: errors say what happened, typed input is kept, a retry starts exactly one execution', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: PIPELINES })
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()

  // From the Simulator panel: the next pipeline creation is answered 500.
  await page.getByRole('button', { name: 'Simulator' }).click()
  const faults = page.getByRole('complementary', { name: 'Simulator' }).getByRole('region', { name: 'Network faults' })
  await faults.getByRole('textbox', { name: /Route/ }).fill('/api/program/*/pipelines')
  await faults.getByRole('button', { name: /Method/ }).click()
  await page.getByRole('option', { name: 'POST' }).click()
  await expect(faults.getByRole('button', { name: /Fault/ })).toContainText('Server error (500)')
  await faults.getByRole('button', { name: 'Add network fault' }).click()
  await expect(faults.getByRole('list', { name: 'Active network faults' })).toContainText(
    'POST /api/program/*/pipelines: server error (500), next 1 request',
  )
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Close simulator' }).click()

  // Save fails, says so, and keeps the answers; Save again creates the pipeline.
  await page.getByRole('button', { name: 'Add Pipeline' }).click()
  await page.getByRole('menuitem', { name: /^Add Non-Production Pipeline/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Add Non-Production Pipeline' })
  // The radio's input is visually hidden under its label, which takes the click.
  await dialog.getByText('Code Quality Pipeline', { exact: true }).click()
  await expect(dialog.getByRole('radio', { name: 'Code Quality Pipeline' })).toBeChecked()
  await dialog.getByRole('textbox', { name: /Pipeline Name/ }).fill('Nightly quality')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByText('The pipeline was not saved')).toBeVisible()
  await expect(dialog.getByText(/Server error \(HTTP 500\)/)).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: /Git Branch/ })).toHaveValue('main')
  await expectAccessible(page)
  await dialog.getByRole('tab', { name: /Configuration/ }).click()
  await expect(dialog.getByRole('textbox', { name: /Pipeline Name/ })).toHaveValue('Nightly quality')
  await dialog
    .getByRole('button', { name: 'Update' })
    .or(dialog.getByRole('button', { name: 'Continue' }))
    .click()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(row(page, 'Nightly quality')).toContainText('Not running')

  // Through the control API: the next start gets no answer. Run says so and offers Try again.
  await sim.call('/__sim/transport-faults', 'POST', { method: 'PUT', path: START_ROUTE, kind: 'network', count: 1 })
  await page.getByRole('button', { name: 'Actions for Nightly quality' }).click()
  await page.getByRole('menuitem', { name: /^Run/ }).click()
  const failed = page.getByText(/"Nightly quality" did not start: Network error/)
  await expect(failed).toBeVisible()
  expect(await executionsOf(page, 'Nightly quality')).toBe(0)
  await expectAccessible(page)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(row(page, 'Nightly quality')).toContainText('Running…')
  expect(await executionsOf(page, 'Nightly quality')).toBe(1)
  const started = page.getByRole('alertdialog', { name: /"Nightly quality" started/ })
  await expect(started.getByRole('button', { name: 'View details' })).toBeVisible()
  await expectAccessible(page)
  await started.getByRole('button', { name: /Close|Dismiss/ }).click()
  await expect(started).toHaveCount(0)

  // A refresh that fails says so above what was loaded, and Try again works once the fault is gone.
  // (The run is finished first, so that no polling refreshes the list by itself; a reload would end
  // the tab's shared backend, and its transport faults with it.)
  await sim.advance(24 * 3_600_000)
  await expect(row(page, 'Nightly quality')).not.toContainText('Running…')
  await sim.call('/__sim/transport-faults', 'POST', { method: 'GET', path: '/api/program/*/pipelines', kind: 'error500' })
  await page.getByRole('button', { name: 'Simulator' }).click()
  const panel = page.getByRole('complementary', { name: 'Simulator' })
  await panel.getByRole('region', { name: 'Clock' }).getByRole('button', { name: '+1 hour' }).click()
  await expect(page.getByText('Could not refresh pipelines')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByText(/Server error \(HTTP 500\)/)).toBeVisible()
  await expect(row(page, 'Nightly quality')).toBeVisible()
  await expectAccessible(page)
  await faults.getByRole('button', { name: 'Clear network faults' }).click()
  await expect(faults.getByText('No network faults.')).toBeVisible()
  await page.getByRole('button', { name: 'Close simulator' }).click()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByText('Could not refresh pipelines')).toHaveCount(0)
  expect(await executionsOf(page, 'Nightly quality')).toBe(1)
})
