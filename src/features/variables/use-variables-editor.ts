import { ToastQueue } from '@react-spectrum/s2'
import { type UseMutationOptions, useMutation } from '@tanstack/react-query'
import { useCallback, useRef, useState } from 'react'
import { isApiError } from '../../api/http'
import type { Variable, VariableList } from '../../contract/resources'
import { problemMessage } from '../../components/failure-message'
import {
  changesOf,
  newRow,
  ROW_FIELDS,
  type RowErrors,
  type RowField,
  rowErrorsOf,
  rowsOf,
  type ServerErrors,
  type VariableRow,
  validateRows,
} from './variables-form'
import type { PatchVariables, VariablesScope } from './variables-scope'

const NO_SERVER_ERRORS: ServerErrors = { rows: new Map(), general: [] }

/**
 * The editing state of a variables grid: rows as typed, what each row shows, and one save.
 * It starts from the list as it was when the dialog opened; later refetches never overwrite typing.
 */
export function useVariablesEditor(
  scope: VariablesScope,
  holder: string,
  list: VariableList,
  mutation: UseMutationOptions<void, Error, PatchVariables>,
  onDone: () => void,
) {
  const [rows, setRows] = useState<VariableRow[]>(() => rowsOf(list._embedded.variables))
  const [removed, setRemoved] = useState<Variable[]>([])
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set())
  const [attempted, setAttempted] = useState(false)
  const [server, setServer] = useState<ServerErrors>(NO_SERVER_ERRORS)
  const save = useMutation(mutation)
  const sending = useRef(false)

  const client = validateRows(rows, scope)
  /** What each row shows: the server's word on a field first, the client's once the field was touched or a save tried. */
  const errorsOf = (row: VariableRow): RowErrors | undefined => {
    const out: RowErrors = {}
    for (const field of ROW_FIELDS) {
      const message =
        server.rows.get(row.key)?.[field] ??
        (attempted || touched.has(`${row.key}.${field}`) ? client.get(row.key)?.[field] : undefined)
      if (message !== undefined) out[field] = message
    }
    return Object.keys(out).length > 0 ? out : undefined
  }

  const update = useCallback((key: string, field: RowField, value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)))
    setTouched((t) => new Set([...t, `${key}.${field}`]))
    // The server judged the row as a whole (a type clash is about its name too): any change clears its verdict.
    setServer((s) => {
      if (!s.rows.has(key)) return s
      const next = new Map(s.rows)
      next.delete(key)
      return { ...s, rows: next }
    })
  }, [])
  const add = () => setRows((rs) => [...rs, newRow(scope.newRowService)])
  const remove = useCallback((row: VariableRow) => {
    setRows((rs) => rs.filter((r) => r.key !== row.key))
    const original = row.original
    if (original) setRemoved((rm) => [...rm, original])
  }, [])

  const submit = () => {
    setAttempted(true)
    // One PATCH per press: a second press before React re-renders finds the save already on its way.
    if (client.size > 0 || save.isPending || sending.current) return
    const changes = changesOf(rows, removed)
    if (changes.body.length === 0) return onDone()
    setServer(NO_SERVER_ERRORS)
    sending.current = true
    save.mutate(
      { list, changes: changes.body },
      {
        onSettled: () => {
          sending.current = false
        },
        onSuccess: () => {
          ToastQueue.positive(`The variables of "${holder}" were saved.`, { timeout: 5000 })
          onDone()
        },
        onError: (error) => {
          if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) {
            setServer(rowErrorsOf(error.fieldErrors, changes.origin))
          } else {
            setServer({ rows: new Map(), general: [problemMessage(error)] })
          }
        },
      },
    )
  }

  return {
    rows,
    errorsOf,
    update,
    add,
    remove,
    submit,
    isSaving: save.isPending,
    /** Why the last save failed, where no row is to blame. */
    saveProblems: server.general,
    needsAttention: (attempted && client.size > 0) || server.rows.size > 0,
  }
}
