import { screen, within } from '@testing-library/react'
import { expect, test } from 'vitest'
import { renderApp } from '../../testing/render-app'
import { programPage } from '../../testing/ui'

test('the Environments page lists each environment with its type, status and region', async () => {
  renderApp(programPage('environments'))
  expect(await screen.findByRole('heading', { level: 1, name: 'Environments' })).toBeTruthy()
  const table = await screen.findByRole('grid', { name: 'Environments' })
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Name', 'Type', 'Status', 'Region'])
  const row = within(table).getByText('fresh-stage').closest('[role="row"]') as HTMLElement
  expect(within(row).getByText('Stage')).toBeTruthy()
  expect(within(row).getByText('Running')).toBeTruthy()
  expect(within(row).getAllByRole('gridcell').at(-1)?.textContent).toMatch(/\w+/)
})
