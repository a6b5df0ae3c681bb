/**
 * The Variables Configuration grid (spec §A.6) as data: rows as typed, the checks the server
 * also makes (mirrored so problems show while typing), and the one PATCH list a save sends,
 * with the way back from the server's `[i].field` errors to the rows that caused them.
 */
import type { Variable, VariableUpdate } from '../../../contract/resources'

export const VARIABLE_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z_0-9]*$/
export const MIN_NAME = 2
export const MAX_NAME = 100
export const MAX_VARIABLES = 200
export const MAX_VALUE = 2048
/** Secret values must be shorter than 500 characters. */
export const MAX_SECRET = 499

export type VariableType = Variable['type']

export const STEPS = [
  { id: 'build', label: 'Build' },
  { id: 'functionalTest', label: 'Functional testing' },
  { id: 'uiTest', label: 'UI testing' },
] as const

export const STEP_LABEL: Record<string, string> = {
  build: 'Build',
  functionalTest: 'Functional testing',
  uiTest: 'UI testing',
  loadTest: 'Load testing',
}

export const TYPES = [
  { id: 'string', label: 'Plain text' },
  { id: 'secretString', label: 'Secret' },
] as const

export interface VariableRow {
  /** Local identity, stable while the dialog is open. */
  key: string
  /** The stored variable this row started from; absent for a new row. */
  original?: Variable
  name: string
  /** For a stored secret: empty means "unchanged" (the API never returns it). */
  value: string
  service: string
  type: VariableType
}

export type RowField = 'name' | 'value' | 'service' | 'type'
export type RowErrors = Partial<Record<RowField, string>>

export function rowsOf(variables: readonly Variable[]): VariableRow[] {
  return variables.map((v, i) => ({
    key: `stored-${i}`,
    original: v,
    name: v.name,
    value: v.type === 'string' ? (v.value ?? '') : '',
    service: v.service ?? 'build',
    type: v.type,
  }))
}

const isSecretUnchanged = (row: VariableRow) => row.original?.type === 'secretString' && row.value === ''
const renamed = (row: VariableRow) =>
  row.original !== undefined && (row.original.name !== row.name || (row.original.service ?? 'build') !== row.service)

export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a variable name.'
  if (name.length < MIN_NAME || name.length > MAX_NAME) return `A variable name has ${MIN_NAME} to ${MAX_NAME} characters.`
  if (!VARIABLE_NAME_PATTERN.test(name)) {
    return 'Use letters, digits and underscores, not starting with a digit (e.g. MY_VAR).'
  }
  return undefined
}

/** Problems of each row (by key), as the server would report them, plus duplicates. */
export function validateRows(rows: readonly VariableRow[]): Map<string, RowErrors> {
  const out = new Map<string, RowErrors>()
  const seen = new Map<string, string>()
  for (const row of rows) {
    const errors: RowErrors = {}
    const name = nameProblem(row.name)
    if (name) errors.name = name
    const id = `${row.name}\u0000${row.service}`
    if (!name && seen.has(id)) errors.name = 'This name is already used for this step.'
    seen.set(id, row.key)
    if (row.type === 'secretString') {
      if (row.value.length > MAX_SECRET) {
        errors.value = `A secret value must be shorter than ${MAX_SECRET + 1} characters (this one has ${row.value.length}).`
      } else if (row.value === '' && (!row.original || renamed(row) || row.original.type !== 'secretString')) {
        errors.value = row.original ? 'Enter the secret value again to change its name or step.' : 'Enter a value.'
      }
    } else if (row.value.length > MAX_VALUE) {
      errors.value = `A value has at most ${MAX_VALUE} characters (this one has ${row.value.length}).`
    } else if (row.value === '') {
      errors.value = 'Enter a value; delete the row to remove the variable.'
    }
    if (Object.keys(errors).length > 0) out.set(row.key, errors)
  }
  return out
}

export interface Changes {
  /** The PATCH body, in order. */
  body: VariableUpdate[]
  /** For each entry of the body, the row (and which of its fields) it came from. */
  origin: Array<{ key: string; deletesOld: boolean }>
}

/**
 * The one PATCH list: deletions of removed (or renamed) variables first, then every new or
 * changed value. A stored secret whose value was not retyped is left alone.
 */
export function changesOf(rows: readonly VariableRow[], removed: readonly Variable[]): Changes {
  const body: VariableUpdate[] = []
  const origin: Changes['origin'] = []
  for (const v of removed) {
    body.push({ name: v.name, value: '', ...(v.service ? { service: v.service } : {}) })
    origin.push({ key: '', deletesOld: true })
  }
  for (const row of rows) {
    const before = row.original
    if (before && renamed(row)) {
      body.push({ name: before.name, value: '', ...(before.service ? { service: before.service } : {}) })
      origin.push({ key: row.key, deletesOld: true })
    }
    if (before && !renamed(row)) {
      if (isSecretUnchanged(row)) continue
      if (before.type === 'string' && before.value === row.value && row.type === before.type) continue
    }
    body.push({ name: row.name, value: row.value, type: row.type, service: row.service })
    origin.push({ key: row.key, deletesOld: false })
  }
  return { body, origin }
}

/**
 * Puts the server's field errors (`[2].name`, `[0].value`) on the rows they came from; errors
 * that belong to no row (or to a deletion) are returned as general messages.
 */
export function rowErrorsOf(
  fieldErrors: Readonly<Record<string, string>>,
  origin: Changes['origin'],
): { rows: Map<string, RowErrors>; general: string[] } {
  const rows = new Map<string, RowErrors>()
  const general: string[] = []
  for (const [path, message] of Object.entries(fieldErrors)) {
    const match = /\[(\d+)\]\.(\w+)$/.exec(path)
    const at = match ? origin[Number(match[1])] : undefined
    const field = match?.[2] as RowField | undefined
    if (!at || at.deletesOld || !at.key || !field || !['name', 'value', 'service', 'type'].includes(field)) {
      general.push(message)
      continue
    }
    rows.set(at.key, { ...rows.get(at.key), [field]: message })
  }
  return { rows, general }
}
