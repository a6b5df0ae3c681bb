/** The bodies of the simulator's control API under /__sim. */
import { z } from 'zod'
import { TRANSPORT_FAULT_KINDS } from '../../../contract/transport-faults'
import { STEP_ACTIONS } from '../../../engine/model'
import { id } from './id'

const DAY_MS = 24 * 3600 * 1000
/** The fastest clock a caller may ask for: a virtual year per real second. */
const MAX_SPEED = 31_536_000
/** The longest single jump: a virtual year. */
const MAX_ADVANCE_MS = 366 * DAY_MS
/** Enough for the 100,000-execution benchmark, with room to spare. */
const MAX_SEEDED_EXECUTIONS = 200_000
const MAX_LATENCY_MS = 60_000

export const clockAdvanceBody = z.strictObject({ ms: z.number().int().min(0).max(MAX_ADVANCE_MS) })
export const advanceUntilWaitingBody = z.strictObject({ maxMs: z.number().int().min(1).max(MAX_ADVANCE_MS).optional() })
export const clockBody = z.strictObject({ speed: z.number().min(0).max(MAX_SPEED).optional(), paused: z.boolean().optional() })
export const resetBody = z.strictObject({
  scenario: z.string().min(1).max(100),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
})

export const seedHistoryBody = z.strictObject({
  programId: id,
  count: z.number().int().min(0).max(MAX_SEEDED_EXECUTIONS),
})

export const pushUpgradeBody = z.strictObject({ programId: id })

export const stepFaultBody = z.strictObject({
  pipelineId: id,
  action: z.enum(STEP_ACTIONS),
  environmentType: z.enum(['dev', 'stage', 'prod', 'rde', 'preprod']).optional(),
  // PAUSED [AMS]: a deploy pauses until resumed or stopped; the engine refuses it elsewhere, field by field.
  status: z.enum(['FAILED', 'ERROR', 'PAUSED']),
  count: z.number().int().min(1).max(100).optional(),
  metric: z.enum(['important', 'critical']).optional(),
})

export const gitPushBody = z.strictObject({ repositoryId: id, branch: z.string().min(1).max(255) })

export const transportFaultBody = z.strictObject({
  method: z
    .string()
    .regex(/^(get|post|put|patch|delete)$/i, 'must be GET, POST, PUT, PATCH or DELETE')
    .optional(),
  path: z.string().min(1).max(1_000).startsWith('/', 'must start with /'),
  kind: z.enum(TRANSPORT_FAULT_KINDS),
  ms: z.number().int().min(0).max(MAX_LATENCY_MS).optional(),
  count: z.number().int().min(1).max(1_000_000).optional(),
})
