import { screen, waitFor, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../testing/render-app'
import { programPage } from '../testing/ui'

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
