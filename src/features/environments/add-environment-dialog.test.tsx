import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import type { Role } from '../../contract/resources'
import type { SimRuntime } from '../../sim/runtime'
import { firstProgramId, renderApp } from '../../testing/render-app'
import { addTransportFault } from '../../testing/sim-api'
import { isDisabled, programPage } from '../../testing/ui'

const ADD = 'Add Environment'
const NETWORK_ERROR = /Network error: no answer came from the server/

type App = ReturnType<typeof renderApp>

const rowOf = (table: HTMLElement, name: string) => within(table).getByText(name).closest('[role="row"]') as HTMLElement

function start(role: Role = 'deployment-manager', url: (runtime: SimRuntime) => string = programPage('environments')) {
  return renderApp(url, { role })
}

async function openDialog({ user }: App): Promise<HTMLElement> {
  const open = await screen.findByRole('button', { name: ADD })
  await waitFor(() => expect(isDisabled(open)).toBe(false))
  await user.click(open)
  return screen.findByRole('dialog', { name: ADD })
}

const textbox = (dialog: HTMLElement, name: RegExp) => within(dialog).getByRole('textbox', { name }) as HTMLInputElement

test('a Deployment Manager adds a Development environment: it appears in the table as creating', async () => {
  const app = start()
  const dialog = await openDialog(app)
  expect(within(dialog).getByRole('radiogroup', { name: /Environment type/ })).toBeTruthy()
  // The primary region defaults to the program's.
  expect(within(dialog).getByRole('button', { name: /Primary region/ }).textContent).toContain('va7')
  expect(within(dialog).getByText('Where the environment runs; it cannot be changed later.')).toBeTruthy()

  await app.user.click(within(dialog).getByRole('radio', { name: 'Development' }))
  await app.user.type(textbox(dialog, /^Name/), 'feature-dev')
  await app.user.type(textbox(dialog, /^Description/), 'Feature work')
  const save = within(dialog).getByRole('button', { name: 'Save' })
  await waitFor(() => expect(isDisabled(save)).toBe(false))
  await app.user.click(save)

  await waitFor(() => expect(screen.queryByRole('dialog', { name: ADD })).toBeNull())
  expect(await screen.findByText('Environment "feature-dev" is being created.')).toBeTruthy()
  const table = await screen.findByRole('grid', { name: 'Environments' })
  const row = await waitFor(() => rowOf(table, 'feature-dev'))
  expect(within(row).getByText('Development')).toBeTruthy()
  expect(within(row).getByText('Creating…')).toBeTruthy()
  const created = app.runtime.engine.environments('1').find((e) => e.name === 'feature-dev')
  expect(created).toMatchObject({ type: 'dev', region: 'va7', description: 'Feature work', status: 'creating' })
})

test('Production + Stage is unavailable with the server’s reason when the program already has them', async () => {
  const app = start()
  const dialog = await openDialog(app)
  const pair = within(dialog).getByRole('radio', { name: 'Production + Stage' })
  expect(isDisabled(pair)).toBe(true)
  const reason =
    'This program already has a stage environment ("fresh-stage"); request an additional staging environment instead.'
  const group = within(dialog).getByRole('radiogroup', { name: /Environment type/ })
  const described = (group.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
  expect(described).toContain(`Production + Stage: ${reason}`)
  expect(isDisabled(within(dialog).getByRole('radio', { name: 'Rapid Development' }))).toBe(false)
})

test('an empty or too long name is rejected inline and keeps Save disabled', async () => {
  const app = start()
  const dialog = await openDialog(app)
  const save = within(dialog).getByRole('button', { name: 'Save' })
  expect(isDisabled(save)).toBe(true)

  const name = textbox(dialog, /^Name/)
  await app.user.click(name)
  await app.user.paste('x'.repeat(65))
  expect(await within(dialog).findByText('Use at most 64 characters (this name has 65).')).toBeTruthy()
  expect(name.getAttribute('aria-invalid')).toBe('true')
  expect(isDisabled(save)).toBe(true)

  await app.user.clear(name)
  expect(await within(dialog).findByText('Enter an environment name.')).toBeTruthy()
  expect(isDisabled(save)).toBe(true)

  await app.user.type(name, 'ok-dev')
  await waitFor(() => expect(isDisabled(save)).toBe(false))
  expect(name.getAttribute('aria-invalid')).toBeNull()
})

test('a duplicate name is refused by the server and shown next to Name, keeping what was typed', async () => {
  const app = start()
  const dialog = await openDialog(app)
  await app.user.click(within(dialog).getByRole('radio', { name: 'Rapid Development' }))
  await app.user.type(textbox(dialog, /^Name/), 'fresh-dev')
  await app.user.type(textbox(dialog, /^Description/), 'Another one')
  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))

  expect(await within(dialog).findByText('An environment named "fresh-dev" already exists in this program.')).toBeTruthy()
  expect(textbox(dialog, /^Name/).value).toBe('fresh-dev')
  expect(textbox(dialog, /^Name/).getAttribute('aria-invalid')).toBe('true')
  expect(textbox(dialog, /^Description/).value).toBe('Another one')
  expect((within(dialog).getByRole('radio', { name: 'Rapid Development' }) as HTMLInputElement).checked).toBe(true)
  expect(app.runtime.engine.environments('1')).toHaveLength(3)
})

test('a network error says so and keeps the form; Save again adds the environment', async () => {
  const app = start()
  const dialog = await openDialog(app)
  await addTransportFault({ method: 'POST', path: '/api/program/*/environments', kind: 'network', count: 1 })
  await app.user.type(textbox(dialog, /^Name/), 'retry-dev')
  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))

  expect(await within(dialog).findByText(NETWORK_ERROR)).toBeTruthy()
  expect(within(dialog).getByText('The environment was not added')).toBeTruthy()
  expect(textbox(dialog, /^Name/).value).toBe('retry-dev')

  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: ADD })).toBeNull())
  expect(app.runtime.engine.environments('1').filter((e) => e.name === 'retry-dev')).toHaveLength(1)
})

test('a program without Production and Stage gets both, stage first, in the chosen region', async () => {
  const app = start('business-owner', (runtime) => {
    const programId = firstProgramId(runtime)
    runtime.engine.mutate(() => {
      const ctx = runtime.engine.ctx
      ctx.state.environments = ctx.state.environments.filter((e) => e.type !== 'stage' && e.type !== 'prod')
      ctx.reindex()
      ctx.touch()
    })
    return `/program/${programId}/environments`
  })
  const dialog = await openDialog(app)
  await app.user.click(within(dialog).getByRole('radio', { name: 'Production + Stage' }))
  await app.user.type(textbox(dialog, /^Production name/), 'shop-prod')
  await app.user.type(textbox(dialog, /^Stage name/), 'shop-stage')
  await app.user.click(within(dialog).getByRole('button', { name: /Primary region/ }))
  await app.user.click(await screen.findByRole('option', { name: 'nld2' }))
  expect(within(dialog).getByText('Production and Stage share this region; it cannot be changed later.')).toBeTruthy()
  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))

  await waitFor(() => expect(screen.queryByRole('dialog', { name: ADD })).toBeNull())
  expect(await screen.findByText('Environments "shop-stage" and "shop-prod" are being created.')).toBeTruthy()
  const added = app.runtime.engine.environments('1').filter((e) => e.name.startsWith('shop-'))
  expect(added.map((e) => [e.name, e.type, e.region])).toEqual([
    ['shop-stage', 'stage', 'nld2'],
    ['shop-prod', 'prod', 'nld2'],
  ])
})

test('a Developer sees Add Environment unavailable, with the server’s reason', async () => {
  start('developer')
  const button = await screen.findByRole('button', { name: ADD })
  await waitFor(() => expect(isDisabled(button)).toBe(true))
  expect(
    screen.getByText("You don't have permission to add environments: this needs Business Owner, Deployment Manager."),
  ).toBeTruthy()
})
