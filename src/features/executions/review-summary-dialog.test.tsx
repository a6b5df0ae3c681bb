import { screen, waitFor, within } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { paths } from '../../config/paths'
import { runUntil, startExecution } from '../../engine/executions'
import { addFault } from '../../engine/faults'
import type { SimRuntime } from '../../sim/runtime'
import { scanIssues } from '../../engine/scan-issues'
import { scanIssuesCsv } from '../../sim/http/representations/scan-issues-csv'
import { amsProductionPipeline, DAN, runAms } from '../../testing/ams-runs'
import { renderApp } from '../../testing/render-app'
import { metricsCsv } from './metrics-csv'

/** A coupled run whose code scanning waits on important failures. */
function waitingCodeScan(runtime: SimRuntime) {
  const ctx = runtime.engine.ctx
  const program = runtime.engine.listPrograms()[0]!
  const pipeline = ctx.pipelinesOf(program.id)[0]!
  return runtime.engine.mutate(() => {
    addFault(ctx, { pipelineId: pipeline.id, action: 'codeQuality', status: 'FAILED', metric: 'important' })
    const e = startExecution(ctx, DAN, program.id, pipeline.id)
    runUntil(ctx, () => e.steps.some((s) => s.status === 'WAITING'))
    return e
  })
}

test('Code Scanning: Review Summary lists every metric with its tier, and Download Details saves the issues as CSV', async () => {
  const blobs: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return 'blob:metrics'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  const names: string[] = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download)
  })
  let scan: ReturnType<typeof waitingCodeScan>['steps'][number] | undefined
  let executionId = ''
  let issuesCsv = ''
  const { user } = renderApp(
    (runtime) => {
      const e = waitingCodeScan(runtime)
      scan = e.steps.find((s) => s.action === 'codeQuality')
      executionId = e.id
      issuesCsv = scanIssuesCsv(scanIssues(runtime.engine.ctx, e, scan!))
      return paths.execution.getHref(e.programId, e.pipelineId, e.id)
    },
    { scenario: 'coupled-pipeline' },
  )
  const card = await screen.findByRole('article', { name: 'Code Scanning' })
  await user.click(await within(card).findByRole('button', { name: 'Review Summary' }))
  const dialog = await screen.findByRole('dialog', { name: 'Code Scanning: Review Summary' })
  const table = within(dialog).getByRole('table', { name: 'Code Scanning metrics' })
  const rows = within(table).getAllByRole('row').slice(1)
  const metrics = scan!.metrics!
  expect(rows).toHaveLength(metrics.length)
  // Most severe first: the critical metrics, then the important ones with the failures on top.
  expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('Security Rating')
  expect(within(rows[0]!).getAllByRole('cell')[0]!.textContent).toBe('Critical')
  const coverage = rows.find((r) => within(r).getByRole('rowheader').textContent === 'Coverage')!
  const actual = metrics.find((m) => m.kpi === 'coverage')!.actualValue
  expect(
    within(coverage)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['Important', '≥ 50', actual, 'Failed'])
  const failed = metrics.filter((m) => !m.passed).length
  const tally = `Execution ${executionId} · ${failed} failed, ${metrics.length - failed} passed.`
  expect(within(dialog).getByText(tally, { exact: false })).toBeTruthy()

  // Code Scanning's details are its issues, as the API writes them (spec §D.5), not its metrics.
  await user.click(within(dialog).getByRole('button', { name: 'Download Details' }))
  await waitFor(() => expect(names).toEqual([`execution-${executionId}-code-scan-issues.csv`]))
  const saved = await blobs[0]!.text()
  expect(saved).toBe(issuesCsv)
  expect(saved.split('\r\n')[0]).toBe('Rule,Severity,Type,File Location,Project File Location,Line,Message')
  expect(saved.split('\r\n').length).toBeGreaterThan(2)
  expect(blobs[0]!.type).toMatch(/^text\/csv/)

  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  // The same download beside the step, without opening the dialog.
  await user.click(within(card).getByRole('button', { name: 'Download Details' }))
  await waitFor(() => expect(names).toHaveLength(2))
})

/** An AMS production run whose Security Testing waits on an important failure. */
function waitingSecurityGate(runtime: SimRuntime) {
  const pipeline = amsProductionPipeline(runtime, {
    productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: false, cseOversight: null },
  })
  return runAms(runtime, pipeline, {
    before: () =>
      addFault(runtime.engine.ctx, { pipelineId: pipeline.id, action: 'securityTest', status: 'FAILED', metric: 'important' }),
  })
}

test('AMS Security Testing: the same Review Summary and Download Details, with the gate’s own metrics', async () => {
  const blobs: Blob[] = []
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob)
    return 'blob:metrics'
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
  let metrics: NonNullable<ReturnType<typeof waitingSecurityGate>['steps'][number]['metrics']> = []
  const { user } = renderApp(
    (runtime) => {
      const e = waitingSecurityGate(runtime)
      const gate = e.steps.find((s) => s.status === 'WAITING')!
      expect(gate.action).toBe('securityTest')
      metrics = gate.metrics!
      return paths.execution.getHref(e.programId, e.pipelineId, e.id)
    },
    { scenario: 'ams-program' },
  )
  const card = await screen.findByRole('article', { name: 'Security Testing' }, { timeout: 20_000 })
  await user.click(await within(card).findByRole('button', { name: 'Review Summary' }))
  const dialog = await screen.findByRole('dialog', { name: 'Security Testing: Review Summary' })
  const rows = within(within(dialog).getByRole('table', { name: 'Security Testing metrics' }))
    .getAllByRole('row')
    .slice(1)
  expect(rows).toHaveLength(metrics.length)
  // All three tiers, most severe first, and the important failure the fault injected.
  const tiers = rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)
  expect([...new Set(tiers)]).toEqual(['Critical', 'Important', 'Info'])
  expect(rows.some((r) => /Important.*Failed/.test(r.textContent ?? ''))).toBe(true)
  await user.click(within(dialog).getByRole('button', { name: 'Download Details' }))
  await waitFor(() => expect(blobs).toHaveLength(1))
  expect(await blobs[0]!.text()).toBe(metricsCsv(metrics))
}, 60_000)
