import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { DEFAULT_ASSETS_SPLIT, SITES_PAGE_SETS } from '../../../engine/ams-pipelines'
import { renderApp } from '../../../testing/render-app'
import { isDisabled, openAddPipelineDialog, programPage } from '../../../testing/ui'

type App = ReturnType<typeof renderApp>

async function pickOption({ user }: App, field: HTMLElement, option: string) {
  await user.click(field)
  await user.click(await screen.findByRole('option', { name: option }))
}

test('a targeted Front End deployment goes to a development environment from its code location, without tests', async () => {
  const app = renderApp(programPage('pipelines'))
  const dialog = await openAddPipelineDialog(app, 'Add Non-Production Pipeline')
  await app.user.type(within(dialog).getByRole('textbox', { name: /Pipeline Name/ }), 'Theme')
  await app.user.click(within(dialog).getByRole('button', { name: 'Continue' }))

  await app.user.click(await within(dialog).findByRole('radio', { name: /Targeted Deployment/ }))
  await app.user.click(within(dialog).getByRole('radio', { name: /Front End Code/ }))
  // Only development environments are eligible; stage-only pipelines are full stack.
  const environment = within(dialog).getByRole('button', { name: /Eligible Deployment Environments/ })
  await app.user.click(environment)
  expect(screen.queryByRole('option', { name: 'fresh-stage (stage)' })).toBeNull()
  await app.user.click(await screen.findByRole('option', { name: 'fresh-dev (dev)' }))
  expect(within(dialog).queryByRole('checkbox', { name: 'Custom UI Testing' })).toBeNull()
  expect(within(dialog).queryByRole('radio', { name: 'Smart Build (Beta)' })).toBeNull()

  const location = within(dialog).getByRole('textbox', { name: /Code Location/ })
  await app.user.clear(location)
  await app.user.type(location, 'ui')
  expect(await within(dialog).findByText('The code location must start with "/".')).toBeTruthy()
  const save = within(dialog).getByRole('button', { name: 'Save' })
  expect(isDisabled(save)).toBe(true)
  await app.user.clear(location)
  await app.user.type(location, '/ui.frontend')
  await waitFor(() => expect(isDisabled(save)).toBe(false))
  await app.user.click(save)

  const row = (await screen.findByText('Theme', { selector: 'span' })).closest('[role="row"]') as HTMLElement
  expect(within(row).getByText('Front End')).toBeTruthy()
  const created = app.runtime.engine.pipelines('1').find((p) => p.name === 'Theme')!
  expect([created.codeSource, created.codeLocation, created.category]).toEqual(['frontEnd', '/ui.frontend', 'nonProduction'])
})

test('a development deployment chooses its tests; Experience Audit adds its tab; Smart Build and ignoring web tier config are kept', async () => {
  const app = renderApp(programPage('pipelines'))
  const dialog = await openAddPipelineDialog(app, 'Add Non-Production Pipeline')
  await app.user.type(within(dialog).getByRole('textbox', { name: /Pipeline Name/ }), 'Dev deploy')
  await app.user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  await pickOption(
    app,
    await within(dialog).findByRole('button', { name: /Eligible Deployment Environments/ }),
    'fresh-dev (dev)',
  )
  await app.user.click(within(dialog).getByRole('radio', { name: 'Smart Build (Beta)' }))
  await app.user.click(within(dialog).getByRole('checkbox', { name: 'Ignore Web Tier Configuration' }))
  await app.user.click(within(dialog).getByRole('checkbox', { name: 'Product Functional Testing' }))
  await app.user.click(within(dialog).getByRole('checkbox', { name: 'Custom UI Testing' }))
  expect(within(dialog).queryByRole('tab', { name: /Experience Audit/ })).toBeNull()
  await app.user.click(within(dialog).getByRole('checkbox', { name: 'Experience Audit' }))
  expect(within(dialog).getByRole('tab', { name: /Experience Audit/ })).toBeTruthy()
  await app.user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  await app.user.type(await within(dialog).findByRole('textbox', { name: 'Page Path' }), '/en.html{Enter}')
  await app.user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await screen.findByText('Dev deploy', { selector: 'span' })

  const created = app.runtime.engine.pipelines('1').find((p) => p.name === 'Dev deploy')!
  expect(created.buildStrategy).toBe('SMART')
  expect(created.ignoreWebTierConfig).toBe(true)
  // The engine's model also holds the AMS test settings: a Cloud Service pipeline keeps their defaults.
  expect(created.stageTesting).toEqual({
    productFunctional: false,
    customFunctional: true,
    customUi: true,
    experienceAudit: true,
    experienceAuditPaths: ['/en.html'],
    sitesPageSets: [...SITES_PAGE_SETS],
    assetsSplit: DEFAULT_ASSETS_SPLIT,
    assetsTestFiles: [],
  })
  expect(created.phases.at(-1)?.steps.map((s) => s.action)).toEqual(['deploy', 'functionalTest', 'uiTest', 'contentAudit'])
})
