import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import type { AssetsTestFile } from '../../engine/model'
import type { SimRuntime } from '../../sim/runtime'
import { amsProductionPipeline, runAms } from '../../testing/ams-runs'
import { renderApp } from '../../testing/render-app'

/** A finished AMS production run of a pipeline with these assets test files. */
const finishedRun =
  (assetsTestFiles: AssetsTestFile[]) =>
  (runtime: SimRuntime): string => {
    const pipeline = amsProductionPipeline(runtime, { stageTesting: { assetsTestFiles } })
    const e = runAms(runtime, pipeline, { until: (started) => started.status !== 'RUNNING' })
    expect(e.status).toBe('FINISHED')
    return paths.execution.getHref(pipeline.programId, pipeline.id, e.id)
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
