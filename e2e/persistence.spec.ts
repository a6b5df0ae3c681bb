/**
 * The simulated backend survives reloads and closed tabs (ADR 006, 007): a run continues from
 * the saved virtual time, and a snapshot that cannot be loaded is set aside, reported and
 * downloadable instead of leaving a blank console.
 */
import type { Page } from '@playwright/test'
import { expect, test, expectAccessible } from './fixtures'
import { call, ok, open, status, virtualNow, waitUntilSaved } from './tab-helpers'

// Scenario split-pipelines, seed 1: program 1, coupled production pipeline 5.
const RUN_START = '/api/program/1/pipeline/5/execution'

interface Execution {
  id: string
  status: string
  _embedded: { stepStates: { action: string; status: string }[] }
}

const steps = (e: Execution) => e._embedded.stepStates.map((s) => `${s.action}:${s.status}`)

/** Writes `value` under the snapshot key of the simulator's IndexedDB store, from `page`. */
async function writeSnapshotRecord(page: Page, value: unknown): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pipeline-console')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('simulator', 'readwrite')
          tx.objectStore('simulator').put(value, 'engine-snapshot')
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    value,
  )
}

/**
 * Closes every tab of the console (the shared backend stops with the last one), runs `meanwhile`
 * in a page of the origin that does not start the console, then opens the console again.
 */
async function reopenAfterAllTabsClosed(page: Page, meanwhile?: (other: Page) => Promise<void>): Promise<Page> {
  const context = page.context()
  const outside = await context.newPage()
  // A same-origin page that does not run the console (and so does not connect to the backend).
  await outside.goto('/favicon.svg')
  await page.close()
  // Let the worker save on the tab's goodbye and go away.
  await outside.waitForTimeout(1_000)
  await meanwhile?.(outside)
  const again = await context.newPage()
  await open(again)
  await outside.close()
  return again
}

test('a reload during a run continues it from the saved virtual time', async ({ page, sim }) => {
  await sim.reset('split-pipelines')
  await open(page)
  const run = await ok<Execution>(page, RUN_START, 'PUT')
  await sim.advance(3 * 60_000)
  const before = await ok<Execution>(page, `${RUN_START}/${run.id}`)
  const savedAt = await virtualNow(page)
  await waitUntilSaved(page)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
  expect(await virtualNow(page)).toBeGreaterThanOrEqual(savedAt)
  const after = await ok<Execution>(page, `${RUN_START}/${run.id}`)
  expect(after.status).toBe('RUNNING')
  expect(steps(after)).toEqual(steps(before))

  // It goes on: fast-forward to the production approval.
  const result = await ok<{ reason: string }>(page, '/__sim/clock/advance-until-waiting', 'POST', {})
  expect(result.reason).toBe('waiting')
  await expectAccessible(page)
})

test('with every tab closed, the next one restores the run and the clock from storage', async ({ page, sim }) => {
  await sim.reset('split-pipelines')
  await open(page)
  const run = await ok<Execution>(page, RUN_START, 'PUT')
  await sim.advance(3 * 60_000)
  const before = await ok<Execution>(page, `${RUN_START}/${run.id}`)
  const savedAt = await virtualNow(page)
  // A running clock: speed and pause are saved too.
  await ok(page, '/__sim/clock', 'PUT', { paused: false, speed: 60 })
  await waitUntilSaved(page)

  const again = await reopenAfterAllTabsClosed(page)
  expect(await status(again)).toMatchObject({ host: 'shared-worker', restored: true })
  const clock = await ok<{ paused: boolean; speed: number }>(again, '/__sim/clock')
  expect(clock).toMatchObject({ paused: false, speed: 60 })
  const restoredNow = await virtualNow(again)
  expect(restoredNow).toBeGreaterThanOrEqual(savedAt)
  const after = await ok<Execution>(again, `${RUN_START}/${run.id}`)
  expect(after.status).toBe('RUNNING')
  expect(steps(after).length).toBe(steps(before).length)
  // The restored clock runs on.
  await expect.poll(() => virtualNow(again)).toBeGreaterThan(restoredNow + 30_000)
  await expectAccessible(again)
})

test('a corrupted snapshot is set aside: the console starts, shows the recovery banner and offers the file', async ({ page }) => {
  await open(page)
  await waitUntilSaved(page)
  const garbage = '{"version": 1, "programs": [ this is not JSON'
  const again = await reopenAfterAllTabsClosed(page, (outside) =>
    writeSnapshotRecord(outside, { savedAt: '2026-11-20T08:00:00.000Z', state: garbage }),
  )

  await expect(again.getByRole('heading', { level: 1 }).first()).toBeVisible()
  await expect(again.getByText('Saved state not loaded')).toBeVisible()
  const s = await status(again)
  expect(s).toMatchObject({ restored: false, rejectedSnapshot: { savedAt: '2026-11-20T08:00:00.000Z' } })
  expect(s.rejectedSnapshot?.problem).toMatch(/not JSON/)
  const file = await call(again, '/__sim/status/rejected-snapshot')
  expect(file.status).toBe(200)
  expect(file.text).toBe(garbage)
  await expectAccessible(again)

  // Dismissed, it is gone; the demo scenario runs meanwhile.
  await again.getByRole('button', { name: 'Dismiss' }).click()
  await expect(again.getByText('Saved state not loaded')).toHaveCount(0)
  expect((await status(again)).rejectedSnapshot).toBeUndefined()
})

test('a snapshot from an unknown older version, or not a snapshot at all, is reported the same way', async ({ page }) => {
  await open(page)
  await waitUntilSaved(page)
  let again = await reopenAfterAllTabsClosed(page, (outside) =>
    writeSnapshotRecord(outside, { savedAt: '2026-11-20T08:00:00.000Z', state: '{"version": 0}' }),
  )
  await expect(again.getByText('Saved state not loaded')).toBeVisible()
  expect((await status(again)).rejectedSnapshot?.problem).toMatch(/version/)
  await expectAccessible(again)

  again = await reopenAfterAllTabsClosed(again, (outside) => writeSnapshotRecord(outside, 'garbage'))
  await expect(again.getByText('Saved state not loaded')).toBeVisible()
  expect((await status(again)).rejectedSnapshot?.problem).toMatch(/not a simulator snapshot/)
  expect((await call(again, '/__sim/status/rejected-snapshot')).text).toBe('garbage')
})

test('an exported state imported again survives a reload; a file that is not valid state is refused whole', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: '/program/1/pipelines' })
  await ok(page, '/api/program/1/pipelines', 'POST', {
    name: 'Kept by export',
    category: 'nonProduction',
    nonProdKind: 'codeQuality',
    repositoryId: '5',
    branch: 'main',
  })
  const kept = page.getByRole('row').filter({ hasText: 'Kept by export' })
  await expect(kept).toBeVisible()

  await page.getByRole('button', { name: 'Simulator', exact: true }).click()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export state' }).click(),
  ])
  const exported = await download.path()
  await sim.call('/__sim/reset', 'POST', { scenario: 'fresh-program', seed: 1 })
  await expect(kept).toHaveCount(0)

  const importFile = async (files: string | { name: string; mimeType: string; buffer: Buffer }) => {
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import state' }).click(),
    ])
    await chooser.setFiles(files)
  }
  await importFile(exported)
  // A replaced state may hold other programs: the console starts again from the programs list.
  await expect(page.getByRole('heading', { level: 1, name: 'Programs' })).toBeVisible()
  await page.goto('/program/1/pipelines')
  await expect(kept).toBeVisible()
  await waitUntilSaved(page)
  await page.reload()
  await expect(kept).toBeVisible()
  // The panel stays open across the reload.
  await expect(page.getByRole('button', { name: 'Simulator', exact: true })).toHaveAttribute('aria-expanded', 'true')

  // Valid JSON that is not a whole state: refused, named, and nothing changes.
  const before = await call(page, '/__sim/state')
  await importFile({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "programs": 3}') })
  const refusal = page.getByText('broken.json was not imported')
  await expect(refusal).toBeVisible()
  await expect(page.getByText('Nothing was changed.')).toBeVisible()
  await expectAccessible(page)
  expect((await call(page, '/__sim/state')).text).toBe(before.text)
  await expect(kept).toBeVisible()
})

test('a reload during a dialog reopens it on the same step with what was typed; Save then works, Cancel forgets', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program', { path: '/program/1/pipelines' })
  const openAdd = async (entry: string) => {
    await page.getByRole('button', { name: 'Add Pipeline' }).click()
    await page.getByRole('menuitem', { name: entry }).click()
    return page.getByRole('dialog', { name: entry })
  }
  let dialog = await openAdd('Add Non-Production Pipeline')
  await dialog.getByRole('textbox', { name: /Pipeline Name/ }).fill('Stage only')
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await dialog.getByRole('button', { name: /Eligible Deployment Environments/ }).click()
  await page.getByRole('option', { name: 'fresh-stage (stage)' }).click()
  await expect(dialog.getByRole('tab', { name: /Stage Testing/ })).toBeVisible()
  await expect(page).toHaveURL(/[?&]add=nonProduction/)

  await page.reload()
  dialog = page.getByRole('dialog', { name: 'Add Non-Production Pipeline' })
  await expect(dialog.getByText('Restored what was typed before the page was reloaded')).toBeVisible()
  await expect(dialog.getByRole('tab', { name: /Source Code/, selected: true })).toBeVisible()
  await expect(dialog.getByRole('button', { name: /Eligible Deployment Environments/ })).toContainText('fresh-stage')
  await expectAccessible(page)
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await expect(dialog.getByRole('tab', { name: /Stage Testing/, selected: true })).toBeVisible()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page).not.toHaveURL(/add=/)
  await expect(page.getByRole('row').filter({ hasText: 'Stage only' })).toContainText('Non-Production · Deployment Stage')

  // Cancel forgets what was typed: the next opening and the next reload start clean.
  dialog = await openAdd('Add Production Pipeline')
  await dialog.getByRole('textbox', { name: /Pipeline Name/ }).fill('Abandoned')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Add Pipeline' })).toBeEnabled()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  dialog = await openAdd('Add Production Pipeline')
  await expect(dialog.getByRole('textbox', { name: /Pipeline Name/ })).toHaveValue('')
  await expect(dialog.getByText('Restored what was typed before the page was reloaded')).toHaveCount(0)
})
