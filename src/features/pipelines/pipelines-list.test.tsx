import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../../testing/render-app'
import { rowOf, seedPipelines, startPipeline } from '../../testing/pipelines'

const rowNames = () =>
  within(screen.getByRole('grid', { name: 'Pipelines' }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByText(/./, { selector: 'span' })[0]?.textContent)

test('a star marks a favourite for this role and pins it on top; another role has its own', async () => {
  const app = renderApp((runtime) => {
    seedPipelines(runtime, ['Alpha', 'Beta', 'Gamma'])
    return '/program/1/pipelines'
  })
  await rowOf('Gamma')
  expect(rowNames()).toEqual(['Alpha', 'Beta', 'Gamma'])
  const star = screen.getByRole('button', { name: 'Mark Gamma as favourite' })
  expect(star.getAttribute('aria-pressed')).toBe('false')
  await app.user.click(star)
  await waitFor(() => expect(rowNames()).toEqual(['Gamma', 'Alpha', 'Beta']))
  expect(screen.getByRole('button', { name: 'Mark Gamma as favourite' }).getAttribute('aria-pressed')).toBe('true')
  expect(app.runtime.engine.pipelines('1').find((p) => p.name === 'Gamma')?.favoriteOf).toEqual(['deployment-manager'])

  await app.user.click(screen.getByRole('button', { name: /Role/ }))
  await app.user.click(await screen.findByRole('option', { name: 'Developer' }))
  await waitFor(() => expect(rowNames()).toEqual(['Alpha', 'Beta', 'Gamma']))
})

test('Run selected lists the selection with why some cannot start, and Run (M) starts the others', async () => {
  const app = renderApp((runtime) => {
    const [, , busy] = seedPipelines(runtime, ['One', 'Two', 'Busy', 'Three'])
    startPipeline(runtime, busy as string)
    return '/program/1/pipelines'
  })
  await rowOf('Three')
  expect(screen.queryByRole('button', { name: /Run selected/ })).toBeNull()
  const table = screen.getByRole('grid', { name: 'Pipelines' })
  await app.user.click(within(table).getByRole('checkbox', { name: 'Select All' }))
  await app.user.click(await screen.findByRole('button', { name: 'Run selected (4)' }))
  const dialog = await screen.findByRole('dialog', { name: 'Run selected pipelines (4)' })
  const list = within(dialog).getByRole('list', { name: 'Selected pipelines' })
  const busy = within(list).getByText('Busy').closest('li') as HTMLElement
  expect(within(busy).getByText('Cannot start')).toBeTruthy()
  expect(within(busy).getByText(/Pipeline is busy/)).toBeTruthy()
  expect(within(list).getAllByText('Will start')).toHaveLength(3)
  await app.user.click(within(dialog).getByRole('button', { name: 'Run (3)' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: /Run selected pipelines/ })).toBeNull())
  for (const name of ['One', 'Two', 'Three']) {
    await waitFor(async () => expect(within(await rowOf(name)).getByText('Running…')).toBeTruthy())
  }
  expect(screen.queryByRole('button', { name: /Run selected/ })).toBeNull()
})

test('filters by name, environment and type combine', async () => {
  const app = renderApp((runtime) => {
    seedPipelines(runtime, ['Nightly', 'Weekly'])
    const engine = runtime.engine
    const dev = engine.environments('1').find((e) => e.type === 'dev')!
    engine.createPipeline({ roles: ['deployment-manager'], userId: 'dm' }, '1', {
      name: 'Nightly deploy',
      category: 'nonProduction',
      nonProdKind: 'deployment',
      repositoryId: engine.repositories('1')[0]!.id,
      branch: 'main',
      environmentIds: [dev.id],
    })
    return '/program/1/pipelines'
  })
  await rowOf('Nightly deploy')
  await app.user.type(screen.getByRole('searchbox', { name: 'Name' }), 'night')
  await waitFor(() => expect(rowNames()).toEqual(['Nightly', 'Nightly deploy']))
  await app.user.click(screen.getByRole('button', { name: /Type/ }))
  await app.user.click(await screen.findByRole('option', { name: 'Non-Production · Deployment' }))
  await waitFor(() => expect(rowNames()).toEqual(['Nightly deploy']))
  await app.user.click(screen.getByRole('button', { name: /Environment/ }))
  await app.user.click(await screen.findByRole('option', { name: 'fresh-stage' }))
  expect(await screen.findByText('No pipelines match the filters')).toBeTruthy()
  await app.user.click(screen.getByRole('button', { name: 'Clear filters' }))
  await waitFor(() => expect(rowNames()).toEqual(['Nightly', 'Weekly', 'Nightly deploy']))
})
