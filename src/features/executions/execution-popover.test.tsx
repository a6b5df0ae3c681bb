import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { setupServer } from 'msw/node'
import { MemoryRouter } from 'react-router-dom'
import { expect, onTestFinished, test } from 'vitest'
import { render } from '@testing-library/react'
import { setTokenProvider } from '../../api/http'
import { createQueryClient } from '../../api/query-client'
import { AppProviders } from '../../app/providers'
import { createRoleStore } from '../../app/role-store'
import { startExecution } from '../../engine/executions'
import type { Actor } from '../../engine/model'
import { createHandlers } from '../../sim/http/create-handlers'
import { SimRuntime } from '../../sim/runtime'
import { ExecutionPopover } from './execution-popover'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }
const HOUR = 3_600_000

/** The coupled scenario's production pipeline, started and run `ms` of virtual time. */
function setup(ms: number) {
  const runtime = new SimRuntime({ realNow: () => 0, paused: true, scenario: 'coupled-pipeline' })
  const server = setupServer(...createHandlers(runtime))
  server.listen({ onUnhandledRequest: 'error' })
  onTestFinished(() => server.close())
  const program = runtime.engine.listPrograms()[0]!
  const pipeline = runtime.engine.ctx.pipelinesOf(program.id)[0]!
  const e = runtime.engine.mutate(() => startExecution(runtime.engine.ctx, DAN, program.id, pipeline.id))
  if (ms > 0) runtime.advance(ms)
  const items = new Map<string, string>([['pipeline-console.role', 'deployment-manager']])
  const roles = createRoleStore({ getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) })
  setTokenProvider(roles.get)
  const queryClient = createQueryClient({ retries: 0 })
  onTestFinished(() => queryClient.clear())
  const user = userEvent.setup()
  render(
    <AppProviders queryClient={queryClient} roles={roles}>
      <MemoryRouter>
        <ExecutionPopover
          programId={program.id}
          pipelineId={pipeline.id}
          pipelineName={pipeline.name}
          executionId={e.id}
          pollMs={false}
        />
      </MemoryRouter>
    </AppProviders>,
  )
  return { user, program, pipeline, execution: e }
}

test('the info button opens the execution popover: start time, pipeline id, one row per phase and View details', async () => {
  const { user, program, pipeline, execution } = setup(2 * HOUR)
  await user.click(screen.getByRole('button', { name: 'Execution details for Production Pipeline' }))
  const dialog = await screen.findByRole('dialog', { name: `Pipeline Execution #${execution.id}` })
  expect(await within(dialog).findByText('Start time:')).toBeTruthy()
  expect(within(dialog).getByText(`#${pipeline.id}`)).toBeTruthy()
  const table = within(dialog).getByRole('table', { name: 'Phases of the execution' })
  const headers = within(table)
    .getAllByRole('columnheader')
    .map((h) => h.textContent)
  expect(headers).toEqual(['Stages', 'Step', 'Status'])
  const rows = within(table).getAllByRole('row').slice(1)
  const text = rows.map((r) => r.textContent ?? '')
  expect(text[0]).toMatch(/^Stage Deployment\d+\/\d+ · .+Finished$/)
  // After two hours the run waits at the approval before production.
  const prod = text.find((t) => t.startsWith('Production Deployment'))
  expect(prod).toMatch(/0\/\d+ · Approval/)
  expect(prod).toMatch(/Waiting$/)
  const details = within(dialog).getByRole('link', { name: 'View details' })
  expect(details.getAttribute('href')).toBe(`/program/${program.id}/pipeline/${pipeline.id}/execution/${execution.id}`)
})

test('a run that has just started shows its first step as current and the later phases as not started', async () => {
  const { user, execution } = setup(0)
  await user.click(screen.getByRole('button', { name: 'Execution details for Production Pipeline' }))
  const dialog = await screen.findByRole('dialog', { name: `Pipeline Execution #${execution.id}` })
  const table = await within(dialog).findByRole('table', { name: 'Phases of the execution' })
  const rows = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent ?? '')
  expect(rows[0]).toMatch(/^Stage Deployment0\/\d+ · Validation.*Running$/)
  expect(rows.slice(1).every((r) => r.endsWith('Not started'))).toBe(true)
})
