import { act, screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { paths } from '../../config/paths'
import { SYSTEM_ACTOR } from '../../engine/actors'
import { cancelExecution, startExecution } from '../../engine/executions'
import type { SimRuntime } from '../../sim/runtime'
import { renderApp } from '../../testing/render-app'
import { isDisabled } from '../../testing/ui'

const HOUR = 3_600_000
const CONFIG = 'Environment Configuration'

/** The details page of one of the scenario's environments, optionally on its Configuration tab. */
const envPage =
  (name: string, tab?: 'configuration', prepare?: (runtime: SimRuntime, envId: string) => void) => (runtime: SimRuntime) => {
    const program = runtime.engine.listPrograms()[0]!
    const env = runtime.engine.environments(program.id).find((e) => e.name === name)!
    prepare?.(runtime, env.id)
    return `${paths.environment.getHref(program.id, env.id)}${tab ? `?tab=${tab}` : ''}`
  }

type App = ReturnType<typeof renderApp>

async function openConfiguration({ user }: App, label: string) {
  const button = await screen.findByRole('button', { name: label })
  await waitFor(() => expect(isDisabled(button)).toBe(false))
  await user.click(button)
  return screen.findByRole('dialog', { name: CONFIG })
}

test('the details page shows the Environment Information and URLs, and the Configuration tab', async () => {
  const { user, runtime } = renderApp(envPage('fresh-stage'))
  expect(await screen.findByRole('heading', { level: 1, name: 'fresh-stage' })).toBeTruthy()
  const info = screen.getByRole('region', { name: 'Environment Information' })
  const env = runtime.engine.environments('1').find((e) => e.name === 'fresh-stage')!
  expect(within(info).getByText(env.region)).toBeTruthy()
  expect(within(info).getAllByText('Ready').length).toBeGreaterThan(0)
  expect(within(info).getByText('Not locked: no pipeline is deploying to it.')).toBeTruthy()
  const urls = screen.getByRole('region', { name: 'URLs' })
  expect(within(urls).getByRole('link', { name: `https://author-p1-e${env.id}.adobeaemcloud.com` })).toBeTruthy()
  expect(within(urls).getAllByRole('link')).toHaveLength(3)

  await user.click(screen.getByRole('tab', { name: 'Configuration' }))
  expect(await screen.findByText('No environment variables yet')).toBeTruthy()
  expect(screen.getByRole('button', { name: 'Add Configuration' })).toBeTruthy()
})

test('a Deployment Manager adds variables: inline validation, nothing lost, one PATCH, secrets masked', async () => {
  const app = renderApp(envPage('fresh-stage', 'configuration'))
  const { user, runtime } = app
  let dialog = await openConfiguration(app, 'Add Configuration')
  const add = () => user.click(within(dialog).getByRole('button', { name: 'Add Variable' }))

  await add()
  await user.type(within(dialog).getByRole('textbox', { name: 'Name of new variable 1' }), 'my-var')
  await user.type(within(dialog).getByRole('textbox', { name: 'Value of new variable 1' }), 'hello')
  await add()
  await user.type(within(dialog).getByRole('textbox', { name: 'Name of new variable 2' }), 'API_TOKEN')
  await user.click(within(dialog).getByRole('button', { name: /Type of new variable 2/ }))
  await user.click(await screen.findByRole('option', { name: 'Secret' }))
  const secret = within(dialog).getByLabelText('Value of new variable 2')
  await user.click(secret)
  await user.paste('x'.repeat(500))
  await add()
  await user.type(within(dialog).getByRole('textbox', { name: 'Name of new variable 3' }), 'X')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  expect(within(dialog).getByText('Use letters, digits and underscores, not starting with a digit (e.g. MY_VAR).')).toBeTruthy()
  expect(within(dialog).getByText('A secret value must be shorter than 500 characters (this one has 500).')).toBeTruthy()
  expect(within(dialog).getByText('A variable name has 2 to 100 characters.')).toBeTruthy()
  expect(within(dialog).getByText('Enter a value; delete the row to remove the variable.')).toBeTruthy()
  expect(runtime.engine.environments('1').find((e) => e.name === 'fresh-stage')!.variables).toHaveLength(0)

  // Fix each row; the rest of what was typed is still there.
  const name1 = within(dialog).getByRole('textbox', { name: 'Name of new variable 1' })
  expect((within(dialog).getByRole('textbox', { name: 'Value of new variable 1' }) as HTMLInputElement).value).toBe('hello')
  await user.clear(name1)
  await user.type(name1, 'MY_VAR')
  await user.click(within(dialog).getByRole('button', { name: /Service applied of new variable 1/ }))
  await user.click(await screen.findByRole('option', { name: 'Publish' }))
  await user.type(secret, '{Backspace}')
  await user.click(within(dialog).getByRole('button', { name: 'Delete new variable 3' }))
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: CONFIG })).toBeNull())

  const table = await screen.findByRole('grid', { name: 'Environment variables' })
  const row = (name: string) => within(table).getByText(name).closest('[role="row"]') as HTMLElement
  expect(within(row('MY_VAR')).getByText('hello')).toBeTruthy()
  expect(within(row('MY_VAR')).getByText('Publish')).toBeTruthy()
  expect(within(row('API_TOKEN')).getByText('Secret, not shown')).toBeTruthy()
  expect(within(row('API_TOKEN')).getByText('Secret')).toBeTruthy()
  expect(within(row('API_TOKEN')).getByText('All')).toBeTruthy()
  expect(table.textContent).not.toContain('xxxx')

  // With variables the button is Add / Update; an empty value deletes, a stored secret stays unless retyped.
  dialog = await openConfiguration(app, 'Add / Update')
  expect((within(dialog).getByLabelText('Value of API_TOKEN') as HTMLInputElement).value).toBe('')
  await user.click(within(dialog).getByRole('button', { name: 'Delete MY_VAR' }))
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(within(table).queryByText('MY_VAR')).toBeNull())
  expect(
    runtime.engine
      .environments('1')
      .find((e) => e.name === 'fresh-stage')!
      .variables.map((v) => v.name),
  ).toEqual(['API_TOKEN'])
})

test('server field errors land on the rows that caused them, and nothing typed is lost', async () => {
  const DAN = { roles: ['deployment-manager' as const], userId: 'dan@AdobeID' }
  const app = renderApp(envPage('fresh-dev', 'configuration'))
  const { user, runtime } = app
  const dialog = await openConfiguration(app, 'Add Configuration')
  // Meanwhile someone else stores a secret TOKEN for all services.
  const env = runtime.engine.environments('1').find((e) => e.name === 'fresh-dev')!
  act(() => {
    runtime.engine.patchEnvironmentVariables(DAN, '1', env.id, [{ name: 'TOKEN', value: 's3cret', type: 'secretString' }])
  })
  await user.click(within(dialog).getByRole('button', { name: 'Add Variable' }))
  await user.type(within(dialog).getByRole('textbox', { name: 'Name of new variable 1' }), 'MODE')
  await user.type(within(dialog).getByRole('textbox', { name: 'Value of new variable 1' }), 'fast')
  await user.click(within(dialog).getByRole('button', { name: 'Add Variable' }))
  await user.type(within(dialog).getByRole('textbox', { name: 'Name of new variable 2' }), 'TOKEN')
  await user.type(within(dialog).getByRole('textbox', { name: 'Value of new variable 2' }), 'plain')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  // The server refuses the whole list, naming entry [1]; it is shown on that row's Type.
  expect(
    await within(dialog).findByText(
      'The type of TOKEN cannot change from secretString to string: delete the variable and create it again.',
    ),
  ).toBeTruthy()
  expect(within(dialog).getByText('Some variables need attention')).toBeTruthy()
  expect((within(dialog).getByRole('textbox', { name: 'Value of new variable 2' }) as HTMLInputElement).value).toBe('plain')
  expect((within(dialog).getByRole('textbox', { name: 'Name of new variable 1' }) as HTMLInputElement).value).toBe('MODE')
  expect(
    runtime.engine
      .environments('1')
      .find((e) => e.name === 'fresh-dev')!
      .variables.map((v) => v.name),
  ).toEqual(['TOKEN'])

  // Renaming the row clears its server error and the save goes through.
  const name2 = within(dialog).getByRole('textbox', { name: 'Name of new variable 2' })
  await user.clear(name2)
  await user.type(name2, 'TOKEN_2')
  expect(within(dialog).queryByText(/The type of TOKEN cannot change/)).toBeNull()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog', { name: CONFIG })).toBeNull())
  expect(
    runtime.engine
      .environments('1')
      .find((e) => e.name === 'fresh-dev')!
      .variables.map((v) => v.name)
      .sort(),
  ).toEqual(['MODE', 'TOKEN', 'TOKEN_2'])
})

test('while a pipeline waits at approval, Add / Update is unavailable with the reason; after approval it is back', async () => {
  const app = renderApp(
    envPage('fresh-prod', 'configuration', (runtime) => {
      const pipeline = runtime.engine.ctx.pipelinesOf('1')[0]!
      runtime.engine.mutate(() => startExecution(runtime.engine.ctx, SYSTEM_ACTOR, '1', pipeline.id))
      runtime.advance(3 * HOUR)
    }),
    { scenario: 'coupled-pipeline' },
  )
  const button = await screen.findByRole('button', { name: 'Add Configuration' })
  await waitFor(() => expect(isDisabled(button)).toBe(true))
  expect(
    screen.getByText(
      /^Environment "fresh-prod" is being updated by a running pipeline: "Production Pipeline" is waiting at Approval/,
    ),
  ).toBeTruthy()
  expect(screen.getAllByText('Locked by Production Pipeline').length).toBeGreaterThan(0)
  await app.user.click(screen.getByRole('button', { name: /Why Add Configuration is unavailable/ }))
  expect((await screen.findByRole('dialog')).textContent).toMatch(/being updated by a running pipeline/)
  await app.user.keyboard('{Escape}')

  // The execution is stopped: the lock is released and the button comes back by itself.
  act(() => {
    const pipeline = app.runtime.engine.ctx.pipelinesOf('1')[0]!
    app.runtime.engine.mutate(() => cancelExecution(app.runtime.engine.ctx, SYSTEM_ACTOR, '1', pipeline.id))
  })
  await waitFor(() => expect(isDisabled(screen.getByRole('button', { name: 'Add Configuration' }))).toBe(false), {
    timeout: 8_000,
  })
})

test('roles other than Deployment Manager read the variables but cannot change them, and are told why', async () => {
  renderApp(envPage('fresh-stage', 'configuration'), { role: 'business-owner' })
  const button = await screen.findByRole('button', { name: 'Add Configuration' })
  await waitFor(() => expect(isDisabled(button)).toBe(true))
  expect(screen.getByText("You don't have permission to edit environment variables: this needs Deployment Manager.")).toBeTruthy()
})
