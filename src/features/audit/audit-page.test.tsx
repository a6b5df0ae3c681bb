import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { AuditEntry } from '../../contract/audit'
import { programAudit } from '../../engine/audit'
import { startExecution } from '../../engine/executions'
import type { Actor } from '../../engine/model'
import { firstProgramId, renderApp } from '../../testing/render-app'
import { objectLabel, whoLabel } from './audit-labels'

const DM: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }
const BO: Actor = { roles: ['business-owner'], userId: 'bea@AdobeID' }

const nav = () => screen.getByRole('navigation', { name: 'Program' })
const dataRows = (grid: HTMLElement) => within(grid).getAllByRole('row').slice(1)
const cellTexts = (row: HTMLElement) =>
  [...row.querySelectorAll('[role="rowheader"], [role="gridcell"]')].map((c) => c.textContent ?? '')

test('an AMS program offers Audit in its navigation; it lists who did what, newest first, and a row opens the run', async () => {
  const app = renderApp(
    (runtime) => {
      const { engine } = runtime
      const programId = firstProgramId(runtime)
      const envs = engine.environments(programId)
      const p = engine.createPipeline(DM, programId, {
        name: 'AMS Release',
        category: 'production',
        repositoryId: engine.repositories(programId)[0]!.id,
        branch: 'main',
        environmentIds: [envs.find((e) => e.type === 'stage')!.id, envs.find((e) => e.type === 'prod')!.id],
      })
      engine.patchPipelineVariables(DM, programId, p.id, [{ name: 'MODE', value: 'fast' }])
      return `/program/${programId}/overview`
    },
    { scenario: 'ams-program' },
  )
  const audit = await within(await screen.findByRole('navigation', { name: 'Program' }, { timeout: 20_000 })).findByRole('link', {
    name: 'Audit',
  })
  await app.user.click(audit)
  expect(await screen.findByRole('heading', { level: 1, name: 'Audit' })).toBeTruthy()
  expect(audit.getAttribute('aria-current')).toBe('page')
  const grid = await screen.findByRole('grid', { name: 'Audit' })
  await screen.findByText('Showing 2 of 2 entries')
  expect(
    within(grid)
      .getAllByRole('columnheader')
      .map((c) => c.textContent),
  ).toEqual(['When', 'Who', 'What', 'Object', 'Details'])
  const rows = dataRows(grid).map(cellTexts)
  expect(rows.map((r) => r.slice(1, 5))).toEqual([
    ['Deployment Manager', 'Pipeline variables changed', 'AMS Release', 'Set MODE'],
    ['Deployment Manager', 'Pipeline created', 'AMS Release', ''],
  ])
  expect(rows[0]![0]).toMatch(/UTC$/)

  // A run started elsewhere appears live, and its row leads to the execution page.
  const programId = firstProgramId(app.runtime)
  const pipeline = app.runtime.engine.pipelines(programId)[0]!
  const run = app.runtime.engine.mutate(() => startExecution(app.runtime.engine.ctx, BO, programId, pipeline.id))
  await screen.findByText('Showing 3 of 3 entries', undefined, { timeout: 10_000 })
  const first = dataRows(await screen.findByRole('grid', { name: 'Audit' }))[0]!
  expect(cellTexts(first).slice(1, 5)).toEqual([
    'Business Owner',
    'Execution started',
    `AMS Release, execution ${run.id}`,
    'Trigger: Manual',
  ])
  await app.user.click(within(first).getByText('Execution started'))
  await waitFor(() =>
    expect(app.router.state.location.pathname).toBe(`/program/${programId}/pipeline/${pipeline.id}/execution/${run.id}`),
  )
}, 90_000)

test('the category filter narrows the list and lives in the URL', async () => {
  const app = renderApp(
    (runtime) => {
      const { engine } = runtime
      const programId = firstProgramId(runtime)
      const p = engine.createPipeline(DM, programId, {
        name: 'Quality',
        category: 'nonProduction',
        nonProdKind: 'codeQuality',
        repositoryId: engine.repositories(programId)[0]!.id,
        branch: 'main',
      })
      engine.patchPipelineVariables(DM, programId, p.id, [{ name: 'AB', value: '1' }])
      return `/program/${programId}/audit?category=VARIABLES`
    },
    { scenario: 'ams-program' },
  )
  await screen.findByText('Showing 1 of 1 entries', undefined, { timeout: 20_000 })
  const filters = screen.getByRole('group', { name: 'Filters' })
  expect(within(filters).getByRole('button', { name: /Category/ }).textContent).toContain('Variables')
  const entries = programAudit(app.runtime.engine.ctx, firstProgramId(app.runtime), { categories: ['VARIABLES'] })
  expect(entries).toHaveLength(1)
}, 90_000)

test('a Cloud Service program has no Audit entry, and its audit address says why', async () => {
  renderApp((runtime) => `/program/${firstProgramId(runtime)}/audit`, { scenario: 'fresh-program' })
  expect(await screen.findByRole('heading', { level: 2, name: 'No audit trail' }, { timeout: 20_000 })).toBeTruthy()
  expect(within(nav()).queryByRole('link', { name: 'Audit' })).toBeNull()
  expect(within(nav()).getByRole('link', { name: 'Activity' })).toBeTruthy()
})

test('who and what are worded for people', () => {
  expect(whoLabel({ user: 'system@AdobeID', roles: ['business-owner'] })).toBe('System')
  expect(whoLabel({ user: 'x', roles: ['business-owner', 'deployment-manager', 'program-manager', 'developer'] })).toBe(
    'Admin (all roles)',
  )
  expect(whoLabel({ user: 'carl', roles: ['cse'] })).toBe('Customer Success Engineer')
  const base: AuditEntry = { id: '1', createdAt: '', action: 'PIPELINE_CREATED', category: 'PIPELINE', user: 'u', roles: [] }
  expect(objectLabel({ ...base, pipelineName: 'P', executionId: '9' })).toBe('P, execution 9')
  expect(objectLabel({ ...base, environmentName: 'ams-stage' })).toBe('Environment ams-stage')
})
