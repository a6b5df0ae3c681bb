import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, expect, test } from 'vitest'
import type { Actor } from '../../../engine/model'
import { firstProgramId, renderApp } from '../../../testing/render-app'

const DM: Actor = { roles: ['deployment-manager'], userId: 'dm@AdobeID' }

beforeAll(async () => {
  await import('./add-pipeline-dialog')
})

test('Edit Production Pipeline on an AMS program starts from its AMS settings and updates them', async () => {
  const app = renderApp(
    (runtime) => {
      const { engine } = runtime
      const programId = firstProgramId(runtime)
      const envs = engine.environments(programId)
      const env = (type: string) => envs.find((e) => e.type === type)!.id
      engine.createPipeline(DM, programId, {
        name: 'AMS Release',
        category: 'production',
        repositoryId: engine.repositories(programId)[0]!.id,
        branch: 'main',
        environmentIds: [env('stage'), env('prod')],
        productionOptions: { pauseBeforeProd: false, scheduled: false, goLiveApproval: true, cseOversight: 'MY_CSE' },
        skipDetachingDispatchers: true,
        dispatcherPaths: { prod: [{ path: '/content/x', type: 'FLUSH' }] },
      })
      return `/program/${programId}/pipelines`
    },
    { scenario: 'ams-program' },
  )
  await app.user.click(await screen.findByRole('button', { name: 'Actions for AMS Release' }, { timeout: 20_000 }))
  await app.user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: /^Edit/ }))
  const dialog = await screen.findByRole('dialog', { name: 'Edit Production Pipeline' }, { timeout: 20_000 })
  const box = (name: string) => within(dialog).getByRole('checkbox', { name }) as HTMLInputElement
  await waitFor(() => expect(box('Use Go Live Approval').checked).toBe(true))
  expect(box('Use CSE Oversight').checked).toBe(true)
  expect((within(dialog).getByRole('radio', { name: 'My CSE' }) as HTMLInputElement).checked).toBe(true)
  expect(box('Skip Load Balancer changes').checked).toBe(true)
  expect(within(dialog).getByRole('table', { name: 'Production dispatcher paths' }).textContent).toContain('/content/x')
  expect(within(dialog).queryByRole('checkbox', { name: 'Pause before deploying to Production' })).toBeNull()

  await app.user.click(box('Skip Load Balancer changes'))
  await app.user.click(within(dialog).getByRole('button', { name: 'Remove /content/x' }))
  await app.user.click(within(dialog).getByRole('button', { name: 'Update' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Production Pipeline' })).toBeNull())
  const saved = app.runtime.engine.pipelines(firstProgramId(app.runtime)).find((p) => p.name === 'AMS Release')!
  expect(saved.skipDetachingDispatchers).toBe(false)
  expect(saved.dispatcherPaths.prod ?? []).toEqual([])
  expect(saved.productionOptions.cseOversight).toBe('MY_CSE')
}, 90_000)
