import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../testing/render-app'
import { isDisabled } from '../testing/ui'

test('Deploy on the overview says why it is unavailable while the program has no production pipeline', async () => {
  renderApp('/program/1/overview')
  const cta = await screen.findByRole('region', { name: 'Deploy to production' })
  expect(await within(cta).findByText('Add a production pipeline to deploy to production.')).toBeTruthy()
  expect(isDisabled(within(cta).getByRole('button', { name: 'Deploy' }))).toBe(true)
})

test('Deploy → Build starts the coupled production pipeline and opens its execution', async () => {
  const { user, router } = renderApp('/program/1/overview', { scenario: 'coupled-pipeline' })
  const cta = await screen.findByRole('region', { name: 'Deploy to production' })
  const deploy = within(cta).getByRole('button', { name: 'Deploy' })
  await expect.poll(() => isDisabled(deploy)).toBe(false)
  await user.click(deploy)
  const dialog = await screen.findByRole('dialog', { name: 'Deploy to production' })
  await user.click(within(dialog).getByRole('button', { name: 'Build' }))
  await expect.poll(() => router.state.location.pathname).toMatch(/\/pipeline\/\d+\/execution\/\d+$/)
})

test('a pipeline that has run offers the execution popover beside its status, with its stages', async () => {
  const { user } = renderApp('/program/1/pipelines', { scenario: 'demo' })
  const info = await screen.findByRole('button', { name: 'Execution details for Production Pipeline' })
  await user.click(info)
  const popover = await screen.findByRole('dialog', { name: /Pipeline Execution #\d+/ })
  expect(await within(popover).findByText('Stage Deployment')).toBeTruthy()
  expect(within(popover).getByRole('link', { name: 'View details' })).toBeTruthy()
})

test('the Pipelines card of the Overview offers the same popover, whose View details opens the execution', async () => {
  const { user, router } = renderApp('/program/1/overview', { scenario: 'demo' })
  const card = await screen.findByRole('grid', { name: 'Pipelines' })
  const info = await within(card).findByRole('button', { name: 'Execution details for Production Pipeline' })
  await user.click(info)
  const popover = await screen.findByRole('dialog', { name: /Pipeline Execution #\d+/ })
  const id = /#(\d+)/.exec(popover.getAttribute('aria-label') ?? within(popover).getByRole('heading').textContent ?? '')?.[1]
  expect(await within(popover).findByRole('table', { name: 'Phases of the execution' })).toBeTruthy()
  await user.click(within(popover).getByRole('link', { name: 'View details' }))
  await expect.poll(() => router.state.location.pathname).toMatch(new RegExp(`/execution/${id}$`))
})

test('on the Overview a pipeline that never ran has no popover', async () => {
  renderApp('/program/1/overview', { scenario: 'coupled-pipeline' })
  const card = await screen.findByRole('grid', { name: 'Pipelines' })
  expect(await within(card).findByText('Production Pipeline')).toBeTruthy()
  expect(within(card).queryByRole('button', { name: /^Execution details for/ })).toBeNull()
})
