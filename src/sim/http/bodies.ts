/**
 * Checking request bodies. A body that does not fit its schema is refused whole with field
 * errors in the Cloud Manager validation-problem shape. The schemas (and zod) are loaded on the
 * first body checked, not with the handlers: starting the engine and reading never need them.
 */
import type { z } from 'zod'
import { DomainError, type FieldError } from '../../engine/errors'
import type * as schemas from './body-schemas/index'

type BodySchemas = typeof schemas
export type BodyName = keyof BodySchemas
/** What a body named `N` is once checked. */
export type RequestBody<N extends BodyName> = z.output<BodySchemas[N]>
/** The same module, typed so that looking a schema up by a generic name keeps its output type. */
type SchemasByName = { [N in BodyName]: z.ZodType<RequestBody<N>> }

/** `['variables', 2, 'name']` → `variables[2].name`; `[2, 'name']` → `[2].name` (the engine's field paths). */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`)).join('')
}

/** Parses `body` with the schema named `name`, or throws a validation `DomainError` listing every problem. */
export async function parseBody<N extends BodyName>(name: N, body: unknown): Promise<RequestBody<N>> {
  const byName: SchemasByName = await import('./body-schemas/index')
  const schema = byName[name]
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? fieldPath(issue.path) : 'body',
    message: issue.message,
  }))
  throw new DomainError('invalid', 'The request body is not valid.', errors)
}
