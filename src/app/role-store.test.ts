import { expect, test } from 'vitest'
import { ROLE_CHANGE_EVENT, ROLE_STORAGE_KEY } from '../contract/console-role'
import { createRoleStore, DEFAULT_ROLE, followRoleChanges } from './role-store'

function memory(initial?: string) {
  const items = new Map<string, string>(initial ? [['pipeline-console.role', initial]] : [])
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items }
}

test('starts as Deployment Manager, remembers a choice, and ignores an unknown stored role', () => {
  const storage = memory()
  const store = createRoleStore(storage)
  expect(store.get()).toBe(DEFAULT_ROLE)
  let changes = 0
  store.subscribe(() => changes++)
  store.set('developer')
  expect(changes).toBe(1)
  expect(createRoleStore(storage).get()).toBe('developer')
  expect(createRoleStore(memory('root')).get()).toBe(DEFAULT_ROLE)
})

test('follows a role change event (the Playwright kit’s sim.asRole) like the switcher, and takes up a role stored before it listened', () => {
  const storage = memory()
  const store = createRoleStore(storage)
  const target = new EventTarget()
  let refetches = 0
  storage.setItem(ROLE_STORAGE_KEY, 'program-manager')
  const stop = followRoleChanges(target, store, () => refetches++, storage)
  expect([store.get(), refetches]).toEqual(['program-manager', 1])
  target.dispatchEvent(new CustomEvent(ROLE_CHANGE_EVENT, { detail: 'business-owner' }))
  expect([store.get(), refetches, storage.items.get(ROLE_STORAGE_KEY)]).toEqual(['business-owner', 2, 'business-owner'])
  target.dispatchEvent(new CustomEvent(ROLE_CHANGE_EVENT, { detail: 'business-owner' }))
  target.dispatchEvent(new CustomEvent(ROLE_CHANGE_EVENT, { detail: 'root' }))
  expect([store.get(), refetches]).toEqual(['business-owner', 2])
  stop()
  target.dispatchEvent(new CustomEvent(ROLE_CHANGE_EVENT, { detail: 'developer' }))
  expect(store.get()).toBe('business-owner')
})
