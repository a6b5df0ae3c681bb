import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import { runUntil, startExecution } from '../../engine/executions'
import type { Actor, AssetsTestFile } from '../../engine/model'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'

const DAN: Actor = { roles: ['deployment-manager'], userId: 'dan@AdobeID' }

/** A finished AMS production run of a pipeline with these assets test files. */
const finishedRun =
  (assetsTestFiles: AssetsTestFile[]) =>
  (runtime: SimRuntime): string => {
    const { engine } = runtime
    const program = engine.listPrograms()[0]!
    const envs = engine.environments(program.id)
    const env = (type: string) => envs.find((e) => e.type === type)!.id
    const pipeline = engine.createPipeline(DAN, program.id, {
      name: 'AMS Release',
      category: 'production',
      repositoryId: engine.repositories(program.id)[0]!.id,
      branch: 'main',
      environmentIds: [env('stage'), env('prod')],
      stageTesting: { assetsTestFiles },
    })
    const e = engine.mutate(() => {
      const started = startExecution(engine.ctx, DAN, program.id, pipeline.id)
      runUntil(engine.ctx, () => started.status !== 'RUNNING')
      return started
    })
    expect(e.status).toBe('FINISHED')
    return paths.execution.getHref(program.id, pipeline.id, e.id)
  }

test('the Assets performance test step names the uploaded test files it used', async () => {
  renderApp(
    finishedRun([
      { format: 'PDF', fileName: 'brochure.pdf' },
      { format: 'IMAGE', fileName: 'hero.png' },
    ]),
    {
      scenario: 'ams-program',
    },
  )
  const card = await screen.findByRole('article', { name: 'Assets Performance Testing' }, { timeout: 20_000 })
  expect(within(card).getByText(/^Test assets:/).textContent).toBe('Test assets: brochure.pdf (PDF), hero.png (Image)')
  // Other steps say nothing of test assets.
  expect(within(screen.getByRole('article', { name: 'Security Testing' })).queryByText(/^Test assets:/)).toBeNull()
}, 60_000)

test('without test files it says the default assets were used', async () => {
  renderApp(finishedRun([]), { scenario: 'ams-program' })
  const card = await screen.findByRole('article', { name: 'Assets Performance Testing' }, { timeout: 20_000 })
  expect(within(card).getByText(/^Test assets:/).textContent).toBe('Test assets: the default assets (no test file was uploaded).')
}, 60_000)
