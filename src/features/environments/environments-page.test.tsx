import { act, screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { SYSTEM_ACTOR } from '../../engine/actors'
import { startExecution } from '../../engine/executions'
import { renderApp } from '../../testing/render-app'
import { isDisabled, programPage } from '../../testing/ui'

const DAY = 24 * 3_600_000
const HOUR = 3_600_000
const REQUEST = 'Request Second Staging Environment'

const rowOf = (table: HTMLElement, name: string) => within(table).getByText(name).closest('[role="row"]') as HTMLElement

test('the Environments page lists each environment with its type, status, region and URLs, linking to its details', async () => {
  const { user, router } = renderApp(programPage('environments'))
  expect(await screen.findByRole('heading', { level: 1, name: 'Environments' })).toBeTruthy()
  const table = await screen.findByRole('grid', { name: 'Environments' })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Name', 'Type', 'Status', 'Region', 'URLs', 'Actions'])
  const row = rowOf(table, 'fresh-stage')
  expect(within(row).getByText('Stage')).toBeTruthy()
  expect(within(row).getByText('Ready')).toBeTruthy()
  expect(within(row).getAllByRole('gridcell')[2]?.textContent).toMatch(/^[a-z][a-z0-9-]+$/)
  const author = within(row).getByRole('link', { name: 'Author URL of fresh-stage' })
  expect(author.getAttribute('href')).toMatch(/^https:\/\/author-p\d+-e\d+\.adobeaemcloud\.com$/)
  expect(within(row).getByRole('link', { name: 'Publish URL of fresh-stage' })).toBeTruthy()
  expect(within(row).getByRole('link', { name: 'Preview URL of fresh-stage' })).toBeTruthy()

  await user.click(within(row).getByText('fresh-stage'))
  expect(await screen.findByRole('heading', { level: 1, name: 'fresh-stage' })).toBeTruthy()
  expect(router.state.location.pathname).toMatch(/^\/program\/\d+\/environment\/\d+$/)
})

test('a Business Owner requests a second staging environment: inline and server errors, then provisioning until it is ready', async () => {
  const { user, runtime } = renderApp(programPage('environments'), { role: 'business-owner' })
  const open = await screen.findByRole('button', { name: REQUEST })
  await waitFor(() => expect(isDisabled(open)).toBe(false))
  await user.click(open)
  const dialog = await screen.findByRole('dialog', { name: REQUEST })

  // The brief's rules are written out; the region is the one of Stage and Production and cannot be changed.
  expect(within(dialog).getByText('Provisioning can take up to two weeks.')).toBeTruthy()
  expect(within(dialog).getByText(/Data cannot be copied from Staging or Production/)).toBeTruthy()
  expect(within(dialog).getByText(/code and data updates are your responsibility/)).toBeTruthy()
  const region = within(dialog).getByRole('textbox', { name: 'Region' }) as HTMLInputElement
  const stage = runtime.engine.environments('1').find((e) => e.name === 'fresh-stage')!
  expect(region.value).toBe(stage.region)
  expect(region.readOnly).toBe(true)
  expect(within(dialog).getByRole('radio', { name: 'Integration' })).toBeTruthy()
  expect(within(dialog).getByRole('radio', { name: 'Master' })).toBeTruthy()

  // Nothing filled in: every problem at once, nothing sent.
  await user.click(within(dialog).getByRole('button', { name: 'Request' }))
  expect(within(dialog).getByText('Enter a name for the new staging environment.')).toBeTruthy()
  expect(within(dialog).getByText('Choose the branch whose code and database the new environment starts from.')).toBeTruthy()
  expect(runtime.engine.environments('1')).toHaveLength(3)

  // A name the program already uses is refused by the server, next to the field; what was typed stays.
  const name = within(dialog).getByRole('textbox', { name: /^Name/ })
  await user.type(name, 'fresh-stage')
  await user.type(within(dialog).getByRole('textbox', { name: /^Description/ }), 'UAT')
  await user.click(within(dialog).getByRole('radio', { name: 'Master' }))
  await user.click(within(dialog).getByRole('button', { name: 'Request' }))
  expect(await within(dialog).findByText('An environment named "fresh-stage" already exists in this program.')).toBeTruthy()
  expect((within(dialog).getByRole('textbox', { name: /^Description/ }) as HTMLTextAreaElement).value).toBe('UAT')
  expect((within(dialog).getByRole('radio', { name: 'Master' }) as HTMLInputElement).checked).toBe(true)

  await user.type(name, '-2')
  await user.click(within(dialog).getByRole('button', { name: 'Request' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: REQUEST })).toBeNull())

  const table = await screen.findByRole('grid', { name: 'Environments' })
  const row = await waitFor(() => rowOf(table, 'fresh-stage-2'))
  expect(within(row).getByText('Additional Staging')).toBeTruthy()
  expect(within(row).getByText(/^Requested \w{3} \d{1,2}, \d{4} — provisioning \(up to 2 weeks\)$/)).toBeTruthy()
  const created = runtime.engine.environments('1').find((e) => e.name === 'fresh-stage-2')!
  expect(created).toMatchObject({ isAdditionalStage: true, region: stage.region, request: { baseBranch: 'MASTER' } })

  // Only one at a time: the button says why it is unavailable now.
  await waitFor(() => expect(isDisabled(screen.getByRole('button', { name: REQUEST }))).toBe(true))
  expect(screen.getByText(/A request is already being provisioned: "fresh-stage-2"/)).toBeTruthy()

  // Two weeks later it is ready, with its URLs.
  act(() => runtime.advance(14 * DAY))
  await waitFor(() => expect(within(rowOf(table, 'fresh-stage-2')).getByText('Ready')).toBeTruthy())
  expect(within(rowOf(table, 'fresh-stage-2')).getByRole('link', { name: 'Author URL of fresh-stage-2' })).toBeTruthy()
  expect(screen.getByText(/already has an additional staging environment \("fresh-stage-2"\)/)).toBeTruthy()
})

test('other roles see the request unavailable, with the reason and a way to read it by keyboard', async () => {
  const { user } = renderApp(programPage('environments'), { role: 'developer' })
  const button = await screen.findByRole('button', { name: REQUEST })
  await waitFor(() => expect(isDisabled(button)).toBe(true))
  const reason = "You don't have permission to request an additional staging environment: this needs Business Owner."
  expect(screen.getByText(reason)).toBeTruthy()
  await user.click(screen.getByRole('button', { name: new RegExp(`Why ${REQUEST} is unavailable`) }))
  expect((await screen.findByRole('dialog')).textContent).toContain(reason)
})

test('a pipeline waiting at approval locks stage and production: the list says who holds them and why', async () => {
  const { runtime } = renderApp(
    (rt) => {
      const program = rt.engine.listPrograms()[0]!
      const pipeline = rt.engine.ctx.pipelinesOf(program.id)[0]!
      rt.engine.mutate(() => startExecution(rt.engine.ctx, SYSTEM_ACTOR, program.id, pipeline.id))
      return `/program/${program.id}/environments`
    },
    { scenario: 'coupled-pipeline' },
  )
  const table = await screen.findByRole('grid', { name: 'Environments' })
  // Deploying to stage already holds both (the coupled pipeline will deploy to production after it).
  act(() => runtime.advance(3 * HOUR))
  await waitFor(() =>
    expect(within(rowOf(table, 'fresh-prod')).getByText(/is waiting at Approval before deploying to fresh-prod/)).toBeTruthy(),
  )
  expect(within(rowOf(table, 'fresh-prod')).getByText('Locked by Production Pipeline')).toBeTruthy()
  expect(within(rowOf(table, 'fresh-stage')).getByText('Locked by Production Pipeline')).toBeTruthy()
  expect(within(rowOf(table, 'fresh-dev')).queryByText(/Locked by/)).toBeNull()
})
