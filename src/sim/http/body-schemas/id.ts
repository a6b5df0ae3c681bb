import { z } from 'zod'

/** Cloud Manager ids are decimal strings. */
export const id = z.string().regex(/^\d+$/, 'must be an id')
