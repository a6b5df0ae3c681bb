import { useState } from 'react'

export type FieldErrors<K extends string> = Partial<Record<K, string>>

/** What the server refused: messages by field, and the rest as general messages. */
export interface ServerErrors<K extends string> {
  fields: FieldErrors<K>
  general: string[]
}

export const NO_SERVER_ERRORS: ServerErrors<never> = { fields: {}, general: [] }

/**
 * A form's values with their inline checks and the server's field errors. A field shows its
 * check once it has been changed (or all of them after `touchAll`, on a submit); a server error
 * shows until its field is changed.
 */
export function useFormFields<F extends object>(initial: () => F, validate: (form: F) => FieldErrors<keyof F & string>) {
  type K = keyof F & string
  const [form, setForm] = useState<F>(initial)
  const [touched, setTouched] = useState<ReadonlySet<K>>(new Set())
  const [server, setServer] = useState<ServerErrors<K>>(NO_SERVER_ERRORS)
  const client = validate(form)
  const errorOf = (field: K) => server.fields[field] ?? (touched.has(field) ? client[field] : undefined)
  const change = (patch: Partial<F>) => {
    setForm((f) => ({ ...f, ...patch }))
    const fields = Object.keys(patch) as K[]
    setTouched((t) => new Set([...t, ...fields]))
    setServer((s) => {
      const next = { ...s.fields }
      for (const f of fields) delete next[f]
      return { ...s, fields: next }
    })
  }
  const touchAll = () => setTouched(new Set(Object.keys(form) as K[]))
  return { form, change, errorOf, client, isValid: Object.keys(client).length === 0, touchAll, server, setServer }
}
