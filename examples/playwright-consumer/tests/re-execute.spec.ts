import { expect, test } from 'pipeline-console/playwright'
import { pipelineId } from './helpers.js'

test('a failed production deployment, approved by a Business Owner, is re-executed by a Deployment Manager', async ({
  page,
  sim,
}) => {
  await sim.reset('coupled-pipeline')
  await sim.fault({ pipeline: 'Production Pipeline', action: 'deploy', environmentType: 'prod' })
  const pipeline = await pipelineId(sim, '1', 'Production Pipeline')
  const run = await sim.api<{ id: string }>('PUT', `/api/program/1/pipeline/${pipeline}/execution`, undefined, 'deployment-manager')
  expect((await sim.advanceUntilWaiting()).reason).toBe('waiting')

  // The production gate, as the Business Owner.
  await sim.asRole('business-owner')
  await page.goto(`/program/1/pipeline/${pipeline}/execution/${run.id}`)
  const approval = page.getByRole('article', { name: 'Approval', exact: true })
  await approval.getByRole('button', { name: 'Approve', exact: true }).click()
  await page.getByRole('alertdialog', { name: 'Approve the production deployment?' }).getByRole('button', { name: 'Approve' }).click()
  await sim.advance('30m')
  expect((await sim.advanceUntilWaiting()).reason).toBe('idle')

  // The injected fault failed the deployment; the Deployment Manager re-executes it.
  await sim.asRole('deployment-manager')
  await expect(page.getByRole('region', { name: 'Execution summary' }).getByText('Failed', { exact: true })).toBeVisible()
  const deploy = page.getByRole('article', { name: 'Deploy to Production', exact: true })
  await deploy.getByRole('button', { name: 'Re-execute', exact: true }).click()
  await page
    .getByRole('alertdialog', { name: 'Re-execute the production deployment?' })
    .getByRole('button', { name: 'Re-execute', exact: true })
    .click()
  await expect(page).not.toHaveURL(new RegExp(`/execution/${run.id}$`))
  await expect(page.getByRole('article')).toHaveCount(3)
})
