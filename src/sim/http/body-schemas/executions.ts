/**
 * The bodies of an execution step's advance and cancel links: which key a body has decides
 * which of these it is checked against (`advanceDecision`, `cancelDecision` in handlers/executions.ts).
 */
import { z } from 'zod'

export const metricsOverrideBody = z.looseObject({
  metrics: z
    .array(z.looseObject({ kpi: z.string().min(1).max(255), override: z.boolean() }))
    .min(1)
    .max(100),
})
export const approvalBody = z.looseObject({ approved: z.boolean() })
export const scheduleBody = z.union([
  z.looseObject({ type: z.literal('IMMEDIATE') }),
  z.looseObject({ type: z.literal('SCHEDULED'), schedule: z.iso.datetime({ offset: true }) }),
])
export const managedStartBody = z.looseObject({ start: z.boolean() })
export const resumeBody = z.looseObject({ resume: z.boolean() })
export const cancelBody = z.union([
  z.looseObject({ override: z.literal(false) }),
  z.looseObject({ approved: z.literal(false) }),
  z.looseObject({ cancel: z.literal(true) }),
  z.looseObject({ start: z.literal(false) }),
])
