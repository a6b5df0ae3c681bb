import { expect, test } from 'vitest'
import { createRoleStore, DEFAULT_ROLE } from './role-store'

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
