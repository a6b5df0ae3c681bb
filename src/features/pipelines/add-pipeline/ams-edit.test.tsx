import { fireEvent, screen, waitFor, within } from '@testing-library/react'
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
  // The read-only Testing list: a named list of what the pipeline's steps test, nothing to change.
  const testing = within(dialog).getByRole('list', { name: 'Testing' })
  expect(
    within(testing)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Static Code Testing', 'Load/Performance Testing', 'Security Testing'])
  expect(within(testing).queryByRole('checkbox')).toBeNull()
  expect(box('Approve after Stage Deployment').checked).toBe(false)

  await app.user.click(box('Skip Load Balancer changes'))
  await app.user.click(within(dialog).getByRole('button', { name: 'Remove /content/x' }))
  await app.user.click(within(dialog).getByRole('button', { name: 'Update' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Production Pipeline' })).toBeNull())
  const saved = app.runtime.engine.pipelines(firstProgramId(app.runtime)).find((p) => p.name === 'AMS Release')!
  expect(saved.skipDetachingDispatchers).toBe(false)
  expect(saved.dispatcherPaths.prod ?? []).toEqual([])
  expect(saved.productionOptions.cseOversight).toBe('MY_CSE')
}, 90_000)

test("Edit Non-Production Pipeline on an AMS program lists a development deployment's testing: static code only", async () => {
  const app = renderApp(
    (runtime) => {
      const { engine } = runtime
      const programId = firstProgramId(runtime)
      engine.createPipeline(DM, programId, {
        name: 'AMS Dev',
        category: 'nonProduction',
        nonProdKind: 'deployment',
        repositoryId: engine.repositories(programId)[0]!.id,
        branch: 'main',
        environmentIds: [engine.environments(programId).find((e) => e.type === 'dev')!.id],
      })
      return `/program/${programId}/pipelines`
    },
    { scenario: 'ams-program' },
  )
  await app.user.click(await screen.findByRole('button', { name: 'Actions for AMS Dev' }, { timeout: 20_000 }))
  await app.user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: /^Edit/ }))
  const dialog = await screen.findByRole('dialog', { name: 'Edit Non-Production Pipeline' }, { timeout: 20_000 })
  const testing = await within(dialog).findByRole('list', { name: 'Testing' })
  expect(
    within(testing)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Static Code Testing'])
}, 90_000)

test('the Cloud Service Edit dialog has no Testing list', async () => {
  const app = renderApp(
    (runtime) => {
      const { engine } = runtime
      const programId = firstProgramId(runtime)
      const envs = engine.environments(programId)
      engine.createPipeline(DM, programId, {
        name: 'CS Release',
        category: 'production',
        repositoryId: engine.repositories(programId)[0]!.id,
        branch: 'main',
        environmentIds: [envs.find((e) => e.type === 'stage')!.id, envs.find((e) => e.type === 'prod')!.id],
      })
      return `/program/${programId}/pipelines`
    },
    { scenario: 'fresh-program' },
  )
  await app.user.click(await screen.findByRole('button', { name: 'Actions for CS Release' }, { timeout: 20_000 }))
  await app.user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: /^Edit/ }))
  const dialog = await screen.findByRole('dialog', { name: 'Edit Production Pipeline' }, { timeout: 20_000 })
  await within(dialog).findByRole('textbox', { name: /Pipeline Name/ })
  expect(within(dialog).queryByRole('list', { name: 'Testing' })).toBeNull()
}, 90_000)

test('Edit on an AMS program shows the saved assets test files; removing one is refused with an error, a new one can be added', async () => {
  const app = renderApp(
    (runtime) => {
      const { engine } = runtime
      const programId = firstProgramId(runtime)
      const envs = engine.environments(programId)
      engine.createPipeline(DM, programId, {
        name: 'AMS Assets',
        category: 'production',
        repositoryId: engine.repositories(programId)[0]!.id,
        branch: 'main',
        environmentIds: [envs.find((e) => e.type === 'stage')!.id, envs.find((e) => e.type === 'prod')!.id],
        stageTesting: { assetsTestFiles: [{ format: 'PDF', fileName: 'brochure.pdf' }] },
      })
      return `/program/${programId}/pipelines`
    },
    { scenario: 'ams-program' },
  )
  await app.user.click(await screen.findByRole('button', { name: 'Actions for AMS Assets' }, { timeout: 20_000 }))
  await app.user.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: /^Edit/ }))
  const dialog = await screen.findByRole('dialog', { name: 'Edit Production Pipeline' }, { timeout: 20_000 })
  await app.user.click(within(dialog).getByRole('tab', { name: /Stage Testing/ }))
  const testFiles = await within(dialog).findByRole('group', { name: 'Test files' })
  const table = within(testFiles).getByRole('table', { name: 'Assets test files' })
  await app.user.click(within(table).getByRole('button', { name: 'Remove brochure.pdf' }))
  expect(within(testFiles).getByRole('alert').textContent).toBe(
    '"brochure.pdf" was uploaded with the pipeline and cannot be removed while editing it.',
  )
  expect(within(table).getByRole('row', { name: /brochure\.pdf/ })).toBeTruthy()
  const picker = testFiles.querySelector('input[type="file"]') as HTMLInputElement
  fireEvent.change(picker, { target: { files: [new File(['%PDF'], 'manual.pdf', { type: 'application/pdf' })] } })
  await app.user.click(within(dialog).getByRole('button', { name: 'Update' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Production Pipeline' })).toBeNull())
  const saved = app.runtime.engine.pipelines(firstProgramId(app.runtime)).find((p) => p.name === 'AMS Assets')!
  expect(saved.stageTesting.assetsTestFiles.map((f) => f.fileName)).toEqual(['brochure.pdf', 'manual.pdf'])
}, 90_000)
