/**
 * A variables grid (environment variables, spec §A.5; pipeline variables, §A.6) as data: rows as
 * typed, the checks the server also makes (mirrored so problems show while typing), and the one
 * PATCH list a save sends, with the way back from the server's `[i].field` errors to the rows
 * that caused them.
 *
 * A variable is identified by its name and service; no service (`''` here) means all services.
 */
import type { Variable, VariableUpdate } from '../../contract/resources'

export const VARIABLE_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z_0-9]*$/
export const MIN_NAME = 2
export const MAX_NAME = 100
export const MAX_VARIABLES = 200
export const MAX_VALUE = 2048
/** Secret values must be shorter than 500 characters. */
export const MAX_SECRET = 499

export type VariableType = Variable['type']

/** The words the checks use where environment and pipeline variables differ. */
export interface VariableWords {
  /** Who holds the variables, as a sentence starts: "An environment", "A pipeline". */
  owner: string
  /** What a variable applies to: "service", "step". */
  appliedTo: string
}

export interface VariableRow {
  /** Local identity, stable while the dialog is open. */
  key: string
  /** The stored variable this row started from; absent for a new row. */
  original?: Variable
  name: string
  /** For a stored secret: empty means "unchanged" (the API never returns it). */
  value: string
  /** `''` for all services. */
  service: string
  type: VariableType
}

export type RowField = 'name' | 'value' | 'service' | 'type'
export type RowErrors = Partial<Record<RowField, string>>
export const ROW_FIELDS: readonly RowField[] = ['name', 'value', 'service', 'type']

export const limitMessage = (words: VariableWords) => `${words.owner} can have at most ${MAX_VARIABLES} variables.`

export function rowsOf(variables: readonly Variable[]): VariableRow[] {
  return variables.map((v, i) => ({
    key: `stored-${i}`,
    original: v,
    name: v.name,
    value: v.type === 'string' ? (v.value ?? '') : '',
    service: v.service ?? '',
    type: v.type,
  }))
}

let nextKey = 0
export function newRow(service: string): VariableRow {
  nextKey += 1
  return { key: `new-${nextKey}`, name: '', value: '', service, type: 'string' }
}

const isSecretUnchanged = (row: VariableRow) => row.original?.type === 'secretString' && row.value === ''
/** A stored variable whose name or service changed: the old one is deleted, a new one added. */
export const isRenamed = (row: VariableRow) =>
  row.original !== undefined && (row.original.name !== row.name || (row.original.service ?? '') !== row.service)

export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a variable name.'
  if (name.length < MIN_NAME || name.length > MAX_NAME) return `A variable name has ${MIN_NAME} to ${MAX_NAME} characters.`
  if (!VARIABLE_NAME_PATTERN.test(name)) return 'Use letters, digits and underscores, not starting with a digit (e.g. MY_VAR).'
  return undefined
}

/** Problems of each row (by key), as the server would report them, plus duplicates and the limit. */
export function validateRows(rows: readonly VariableRow[], words: VariableWords): Map<string, RowErrors> {
  const out = new Map<string, RowErrors>()
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    const errors: RowErrors = {}
    const name = nameProblem(row.name)
    if (name) errors.name = name
    const id = `${row.name}\u0000${row.service}`
    if (!name && seen.has(id)) errors.name = `This name is already used for this ${words.appliedTo}.`
    seen.add(id)
    if (!name && index >= MAX_VARIABLES) errors.name = limitMessage(words)
    if (row.type === 'secretString') {
      if (row.value.length > MAX_SECRET) {
        errors.value = `A secret value must be shorter than ${MAX_SECRET + 1} characters (this one has ${row.value.length}).`
      } else if (row.value === '' && (!row.original || isRenamed(row) || row.original.type !== 'secretString')) {
        errors.value = row.original ? `Enter the secret value again to change its name or ${words.appliedTo}.` : 'Enter a value.'
      }
    } else if (row.value.length > MAX_VALUE) {
      errors.value = `A value has at most ${MAX_VALUE} characters (this one has ${row.value.length}).`
    } else if (row.value === '') {
      errors.value = 'Enter a value; delete the row to remove the variable.'
    }
    if (Object.keys(errors).length > 0) out.set(row.key, errors)
  })
  return out
}

export interface Changes {
  /** The PATCH body, in order. */
  body: VariableUpdate[]
  /** For each entry of the body, the row it came from, and whether it deletes the row's old variable. */
  origin: Array<{ key: string; deletesOld: boolean }>
}

const withService = (service: string | undefined) => (service ? { service } : {})

/**
 * The one PATCH list: deletions of removed (or renamed) variables first, then every new or
 * changed value. A stored secret whose value was not retyped is left alone.
 */
export function changesOf(rows: readonly VariableRow[], removed: readonly Variable[]): Changes {
  const body: VariableUpdate[] = []
  const origin: Changes['origin'] = []
  for (const v of removed) {
    body.push({ name: v.name, value: '', ...withService(v.service) })
    origin.push({ key: '', deletesOld: true })
  }
  for (const row of rows) {
    const before = row.original
    if (before && isRenamed(row)) {
      body.push({ name: before.name, value: '', ...withService(before.service) })
      origin.push({ key: row.key, deletesOld: true })
    } else if (before) {
      if (isSecretUnchanged(row)) continue
      if (before.type === 'string' && before.value === row.value) continue
    }
    body.push({ name: row.name, value: row.value, type: row.type, ...withService(row.service) })
    origin.push({ key: row.key, deletesOld: false })
  }
  return { body, origin }
}

export interface ServerErrors {
  rows: Map<string, RowErrors>
  general: string[]
}

/**
 * Puts the server's field errors (`arg2[2].name`, `[0].value`) on the rows they came from;
 * errors that belong to no row (or to a deletion) are returned as general messages.
 */
export function rowErrorsOf(fieldErrors: Readonly<Record<string, string>>, origin: Changes['origin']): ServerErrors {
  const rows = new Map<string, RowErrors>()
  const general: string[] = []
  for (const [path, message] of Object.entries(fieldErrors)) {
    const match = /\[(\d+)\]\.(\w+)$/.exec(path)
    const at = match ? origin[Number(match[1])] : undefined
    const field = match?.[2]
    if (!at || at.deletesOld || !at.key || !isRowField(field)) {
      general.push(message)
      continue
    }
    rows.set(at.key, { ...rows.get(at.key), [field]: message })
  }
  return { rows, general }
}

const isRowField = (field: string | undefined): field is RowField => ROW_FIELDS.includes(field as RowField)
