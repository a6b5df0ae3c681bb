import type { ReactElement } from 'react'
import { createRoutesFromElements, matchRoutes } from 'react-router-dom'
import { expect, test } from 'vitest'
import { paths } from '../config/paths'
import { pages, routeModuleFor } from './route-modules'
import { routeTable } from './routes'

const samples = [
  '/programs',
  paths.overview.getHref('1'),
  paths.pipelines.getHref('1'),
  paths.environments.getHref('22'),
  paths.environment.getHref('1', '7'),
  paths.activity.getHref('1'),
  paths.audit.getHref('3'),
  paths.execution.getHref('1', '4', '1009'),
]

test('the module preloaded for a page is the one the route table renders for it', () => {
  const routes = createRoutesFromElements(routeTable)
  for (const pathname of samples) {
    const leaf = matchRoutes(routes, pathname)?.at(-1)?.route
    const name = routeModuleFor(pathname)
    expect(name, pathname).toBeDefined()
    expect((leaf?.element as ReactElement | undefined)?.type, pathname).toBe(pages[name as keyof typeof pages])
  }
})

test('other addresses preload nothing: the router decides (redirects, unknown pages)', () => {
  for (const pathname of ['/', '/program/1', '/program/1/', '/program/1/unknown', '/program/1/pipelines/extra', '/nowhere'])
    expect(routeModuleFor(pathname), pathname).toBeUndefined()
})
