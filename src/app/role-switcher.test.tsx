import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../testing/render-app'
import { programPage } from '../testing/ui'
import { offeredRoles } from './role-switcher'

test('switching the role to Developer refetches with the new token and every Add entry explains why it is unavailable', async () => {
  const app = renderApp(programPage('pipelines'))
  const role = await screen.findByRole('button', { name: /Role/ })
  expect(role.textContent).toContain('Deployment Manager')
  await app.user.click(role)
  await app.user.click(await screen.findByRole('option', { name: 'Developer' }))
  expect(app.roles.get()).toBe('developer')

  const add = await screen.findByRole('button', { name: 'Add Pipeline' })
  await waitFor(() => expect(add.hasAttribute('disabled')).toBe(false))
  await app.user.click(add)
  const menu = await screen.findByRole('menu')
  for (const item of within(menu).getAllByRole('menuitem')) {
    // The reason comes from the API's permission check, not from the UI.
    await waitFor(() => expect(item.getAttribute('aria-haspopup')).toBe('menu'))
  }
  expect(within(menu).getAllByText(/permission|role|Deployment Manager/i).length).toBeGreaterThan(0)
})

test('Customer Success Engineer is offered on an AMS program only; a cse user keeps the role listed elsewhere', () => {
  expect(offeredRoles('aem_managed_services', 'deployment-manager')).toContain('cse')
  expect(offeredRoles('aem_cloud_service', 'deployment-manager')).not.toContain('cse')
  expect(offeredRoles(undefined, 'developer')).not.toContain('cse')
  expect(offeredRoles('aem_cloud_service', 'cse')).toContain('cse')
  expect(offeredRoles('aem_cloud_service', 'developer')).toEqual([
    'business-owner',
    'deployment-manager',
    'program-manager',
    'developer',
  ])
})

test('on an AMS program the role picker offers Customer Success Engineer, and choosing it switches the token', async () => {
  const app = renderApp(programPage('pipelines'), { scenario: 'ams-program' })
  const role = await screen.findByRole('button', { name: /Role/ })
  await app.user.click(role)
  await app.user.click(await screen.findByRole('option', { name: 'Customer Success Engineer' }))
  expect(app.roles.get()).toBe('cse')
})
