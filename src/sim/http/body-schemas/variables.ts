import { z } from 'zod'

/**
 * An environment's or a pipeline's variables PATCH. Only the JSON types are checked here; names,
 * values, types, services and limits are domain rules, reported by the engine all together.
 * Unknown keys (e.g. `status` from a GET) are dropped. A `null` value deletes, like an empty one.
 */
export const variablesPatchBody = z
  .array(
    z.object({
      name: z.string().max(10_000),
      value: z.string().max(1_000_000).nullable(),
      type: z.string().max(100).optional(),
      service: z.string().max(100).optional(),
    }),
  )
  .max(1000)
