import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { startExecution } from '../../../engine/executions'
import type { Actor } from '../../../engine/model'
import { renderApp } from '../../../testing/render-app'
import { rowOf } from '../../../testing/pipelines'

const DM: Actor = { roles: ['deployment-manager'], userId: 'dm@AdobeID' }

test('Run on a production only pipeline asks which stage-only build to promote, the latest by default', async () => {
  const app = renderApp((runtime) => {
    const engine = runtime.engine
    const stage = engine.environments('1').find((e) => e.type === 'stage')!
    const stageOnly = engine.createPipeline(DM, '1', {
      name: 'Stage only',
      category: 'stageOnly',
      repositoryId: engine.repositories('1')[0]!.id,
      branch: 'main',
      environmentIds: [stage.id],
    })
    for (let i = 0; i < 2; i++) {
      engine.mutate(() => startExecution(engine.ctx, DM, '1', stageOnly.id, { mode: 'NORMAL' }))
      engine.advanceBy(24 * 3600_000)
    }
    const prod = engine.environments('1').find((e) => e.type === 'prod')!
    engine.createPipeline(DM, '1', { name: 'Prod only', category: 'prodOnly', environmentIds: [prod.id] })
    return '/program/1/pipelines'
  })
  const [first, second] = app.runtime.engine.pipelines('1')[0]!.executionIds
  await app.user.click(await screen.findByRole('button', { name: 'Actions for Prod only' }))
  await app.user.click(await screen.findByRole('menuitem', { name: /^Run/ }))
  const dialog = await screen.findByRole('dialog', { name: 'Run Prod only' })
  const build = await within(dialog).findByRole('button', { name: /Select build to promote/ })
  await waitFor(() => expect(build.textContent).toContain(`Execution ${second}`))
  expect(build.textContent).toContain('(latest)')
  await app.user.click(build)
  await app.user.click(await screen.findByRole('option', { name: new RegExp(`^Execution ${first} `) }))
  await app.user.click(within(dialog).getByRole('button', { name: 'Run' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Run Prod only' })).toBeNull())
  await waitFor(async () => expect(within(await rowOf('Prod only')).getByText('Running…')).toBeTruthy())
  const prodOnly = app.runtime.engine.pipelines('1').find((p) => p.name === 'Prod only')!
  const execution = app.runtime.engine.ctx.findExecution(prodOnly.currentExecutionId as string)
  expect(execution?.sourceExecutionId).toBe(first)
})
