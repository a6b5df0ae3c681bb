import { describe, expect, it } from 'vitest'
import type { Variable } from '../../contract/resources'
import { changesOf, MAX_VARIABLES, rowErrorsOf, rowsOf, validateRows, type VariableRow } from './variables-form'

const PIPELINE = { owner: 'A pipeline', appliedTo: 'step' }
const ENVIRONMENT = { owner: 'An environment', appliedTo: 'service' }

const stored: Variable[] = [
  { name: 'PLAIN', value: 'a', type: 'string', service: 'build', status: 'ready' },
  { name: 'SECRET', type: 'secretString', service: 'uiTest', status: 'ready' },
]

describe('variables form', () => {
  it('mirrors the server’s rules: name pattern and length, value and secret limits, duplicates', () => {
    const rows: VariableRow[] = [
      { key: 'a', name: 'my-var', value: 'x', service: 'build', type: 'string' },
      { key: 'b', name: 'X', value: 'x', service: 'build', type: 'string' },
      { key: 'c', name: 'LONG', value: 'v'.repeat(2049), service: 'build', type: 'string' },
      { key: 'd', name: 'SECRET_2', value: 's'.repeat(500), service: 'build', type: 'secretString' },
      { key: 'e', name: 'OK', value: 'v', service: 'build', type: 'string' },
      { key: 'f', name: 'OK', value: 'w', service: 'build', type: 'string' },
      { key: 'g', name: 'OK', value: 'w', service: 'uiTest', type: 'string' },
    ]
    const errors = validateRows(rows, PIPELINE)
    expect(errors.get('a')?.name).toMatch(/letters, digits and underscores/)
    expect(errors.get('b')?.name).toMatch(/2 to 100 characters/)
    expect(errors.get('c')?.value).toMatch(/at most 2048/)
    expect(errors.get('d')?.value).toMatch(/shorter than 500/)
    expect(errors.get('e')).toBeUndefined()
    expect(errors.get('f')?.name).toBe('This name is already used for this step.')
    expect(errors.get('g')).toBeUndefined()
  })

  it('sends deletions, renames and changed values only; an untouched secret is left alone', () => {
    const rows = rowsOf(stored)
    expect(changesOf(rows, []).body).toEqual([])
    const renamed = rows.map((r) => (r.name === 'PLAIN' ? { ...r, name: 'PLAIN_2' } : r))
    const added: VariableRow = { key: 'n', name: 'NEW', value: 'v', service: 'functionalTest', type: 'string' }
    const { body, origin } = changesOf([...renamed.filter((r) => r.name !== 'SECRET'), added], [stored[1] as Variable])
    expect(body).toEqual([
      { name: 'SECRET', value: '', service: 'uiTest' },
      { name: 'PLAIN', value: '', service: 'build' },
      { name: 'PLAIN_2', value: 'a', type: 'string', service: 'build' },
      { name: 'NEW', value: 'v', type: 'string', service: 'functionalTest' },
    ])
    // The server's `[3].name` belongs to the NEW row; `[0]` (a deletion) to no row.
    const mapped = rowErrorsOf({ '[3].name': 'bad', '[0].name': 'gone' }, origin)
    expect(mapped.rows.get('n')).toEqual({ name: 'bad' })
    expect(mapped.general).toEqual(['gone'])
  })

  it('speaks of the holder and what a variable applies to; no service means all services', () => {
    const row = (key: string, service: string): VariableRow => ({ key, name: 'SAME', value: 'v', service, type: 'string' })
    const rows = [row('all', ''), row('author', 'author'), row('again', '')]
    expect(validateRows(rows, ENVIRONMENT).get('again')?.name).toBe('This name is already used for this service.')
    expect(validateRows(rows, ENVIRONMENT).get('author')).toBeUndefined()
    const many = Array.from({ length: MAX_VARIABLES + 1 }, (_, i) => ({ ...row(`r${i}`, ''), name: `V_${i}` }))
    expect(validateRows(many, ENVIRONMENT).get(`r${MAX_VARIABLES}`)?.name).toBe('An environment can have at most 200 variables.')
    expect(changesOf(rows.slice(0, 2), []).body).toEqual([
      { name: 'SAME', value: 'v', type: 'string' },
      { name: 'SAME', value: 'v', type: 'string', service: 'author' },
    ])
  })
})
