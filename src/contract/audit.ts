/** (sim) [AMS] The program's audit trail: `GET /api/program/{programId}/audit` (README, Simulator extensions). */
import type { HalList, HalResource } from './hal'
import type { Role } from './resources'

export type AuditAction =
  | 'PIPELINE_CREATED'
  | 'PIPELINE_UPDATED'
  | 'PIPELINE_DELETED'
  | 'EXECUTION_STARTED'
  | 'EMERGENCY_EXECUTION_STARTED'
  | 'EXECUTION_CANCELLED'
  | 'APPROVAL_APPROVED'
  | 'APPROVAL_REJECTED'
  | 'METRICS_OVERRIDDEN'
  | 'METRICS_REJECTED'
  | 'CSE_SUPPORT_STARTED'
  | 'CSE_SUPPORT_REJECTED'
  | 'DEPLOYMENT_SCHEDULED'
  | 'PIPELINE_VARIABLES_CHANGED'
  | 'ENVIRONMENT_VARIABLES_CHANGED'

/** What the `category` filter takes (one or a comma-separated list). */
export type AuditCategory = 'PIPELINE' | 'EXECUTION' | 'GATE' | 'VARIABLES'
export const AUDIT_CATEGORIES: readonly AuditCategory[] = ['PIPELINE', 'EXECUTION', 'GATE', 'VARIABLES']

/**
 * One entry: who (`user`, `roles`), what (`action`, the objects by id and by the name they had,
 * `detail`), when (`createdAt`, virtual time). `_links` point at the pipeline, execution or
 * environment while it still exists (rels `…/pipeline`, `…/execution`, `…/environment`).
 */
export interface AuditEntry extends HalResource {
  id: string
  createdAt: string
  action: AuditAction
  category: AuditCategory
  user: string
  roles: Role[]
  pipelineId?: string
  pipelineName?: string
  executionId?: string
  environmentId?: string
  environmentName?: string
  /** The step a gate decision was about (`approval`, `managed`, `securityTest`, …). */
  stepAction?: string
  detail?: string
}

export type AuditList = HalList<'auditEvents', AuditEntry>
