import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import { auditPages, slowestPages } from '../../engine/audit-pages'
import { cancelStep, runUntil, startExecution } from '../../engine/executions'
import type { Actor, Execution } from '../../engine/model'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'
import { formatScoreChange } from './metric-labels'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }

/** `runs` coupled executions through the audit; all but the last rejected at the approval. */
function auditedRuns(runtime: SimRuntime, runs: number): Execution[] {
  const ctx = runtime.engine.ctx
  const program = runtime.engine.listPrograms()[0]!
  const pipeline = ctx.pipelinesOf(program.id)[0]!
  return runtime.engine.mutate(() =>
    Array.from({ length: runs }, (_, i) => {
      const e = startExecution(ctx, DAN, program.id, pipeline.id)
      runUntil(ctx, () => e.steps.some((s) => s.status === 'WAITING'))
      if (i < runs - 1) {
        const approval = e.steps.find((s) => s.status === 'WAITING')!
        const ref = {
          programId: program.id,
          pipelineId: pipeline.id,
          executionId: e.id,
          phaseId: approval.phaseId,
          stepId: approval.stepId,
        }
        cancelStep(ctx, DAN, ref, { kind: 'reject-approval' }, { approved: false })
      }
      return e
    }),
  )
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [
      within(r).getByRole('rowheader').textContent,
      ...within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ])

test('View slowest pages: the five slowest pages on mobile, then desktop, with scores and their change', async () => {
  let expected: ReturnType<typeof auditPages> = []
  const { user } = renderApp(
    (runtime) => {
      const runs = auditedRuns(runtime, 2)
      const e = runs[1]!
      const pipeline = runtime.engine.ctx.findPipeline(e.pipelineId)!
      expected = auditPages(runtime.engine.ctx, pipeline, e, e.steps.find((s) => s.action === 'contentAudit')!)
      return paths.execution.getHref(e.programId, e.pipelineId, e.id)
    },
    { scenario: 'coupled-pipeline' },
  )
  const audit = await screen.findByRole('article', { name: 'Experience Audit' })
  await user.click(await within(audit).findByRole('button', { name: 'View slowest pages' }))
  const dialog = await screen.findByRole('dialog', { name: 'Slowest 5 pages' })
  const expectedRows = (device: 'mobile' | 'desktop') =>
    slowestPages(expected, device).map((p) => [
      p.path,
      ...(['performance', 'accessibility', 'best-practices', 'seo'] as const).map(
        (k) => `${p.scores[k]}${formatScoreChange(p.change[k])}`,
      ),
    ])
  const mobile = await within(dialog).findByRole('table', { name: 'Slowest pages on mobile' })
  expect(
    within(mobile)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Page', 'Performance', 'Accessibility', 'Best Practices', 'SEO'])
  expect(rowsOf(mobile)).toEqual(expectedRows('mobile'))
  expect(rowsOf(mobile)).toHaveLength(5)
  // The second audit compares with the first: every change is a number, none is N/A.
  expect(within(mobile).queryByText('N/A')).toBeNull()

  const devices = within(dialog).getByRole('radiogroup', { name: 'Devices' })
  expect(within(devices).getByRole('radio', { name: 'Mobile' }).getAttribute('aria-checked')).toBe('true')
  await user.click(within(devices).getByRole('radio', { name: 'Desktop' }))
  const desktop = await within(dialog).findByRole('table', { name: 'Slowest pages on desktop' })
  expect(rowsOf(desktop)).toEqual(expectedRows('desktop'))

  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
})

test('the first audit of a pipeline has nothing to compare with: every change reads N/A', async () => {
  const { user } = renderApp(
    (runtime) => {
      const e = auditedRuns(runtime, 1)[0]!
      return paths.execution.getHref(e.programId, e.pipelineId, e.id)
    },
    { scenario: 'coupled-pipeline' },
  )
  const audit = await screen.findByRole('article', { name: 'Experience Audit' })
  await user.click(await within(audit).findByRole('button', { name: 'View slowest pages' }))
  const dialog = await screen.findByRole('dialog', { name: 'Slowest 5 pages' })
  const table = await within(dialog).findByRole('table', { name: 'Slowest pages on mobile' })
  expect(within(table).getAllByText('N/A')).toHaveLength(5 * 4)
})

test('score changes read as the product words them', () => {
  expect([3, -4, 0, null, undefined, Number.NaN].map(formatScoreChange)).toEqual([
    '+3 (improved)',
    '−4 (regressed)',
    'No Change',
    'N/A',
    'N/A',
    'N/A',
  ])
})
