import { ROLE_LABELS } from '../../app/role-store'
import type { AuditCategory, AuditEntry } from '../../api/resources/audit'
import type { AuditAction } from '../../contract/audit'
import type { Role } from '../../contract/resources'

export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  PIPELINE_CREATED: 'Pipeline created',
  PIPELINE_UPDATED: 'Pipeline edited',
  PIPELINE_DELETED: 'Pipeline deleted',
  EXECUTION_STARTED: 'Execution started',
  EMERGENCY_EXECUTION_STARTED: 'Emergency execution started',
  EXECUTION_CANCELLED: 'Execution cancelled',
  APPROVAL_APPROVED: 'Approved',
  APPROVAL_REJECTED: 'Approval rejected',
  METRICS_OVERRIDDEN: 'Failed metrics overridden',
  METRICS_REJECTED: 'Failed metrics rejected',
  CSE_SUPPORT_STARTED: 'CSE Support started',
  CSE_SUPPORT_REJECTED: 'CSE Support rejected',
  DEPLOYMENT_SCHEDULED: 'Production deployment scheduled',
  PIPELINE_VARIABLES_CHANGED: 'Pipeline variables changed',
  ENVIRONMENT_VARIABLES_CHANGED: 'Environment variables changed',
}

export const AUDIT_CATEGORY_LABEL: Record<AuditCategory, string> = {
  PIPELINE: 'Pipelines',
  EXECUTION: 'Executions',
  GATE: 'Approvals and gates',
  VARIABLES: 'Variables',
}

const ADMIN_ROLES: readonly Role[] = ['business-owner', 'deployment-manager', 'program-manager', 'developer']

/** Who, by role: one role by its name; the simulator's admin token and its own actions by theirs. */
export function whoLabel(entry: Pick<AuditEntry, 'user' | 'roles'>): string {
  if (entry.user === 'system@AdobeID') return 'System'
  if (entry.roles.length === ADMIN_ROLES.length && ADMIN_ROLES.every((r) => entry.roles.includes(r))) return 'Admin (all roles)'
  return entry.roles.map((r) => ROLE_LABELS[r]).join(', ')
}

/** What the entry is about, by the name it had then: the pipeline (and run), or the environment. */
export function objectLabel(entry: AuditEntry): string {
  const pipeline = entry.pipelineName ?? (entry.pipelineId ? `Pipeline ${entry.pipelineId}` : undefined)
  if (pipeline && entry.executionId) return `${pipeline}, execution ${entry.executionId}`
  if (pipeline) return pipeline
  if (entry.environmentName) return `Environment ${entry.environmentName}`
  return ''
}
