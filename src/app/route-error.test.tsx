import { render, screen } from '@testing-library/react'
import { expect, test, vi } from 'vitest'
import { RouteErrorBoundary } from './route-error'

function Broken(): never {
  throw new Error('The page module could not be loaded.')
}

test('an error while rendering a page shows Something went wrong at that location, and a navigation renders the pages again', () => {
  // React reports the caught error on the console; the boundary's answer is what is checked here.
  vi.spyOn(console, 'error').mockImplementation(() => {})
  const view = render(
    <RouteErrorBoundary location="first">
      <Broken />
    </RouteErrorBoundary>,
  )
  expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy()
  expect(screen.getByText(/could not be loaded/)).toBeTruthy()

  view.rerender(
    <RouteErrorBoundary location="first">
      <p>Pipelines</p>
    </RouteErrorBoundary>,
  )
  expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy()

  view.rerender(
    <RouteErrorBoundary location="second">
      <p>Pipelines</p>
    </RouteErrorBoundary>,
  )
  expect(screen.getByText('Pipelines')).toBeTruthy()
  expect(screen.queryByRole('heading', { name: 'Something went wrong' })).toBeNull()
})
