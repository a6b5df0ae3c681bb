/**
 * The Network faults form as data: what was typed, the checks the simulator also makes (shown
 * while typing), the request body, and how an active fault reads in the list.
 */
import {
  MAX_TRANSPORT_LATENCY_MS,
  type TransportFault,
  type TransportFaultCreate,
  type TransportFaultKind,
  type TransportFaultMethod,
} from '../../contract/transport-faults'

export const ANY_METHOD = 'ANY'
export const METHODS: ReadonlyArray<TransportFaultMethod> = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

export const KIND_LABEL: Record<TransportFaultKind, string> = {
  latency: 'Latency',
  error500: 'Server error (500)',
  network: 'Network error',
}

export interface TransportFaultForm {
  path: string
  method: TransportFaultMethod | typeof ANY_METHOD
  kind: TransportFaultKind
  /** NaN while empty, as NumberField reports it. */
  ms: number
  /** NaN while empty: every matching request until removed. */
  count: number
}

export type TransportFaultField = 'path' | 'ms' | 'count'
export type TransportFaultErrors = Partial<Record<TransportFaultField, string>>

export const DEFAULT_TRANSPORT_FAULT: TransportFaultForm = { path: '', method: ANY_METHOD, kind: 'error500', ms: 2_000, count: 1 }

const MAX_PATH = 1_000
const grouped = new Intl.NumberFormat('en-US')

export function validateTransportFault(form: TransportFaultForm): TransportFaultErrors {
  const errors: TransportFaultErrors = {}
  const path = form.path.trim()
  if (path === '') errors.path = 'Enter the path of the requests to affect, such as /api/program/*/pipelines.'
  else if (!path.startsWith('/')) errors.path = 'A route starts with /.'
  else if (path.length > MAX_PATH) errors.path = `Use at most ${grouped.format(MAX_PATH)} characters.`
  if (form.kind === 'latency') {
    if (Number.isNaN(form.ms)) errors.ms = 'Enter the delay in milliseconds.'
    else if (!Number.isInteger(form.ms) || form.ms < 0 || form.ms > MAX_TRANSPORT_LATENCY_MS)
      errors.ms = `Use a whole number of milliseconds from 0 to ${grouped.format(MAX_TRANSPORT_LATENCY_MS)}.`
  }
  if (!Number.isNaN(form.count) && (!Number.isInteger(form.count) || form.count < 1))
    errors.count = 'Use a whole number of requests, 1 or more, or leave it empty for every request.'
  return errors
}

export function transportFaultBody(form: TransportFaultForm): TransportFaultCreate {
  return {
    path: form.path.trim(),
    kind: form.kind,
    ...(form.method === ANY_METHOD ? {} : { method: form.method }),
    ...(form.kind === 'latency' ? { ms: form.ms } : {}),
    ...(Number.isNaN(form.count) ? {} : { count: form.count }),
  }
}

/** The simulator's field errors on the form's fields; anything else is said once for the form. */
export function transportFaultErrorsOf(fieldErrors: Readonly<Record<string, string>>): {
  fields: TransportFaultErrors
  general: string[]
} {
  const fields: TransportFaultErrors = {}
  const general: string[] = []
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field === 'path' || field === 'ms' || field === 'count') fields[field] = message
    else general.push(`${field}: ${message}`)
  }
  return { fields, general }
}

/** For instance `PUT /api/programs: network error, next 2 requests`. */
export function describeTransportFault(fault: TransportFault): string {
  const what = fault.kind === 'latency' ? `${grouped.format(fault.ms ?? 0)} ms latency` : KIND_LABEL[fault.kind].toLowerCase()
  const left =
    fault.remaining === null
      ? 'every request until removed'
      : `next ${grouped.format(fault.remaining)} request${fault.remaining === 1 ? '' : 's'}`
  return `${fault.method ?? 'Any method'} ${fault.path}: ${what}, ${left}`
}
