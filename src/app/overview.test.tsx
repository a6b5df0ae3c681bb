import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../testing/render-app'
import { programPage } from '../testing/ui'

test('the overview shows at most three environments and pipelines, with Show All links to their pages', async () => {
  const { user, router } = renderApp(programPage(''), { scenario: 'demo' })
  expect(await screen.findByRole('heading', { level: 1, name: 'We.Retail Global' })).toBeTruthy()
  const environments = screen.getByRole('region', { name: 'Environments' })
  const pipelines = screen.getByRole('region', { name: 'Pipelines' })
  // The demo program has five of each; the cards show the first three.
  expect(await within(environments).findByText('weretail-dev')).toBeTruthy()
  expect(await within(pipelines).findByText('Production Pipeline')).toBeTruthy()
  expect(within(environments).getAllByRole('row')).toHaveLength(4)
  expect(within(pipelines).getAllByRole('row')).toHaveLength(4)
  expect(within(pipelines).getAllByText('Not running')).toHaveLength(3)

  await user.click(within(pipelines).getByRole('link', { name: /Show All/i }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Pipelines' })).toBeTruthy()
  expect(router.state.location.pathname).toMatch(/\/pipelines$/)
  expect(screen.getByRole('link', { name: 'Pipelines' }).getAttribute('aria-current')).toBe('page')
})

test('an unknown program says so once instead of failing every card', async () => {
  renderApp('/program/999/overview')
  expect(await screen.findByRole('heading', { level: 1, name: 'Program not found' })).toBeTruthy()
  expect(screen.getByText(/Not Found/)).toBeTruthy()
  expect(screen.queryByRole('region', { name: 'Pipelines' })).toBeNull()
})
