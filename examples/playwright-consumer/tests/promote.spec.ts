import { expect, test } from 'pipeline-console/playwright'
import { executionIds, pipelineId } from './helpers.js'

test('a Deployment Manager promotes the latest stage-only build to production', async ({ page, sim }) => {
  await sim.reset('split-pipelines', { seed: 7 })
  await sim.asRole('deployment-manager')
  const stageOnly = await pipelineId(sim, '1', 'Stage Only pipeline')
  const [latest] = await executionIds(sim, '1', stageOnly)

  await page.goto(`/program/1/pipeline/${stageOnly}/execution/${latest}`)
  const promote = page.getByRole('region', { name: 'Promote Build' })
  await promote.getByRole('button', { name: 'Promote Build', exact: true }).click()
  await page.getByRole('alertdialog', { name: 'Run Pipeline' }).getByRole('button', { name: 'Run', exact: true }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Prod Only Pipeline' })).toBeVisible()
  const preparation = page.getByRole('article', { name: 'Artifact Preparation', exact: true })
  await expect(preparation.getByText('A previously compiled build artifact has been reused for this step.')).toBeVisible()

  // The clock stays paused until the test moves it; then the promoted build reaches production.
  const { reason } = await sim.advanceUntilWaiting()
  expect(reason).toBe('idle')
  await expect(page.getByRole('region', { name: 'Execution summary' }).getByText('Finished', { exact: true })).toBeVisible()
})
