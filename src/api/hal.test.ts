import { expect, test } from 'vitest'
import { REL } from '../contract/rels'
import { expandTemplate, getLink, hasLink, linkHref } from './hal'

test('finds a relation in the http spelling the API emits and in the https spelling of some docs', () => {
  const emitted = { _links: { [REL.pipelines]: { href: '/api/program/1/pipelines' } } }
  const documented = { _links: { 'https://ns.adobe.com/adobecloud/rel/pipelines': { href: '/api/program/2/pipelines' } } }
  expect(linkHref(emitted, REL.pipelines)).toBe('/api/program/1/pipelines')
  expect(linkHref(documented, REL.pipelines)).toBe('/api/program/2/pipelines')
  expect(hasLink(emitted, REL.environments)).toBe(false)
})

test('takes the first of an array of links', () => {
  expect(getLink({ _links: { self: [{ href: '/a' }, { href: '/b' }] } }, 'self')?.href).toBe('/a')
})

test('expands templated links, dropping variables that are not given', () => {
  const logs = '/api/program/1/environment/2/logs?service={service}&name={name}&days={days}'
  expect(expandTemplate(logs, { service: 'author', name: 'aemerror', days: 1 })).toBe(
    '/api/program/1/environment/2/logs?service=author&name=aemerror&days=1',
  )
  expect(expandTemplate('/api/program/1/pipeline/2/execution/{executionId}', { executionId: '7 8' })).toBe(
    '/api/program/1/pipeline/2/execution/7%208',
  )
  expect(expandTemplate('/list{?start,limit}', { limit: 20 })).toBe('/list?limit=20')
  expect(expandTemplate('/list{?start,limit}', {})).toBe('/list')
})

test('refuses to follow a link the representation does not offer', () => {
  expect(() => linkHref({ _links: {} }, REL.cache)).toThrow(/cache/)
})
