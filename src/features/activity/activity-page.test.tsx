import { screen, waitFor, within } from '@testing-library/react'
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { formatDateTime } from '../../components/format-date'
import { seedHistory } from '../../engine/executions'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'

const DEMO = '1' // We.Retail Global, the demo program with the history

/** Opens the demo program's Activity page after adding `extra` finished executions to its history. */
const activityOf =
  (extra = 0) =>
  (runtime: SimRuntime) => {
    if (extra > 0) runtime.engine.mutate(() => seedHistory(runtime.engine.ctx, DEMO, extra))
    return `/program/${DEMO}/activity`
  }

/** The program's executions newest first, read from the engine. */
const newestFirst = (runtime: SimRuntime) =>
  runtime.engine.state.executions
    .filter((e) => e.programId === DEMO)
    .sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id))

/** Pointer-events checks walk every ancestor's computed style, which is slow under happy-dom with S2's styles. */
const fastUser = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never })

const filters = () => screen.getByRole('group', { name: 'Filters' })

const dataRows = (grid: HTMLElement) => within(grid).getAllByRole('row').slice(1)
const cellTexts = (row: HTMLElement) =>
  [...row.querySelectorAll('[role="rowheader"], [role="gridcell"]')].map((c) => c.textContent ?? '')

test('Activity lists the program’s executions newest first, with action, status, duration and details', async () => {
  const { runtime } = renderApp(activityOf(), { scenario: 'demo' })
  expect(await screen.findByRole('heading', { level: 1, name: 'Activity' })).toBeTruthy()
  const grid = await screen.findByRole('grid', { name: 'Activity' })
  const expected = newestFirst(runtime)
  await screen.findByText(`Showing ${expected.length} of ${expected.length} executions`)
  expect(
    within(grid)
      .getAllByRole('columnheader')
      .map((c) => c.textContent),
  ).toEqual(['Name', 'Action', 'Status', 'Start time', 'Duration', 'Details', 'Actions'])
  const rows = dataRows(grid)
  expect(rows.length).toBeGreaterThan(3)
  // The rows rendered (the table is virtualised) are the newest executions, in order.
  rows.forEach((row, i) => {
    const e = expected[i]!
    const cells = cellTexts(row)
    const pipeline = runtime.engine.ctx.findPipeline(e.pipelineId)!
    expect(cells[0]).toContain(pipeline.name)
    expect(cells[3]).toBe(formatDateTime(new Date(e.createdAt).toISOString()))
    expect(cells[5]).toContain('Trigger:')
    if (e.finishedAt === undefined) expect(cells[4]).toBe('-')
    else expect(cells[4]).toMatch(/second|minute|hour|day/)
  })
  const first = cellTexts(rows[0]!)
  expect(first[2]).toMatch(/Finished|Failed|Cancelled|Running|Error/)
  expect(first[5]).toMatch(/Branch: \S+/)
  expect(first[5]).toMatch(/Commit: [0-9a-f]{7}(?![0-9a-f])/)
})

test('Activity pages through the API’s next links on “Load more”', async () => {
  const { runtime } = renderApp(activityOf(100), { scenario: 'demo' })
  const user = fastUser()
  const total = newestFirst(runtime).length
  expect(total).toBeGreaterThan(100)
  await screen.findByRole('grid', { name: 'Activity' })
  const status = await screen.findByText(new RegExp(`^Showing \\d+ of ${total} executions$`))
  expect(status.textContent).toBe(`Showing 50 of ${total} executions`)
  await user.click(screen.getByRole('button', { name: 'Load more' }))
  await screen.findByText(`Showing 100 of ${total} executions`)
  await user.click(screen.getByRole('button', { name: 'Load more' }))
  await screen.findByText(`Showing ${total} of ${total} executions`)
  expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull()
})

test('filters by status, pipeline and trigger narrow the list and are kept in the URL', async () => {
  const { runtime, router } = renderApp(activityOf(), { scenario: 'demo' })
  const user = fastUser()
  const grid = await screen.findByRole('grid', { name: 'Activity' })
  const all = newestFirst(runtime)
  await screen.findByText(`Showing ${all.length} of ${all.length} executions`)

  await user.click(within(filters()).getByRole('button', { name: /Status/ }))
  await user.click(await screen.findByRole('option', { name: 'Failed' }))
  const failed = all.filter((e) => e.status === 'FAILED')
  expect(failed.length).toBeGreaterThan(0)
  await screen.findByText(`Showing ${failed.length} of ${failed.length} executions`)
  for (const row of dataRows(grid)) expect(cellTexts(row)[2]).toBe('Failed')
  expect(router.state.location.search).toBe('?status=FAILED')

  await user.click(within(filters()).getByRole('button', { name: /Pipeline/ }))
  await user.click(await screen.findByRole('option', { name: 'Production Pipeline' }))
  const prod = runtime.engine.state.pipelines.find((p) => p.name === 'Production Pipeline')!
  const failedProd = failed.filter((e) => e.pipelineId === prod.id)
  await screen.findByText(`Showing ${failedProd.length} of ${failedProd.length} executions`)
  for (const row of dataRows(grid)) expect(cellTexts(row)[0]).toContain('Production Pipeline')

  await user.click(within(filters()).getByRole('button', { name: /Trigger/ }))
  await user.click(await screen.findByRole('option', { name: 'Push Upgrades' }))
  await screen.findByRole('heading', { name: 'No matching executions' })
  expect(new URLSearchParams(router.state.location.search).get('trigger')).toBe('PUSH_UPGRADES')
})

test('the row menu opens the execution’s details page', async () => {
  const { runtime, router } = renderApp(activityOf(), { scenario: 'demo' })
  const user = fastUser()
  const grid = await screen.findByRole('grid', { name: 'Activity' })
  const newest = newestFirst(runtime)[0]!
  await waitFor(() => expect(dataRows(grid).length).toBeGreaterThan(0))
  await user.click(
    within(grid).getByRole('button', {
      name: `Actions for execution ${newest.id} of ${runtime.engine.ctx.findPipeline(newest.pipelineId)!.name}`,
    }),
  )
  expect((await screen.findByRole('menuitem', { name: 'Download log' })).getAttribute('aria-disabled')).not.toBe('true')
  await user.click(screen.getByRole('menuitem', { name: 'View details' }))
  await waitFor(() =>
    expect(router.state.location.pathname).toBe(`/program/${DEMO}/pipeline/${newest.pipelineId}/execution/${newest.id}`),
  )
})

test('a program without executions says so', async () => {
  renderApp((runtime) => `/program/${runtime.engine.listPrograms()[0]!.id}/activity`)
  expect(await screen.findByRole('heading', { name: 'No executions yet' })).toBeTruthy()
  expect(screen.queryByRole('grid', { name: 'Activity' })).toBeNull()
})
