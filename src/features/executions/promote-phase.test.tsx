import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import { promote, startExecution } from '../../engine/executions'
import type { Actor, Execution } from '../../engine/model'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }
const HOUR = 3_600_000

/** The split scenario's stage-only executions, oldest first. */
function stageOnlyRuns(runtime: SimRuntime): Execution[] {
  const ctx = runtime.engine.ctx
  const program = runtime.engine.listPrograms()[0]!
  const stageOnly = ctx.pipelinesOf(program.id).find((p) => p.category === 'stageOnly')!
  return stageOnly.executionIds.map((id) => ctx.findExecution(id)!)
}

/** The rail's Promote Build item. */
async function promoteItem(): Promise<HTMLElement> {
  const rail = await screen.findByRole('navigation', { name: 'Phases' })
  const link = await within(rail).findByRole('link', { name: 'Promote Build' })
  return link.closest('li') as HTMLElement
}

const open = (e: Execution) => paths.execution.getHref(e.programId, e.pipelineId, e.id)

test('the latest successful stage-only execution says its build can be promoted now, never "In progress"', async () => {
  renderApp((runtime) => open(stageOnlyRuns(runtime)[1]!), { scenario: 'split-pipelines' })
  const item = await promoteItem()
  await within(item).findByText('Ready to promote')
  expect(within(item).getByText('This build can be promoted to production now.')).toBeTruthy()
  expect(within(item).queryByText('In progress')).toBeNull()
})

test('an older one says why it cannot be promoted, naming the newer execution', async () => {
  let newer = ''
  renderApp(
    (runtime) => {
      const [older, latest] = stageOnlyRuns(runtime)
      newer = latest!.id
      return open(older!)
    },
    { scenario: 'split-pipelines' },
  )
  const item = await promoteItem()
  await within(item).findByText('Cannot promote now')
  expect(within(item).getByText(new RegExp(`Execution ${newer} is a newer successful stage-only execution`))).toBeTruthy()
})

test('once promoted, the phase links to the production run that took the build, and says when it has deployed', async () => {
  let production: Execution | undefined
  const { runtime, user, router } = renderApp(
    (rt) => {
      const latest = stageOnlyRuns(rt)[1]!
      production = rt.engine.mutate(() => promote(rt.engine.ctx, DAN, latest))
      return open(latest)
    },
    { scenario: 'split-pipelines' },
  )
  const item = await promoteItem()
  await within(item).findByText('Promoting')
  expect(within(item).getByText(`Deploying with production run ${production!.id}.`, { exact: false })).toBeTruthy()
  // The section lists the run with its status too.
  const runs = screen.getByRole('list', { name: 'Production runs that took this build' })
  expect(within(runs).getByText('In progress')).toBeTruthy()

  // The page follows the production run while it deploys.
  runtime.advance(24 * HOUR)
  await waitFor(() => expect(within(item).getByText('Promoted')).toBeTruthy(), { timeout: 10_000 })
  expect(within(item).getByText(`Deployed to production by production run ${production!.id}.`, { exact: false })).toBeTruthy()
  await user.click(within(item).getByRole('link', { name: `Production run ${production!.id}` }))
  await waitFor(() => expect(router.state.location.pathname).toBe(open(production!)))
})

test('a stage-only run still testing has not reached Promote Build', async () => {
  renderApp(
    (runtime) => {
      const p = runtime.engine.state.pipelines.find((x) => x.category === 'stageOnly')!
      const e = runtime.engine.mutate(() => startExecution(runtime.engine.ctx, DAN, p.programId, p.id))
      return open(e)
    },
    { scenario: 'split-pipelines' },
  )
  const item = await promoteItem()
  await within(item).findByText('Not started')
  expect(within(item).getByText('Available once stage deployment and testing succeed.')).toBeTruthy()
})
