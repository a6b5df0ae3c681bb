/** Environment bodies: a new environment and a request for an additional staging environment. */
import { z } from 'zod'

/** Swagger `NewEnvironment`; values (name pattern, type, region) are checked by the engine, all at once. */
export const newEnvironmentBody = z.strictObject({
  name: z.string().max(10_000),
  type: z.string().max(100),
  region: z.string().max(100),
  description: z.string().max(100_000).optional(),
})

/** `copyFrom` is accepted by the schema only so the engine can refuse it with its reason. */
export const additionalStageBody = z.strictObject({
  name: z.string().max(10_000),
  description: z.string().max(100_000).optional(),
  baseBranch: z.string().max(100),
  region: z.string().max(100).optional(),
  type: z.literal('stage').optional(),
  copyFrom: z.unknown().optional(),
})
