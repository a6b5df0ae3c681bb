/**
 * Domain errors. The engine knows nothing of HTTP; the adapter maps each kind to a status.
 */
export interface FieldError {
  /** Dotted path of the offending input, e.g. `name` or `variables[2].value`. */
  field: string
  message: string
  invalidValue?: unknown
}

export type DomainErrorKind = 'not-found' | 'invalid' | 'forbidden' | 'conflict' | 'precondition-failed' | 'not-allowed'

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** Extra facts a client may act on, e.g. the id of the pipeline that blocks a start. */
    readonly facts: Readonly<Record<string, string>> = {},
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string, id: string) => new DomainError('not-found', `${what} ${id} does not exist.`)

export const invalid = (message: string, fieldErrors: readonly FieldError[] = []) =>
  new DomainError('invalid', message, fieldErrors)

export const forbidden = (message: string) => new DomainError('forbidden', message)

export const conflict = (message: string, facts: Record<string, string> = {}) => new DomainError('conflict', message, [], facts)

export const preconditionFailed = (message: string, facts: Record<string, string> = {}) =>
  new DomainError('precondition-failed', message, [], facts)

/** The outcome of a guard: allowed, or refused with the reason a user is shown. */
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly error: DomainError }

export const ALLOWED: Verdict = { ok: true }

export const refuse = (error: DomainError): Verdict => ({ ok: false, error })

export function enforce(verdict: Verdict): void {
  if (!verdict.ok) throw verdict.error
}
