import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../../testing/render-app'

test('the programs list shows Fresh Program and opens its overview', async () => {
  const { user, router } = renderApp('/')
  expect(await screen.findByRole('heading', { level: 1, name: 'My Programs' })).toBeTruthy()
  const link = await screen.findByRole('link', { name: 'Fresh Program' })
  const row = link.closest('[role="row"]') as HTMLElement
  expect(within(row).getByText('Ready')).toBeTruthy()
  await user.click(link)
  expect(await screen.findByRole('heading', { level: 2, name: 'Environments' })).toBeTruthy()
  expect(router.state.location.pathname).toMatch(/^\/program\/[^/]+\/overview$/)
})
