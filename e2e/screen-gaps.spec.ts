/**
 * Journeys for the last gaps of the screens (issue 12): the Activity page's Details column at
 * desktop widths, Review Summary and Download Details, View slowest pages, the Overview's
 * execution popover, notification toasts, the Promote Build phase and the phase links' type.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, type Sim, test } from './fixtures'
import { checkRadio, gridTo, press } from './keyboard'

// The machine these run on is shared: give slow page loads room.
test.describe.configure({ timeout: 240_000 })
test.use({ timezoneId: 'UTC', locale: 'en-US' })

/** Where to save screenshots for a visual check (unset: none are taken). */
const SHOTS = process.env.GAPS_SHOTS

for (const width of [1280, 1440]) {
  test(`Activity at ${width} px: Details shows branch, short commit and trigger in full`, async ({ page, sim }) => {
    await page.setViewportSize({ width, height: 900 })
    await sim.reset('demo', { path: '/program/1/activity' })
    const grid = page.getByRole('grid', { name: 'Activity' })
    await expect(grid.getByRole('row').nth(1)).toBeVisible()
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/activity-${width}.png` })
    // Every text of every rendered Details cell fits: nothing is cut off or ellipsed.
    const details = await grid.getByRole('row').evaluateAll((rows) =>
      rows.slice(1).map((row) => {
        const cell = row.querySelectorAll('[role="gridcell"]')[4] as HTMLElement
        const texts = [...cell.querySelectorAll('span')].filter((s) => s.children.length === 0)
        return {
          text: cell.textContent ?? '',
          clipped: texts.filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.textContent),
        }
      }),
    )
    expect(details.length).toBeGreaterThan(5)
    for (const d of details) {
      expect(d.text).toMatch(/^Branch: \S+ · Commit: [0-9a-f]{7}Trigger: (Manual|On Git Changes)$/)
      expect(d.clipped, d.text).toEqual([])
    }
    await expectAccessible(page)
  })
}

const PROGRAM = '1'
const DAY = 24 * 3_600_000

interface Wire {
  id: string
  name: string
  status: string
  _embedded: { stepStates: Array<{ action: string; status: string }> }
  'x-sim': { category: string; lastExecutionId?: string }
}

/** An API call from the page, as `role`. */
async function api<T>(page: Page, method: string, path: string, role = 'deployment-manager'): Promise<T> {
  return page.evaluate(
    async ({ method, path, role }) => {
      const res = await fetch(path, { method, headers: { Authorization: `Bearer ${role}` } })
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`)
      return (await res.json()) as T
    },
    { method, path, role },
  )
}

async function pipelineByName(page: Page, name: string): Promise<Wire> {
  const list = await api<{ _embedded: { pipelines: Wire[] } }>(page, 'GET', `/api/program/${PROGRAM}/pipelines`)
  const found = list._embedded.pipelines.find((p) => p.name === name)
  if (!found) throw new Error(`no pipeline named ${name}`)
  return found
}

const start = (page: Page, pipelineId: string) =>
  api<Wire>(page, 'PUT', `/api/program/${PROGRAM}/pipeline/${pipelineId}/execution`)

const untilWaitingOrIdle = async (sim: Sim) =>
  (await sim.call<{ reason: string }>('/__sim/clock/advance-until-waiting', 'POST', { maxMs: 30 * DAY })).reason

const executionPath = (pipeline: string, execution: string) => `/program/${PROGRAM}/pipeline/${pipeline}/execution/${execution}`

test('Code Scanning: Review Summary lists the metrics by tier and Download Details saves the issues as CSV, by keyboard', async ({
  page,
  sim,
}) => {
  await sim.reset('coupled-pipeline')
  const coupled = await pipelineByName(page, 'Production Pipeline')
  await sim.call('/__sim/faults', 'POST', {
    pipelineId: coupled.id,
    action: 'codeQuality',
    metric: 'important',
    status: 'FAILED',
  })
  const run = await start(page, coupled.id)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await page.goto(executionPath(coupled.id, run.id))
  const scan = page.getByRole('article', { name: 'Code Scanning', exact: true })
  await expect(scan.getByRole('button', { name: 'Override' })).toBeVisible()

  await press(page, scan.getByRole('button', { name: 'Review Summary' }))
  const dialog = page.getByRole('dialog', { name: 'Code Scanning: Review Summary' })
  const table = dialog.getByRole('table', { name: 'Code Scanning metrics' })
  await expect(table.getByRole('row', { name: /Coverage Important ≥ 50 .* Failed/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /Maintainability Rating Important = A B Failed/ })).toBeVisible()
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('Critical')
  await expectAccessible(page)

  // Code scanning's details are its issues (spec §D.5), with both file locations.
  const readIssues = async (trigger: () => Promise<void>) => {
    const download = page.waitForEvent('download')
    await trigger()
    const file = await download
    expect(file.suggestedFilename()).toBe(`execution-${run.id}-code-scan-issues.csv`)
    return readFileSync((await file.path()) as string, 'utf8').split('\r\n')
  }
  const lines = await readIssues(() => press(page, dialog.getByRole('button', { name: 'Download Details' })))
  expect(lines[0]).toBe('Rule,Severity,Type,File Location,Project File Location,Line,Message')
  expect(lines.at(-1)).toBe('')
  // Maintainability rating B: major code smells, each file given as a Maven path and from the project root.
  const major = lines.filter((l) => l.includes(',Major,Code Smell,'))
  expect(major.length).toBeGreaterThanOrEqual(3)
  expect(major[0]).toMatch(
    /^[^,]+,Major,Code Smell,com\.example:fresh-repo\.core:src\/main\/java\/\S+\.java,core\/src\/main\/java\/\S+\.java,\d+,.+$/,
  )
  await press(page, dialog.getByRole('button', { name: 'Close' }))
  await expect(dialog).toHaveCount(0)
  // The same file from the button beside the step.
  expect(await readIssues(() => press(page, scan.getByRole('button', { name: 'Download Details' })))).toEqual(lines)
})

test('Experience Audit: View slowest pages shows five pages on mobile, then on desktop, by keyboard', async ({ page, sim }) => {
  await sim.reset('coupled-pipeline')
  const coupled = await pipelineByName(page, 'Production Pipeline')
  const run = await start(page, coupled.id)
  expect(await untilWaitingOrIdle(sim)).toBe('waiting')
  await page.goto(executionPath(coupled.id, run.id))
  const audit = page.getByRole('article', { name: 'Experience Audit', exact: true })
  await press(page, audit.getByRole('button', { name: 'View slowest pages' }))
  const dialog = page.getByRole('dialog', { name: 'Slowest 5 pages' })
  const mobile = dialog.getByRole('table', { name: 'Slowest pages on mobile' })
  await expect(mobile.getByRole('row')).toHaveCount(6)
  // The first audit of the pipeline: nothing to compare with.
  await expect(mobile.getByText('N/A', { exact: true })).toHaveCount(20)
  const scores = await mobile
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1).map((r) => Number.parseInt(r.querySelectorAll('td')[0]?.textContent ?? '', 10)))
  expect(scores).toEqual([...scores].sort((a, b) => a - b))
  await expectAccessible(page)
  await checkRadio(page, dialog.getByRole('radio', { name: 'Desktop' }))
  await expect(dialog.getByRole('table', { name: 'Slowest pages on desktop' }).getByRole('row')).toHaveCount(6)
  await press(page, dialog.getByRole('button', { name: 'Close' }))
  await expect(dialog).toHaveCount(0)
})

test('Overview: the Pipelines card opens the execution popover, and View details the execution, by keyboard', async ({
  page,
  sim,
}) => {
  await sim.reset('demo', { path: `/program/${PROGRAM}/overview` })
  const production = await pipelineByName(page, 'Production Pipeline')
  const card = page.getByRole('grid', { name: 'Pipelines' })
  const info = card.getByRole('button', { name: 'Execution details for Production Pipeline' })
  await expect(info).toBeVisible()
  await gridTo(page, card, card.getByRole('row', { name: /Production Pipeline/ }), info)
  await page.keyboard.press('Enter')
  const popover = page.getByRole('dialog', { name: `Pipeline Execution #${production['x-sim'].lastExecutionId}` })
  await expect(popover.getByRole('table', { name: 'Phases of the execution' })).toBeVisible()
  await expectAccessible(page)
  await press(page, popover.getByRole('link', { name: 'View details' }))
  await expect(page).toHaveURL(new RegExp(`${executionPath(production.id, production['x-sim'].lastExecutionId ?? '')}$`))
})

test('a notification for the current role arrives as one toast whose View execution opens the execution', async ({
  page,
  sim,
}) => {
  await sim.reset('coupled-pipeline', { path: '/programs' })
  const coupled = await pipelineByName(page, 'Production Pipeline')
  await expect(page.getByRole('button', { name: 'Notifications' })).toBeVisible()
  // Let the feed load what exists now; nothing toasts for it.
  await page.waitForResponse((r) => r.url().includes('/api/notifications'))
  const run = await start(page, coupled.id)
  await untilWaitingOrIdle(sim)
  const toast = page.getByRole('alertdialog').filter({ hasText: 'Production Pipeline is waiting for approval · Fresh Program' })
  await expect(toast).toBeVisible({ timeout: 15_000 })
  await expect(page.getByRole('alertdialog').filter({ hasText: 'Fresh Program' })).toHaveCount(1)
  await expectAccessible(page)
  await press(page, toast.getByRole('button', { name: 'View execution' }))
  await expect(page).toHaveURL(new RegExp(`${executionPath(coupled.id, run.id)}$`))
  await expect(toast).toHaveCount(0)
  // Reloading shows no toast for what was already there.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Production Pipeline' })).toBeVisible()
  await page.waitForResponse((r) => r.url().includes('/api/notifications'))
  await expect(page.getByRole('alertdialog').filter({ hasText: 'Fresh Program' })).toHaveCount(0)
})

test('Promote Build phase: ready on the latest stage-only run, why not on the older, then a link to the production run', async ({
  page,
  sim,
}) => {
  await sim.reset('split-pipelines')
  const stageOnly = await pipelineByName(page, 'Stage Only pipeline')
  const runs = await api<{ _embedded: { executions: Wire[] } }>(
    page,
    'GET',
    `/api/program/${PROGRAM}/pipeline/${stageOnly.id}/executions`,
  )
  const [latest, older] = runs._embedded.executions
  const rail = page.getByRole('navigation', { name: 'Phases' })
  const promoteItem = rail.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Promote Build' }) })

  await page.goto(executionPath(stageOnly.id, older!.id))
  await expect(promoteItem.getByText('Cannot promote now')).toBeVisible()
  await expect(
    promoteItem.getByText(`Execution ${latest!.id} is a newer successful stage-only execution`, { exact: false }),
  ).toBeVisible()

  await page.goto(executionPath(stageOnly.id, latest!.id))
  await expect(promoteItem.getByText('Ready to promote')).toBeVisible()
  await expect(promoteItem.getByText('In progress')).toHaveCount(0)
  await expectAccessible(page)
  const group = page.getByRole('region', { name: 'Promote Build' })
  await press(page, group.getByRole('button', { name: 'Promote Build', exact: true }))
  await press(page, page.getByRole('alertdialog', { name: 'Run Pipeline' }).getByRole('button', { name: 'Run', exact: true }))
  await expect(page.getByRole('heading', { level: 1, name: 'Prod Only Pipeline' })).toBeVisible()
  const production = /execution\/(\d+)$/.exec(page.url())?.[1] ?? ''

  await page.goto(executionPath(stageOnly.id, latest!.id))
  await expect(promoteItem.getByText('Promoting')).toBeVisible({ timeout: 30_000 })
  await untilWaitingOrIdle(sim)
  await expect(promoteItem.getByText('Promoted', { exact: true })).toBeVisible()
  const link = promoteItem.getByRole('link', { name: `Production run ${production}` })
  await expectAccessible(page)
  await press(page, link)
  await expect(page).toHaveURL(/\/execution\/\d+$/)
  expect(page.url()).toMatch(new RegExp(`/execution/${production}$`))
})

/** Texts on screen whose font is not the kit's (the browser's serif default shows a missing font style). */
async function textsOutsideKitFonts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    for (const el of document.querySelectorAll('body *')) {
      // Hidden native selects that back the kit's pickers are never drawn.
      if (el.tagName === 'OPTION' || el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '')
      if (!own) continue
      const font = getComputedStyle(el).fontFamily
      if (!/adobe-clean|source-code|mono/i.test(font))
        out.push(`${el.tagName} "${(el.textContent ?? '').trim().slice(0, 40)}": ${font}`)
    }
    return out
  })
}

test('every text of the main screens uses the kit fonts, the execution page phase links included', async ({ page, sim }) => {
  await sim.reset('demo', { path: '/programs' })
  for (const section of ['overview', 'activity']) {
    await page.goto(`/program/${PROGRAM}/${section}`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('progressbar')).toHaveCount(0)
    expect(await textsOutsideKitFonts(page), section).toEqual([])
  }
  for (const name of ['Production Pipeline', 'Stage Only pipeline']) {
    const pipeline = await pipelineByName(page, name)
    await page.goto(executionPath(pipeline.id, pipeline['x-sim'].lastExecutionId ?? ''))
    const rail = page.getByRole('navigation', { name: 'Phases' })
    await expect(rail.getByRole('link').first()).toBeVisible({ timeout: 30_000 })
    expect(await textsOutsideKitFonts(page), name).toEqual([])
  }
})
