import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { Actor } from '../../../engine/model'
import { firstProgramId, renderApp } from '../../../testing/render-app'
import type { SimRuntime } from '../../../sim/runtime'

const DM: Actor = { roles: ['deployment-manager'], userId: 'dm@AdobeID' }

/** An AMS production pipeline on the ams-program scenario (Emergency Mode enabled). */
function seedAmsProduction(runtime: SimRuntime): string {
  const engine = runtime.engine
  const programId = firstProgramId(runtime)
  const envs = engine.environments(programId)
  const env = (type: string) => envs.find((e) => e.type === type)!.id
  engine.createPipeline(DM, programId, {
    name: 'AMS Release',
    category: 'production',
    repositoryId: engine.repositories(programId)[0]!.id,
    branch: 'main',
    environmentIds: [env('stage'), env('prod')],
  })
  return `/program/${programId}/pipelines`
}

async function chooseRun(app: ReturnType<typeof renderApp>) {
  await app.user.click(await screen.findByRole('button', { name: 'Actions for AMS Release' }))
  const menu = await screen.findByRole('menu')
  await app.user.click(within(menu).getByRole('menuitem', { name: /^Run/ }))
  return screen.findByRole('alertdialog', { name: 'Run Pipeline' })
}

test('Run on an AMS program with Emergency Mode asks for the mode: Cancel starts nothing, Emergency Mode starts an emergency run', async () => {
  const app = renderApp(seedAmsProduction, { scenario: 'ams-program' })
  const pipeline = () => app.runtime.engine.pipelines(firstProgramId(app.runtime)).find((p) => p.name === 'AMS Release')!

  let dialog = await chooseRun(app)
  expect(
    within(dialog).getByText(
      'Please choose a desired mode to run the pipeline. Running in Emergency Mode will skip security tests and performance tests.',
    ),
  ).toBeTruthy()
  expect(
    within(dialog)
      .getAllByRole('button')
      .map((b) => b.textContent),
  ).toEqual(['Cancel', 'Emergency Mode', 'Normal Mode'])
  await app.user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  await waitFor(() => expect(screen.queryByRole('alertdialog', { name: 'Run Pipeline' })).toBeNull())
  expect(pipeline().currentExecutionId).toBeUndefined()

  dialog = await chooseRun(app)
  await app.user.click(within(dialog).getByRole('button', { name: 'Emergency Mode' }))
  await waitFor(() => expect(screen.queryByRole('alertdialog', { name: 'Run Pipeline' })).toBeNull())
  const executionId = pipeline().currentExecutionId
  expect(executionId).toBeDefined()
  const execution = app.runtime.engine.ctx.findExecution(executionId!)!
  expect(execution.mode).toBe('EMERGENCY')
  expect(execution.steps.map((s) => s.action)).not.toContain('securityTest')
}, 60_000)
