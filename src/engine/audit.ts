/**
 * [AMS] The program's audit trail (spec §A.2: AMS programs show **Audit**): who (the caller's
 * roles and user), what and when (virtual time) for every change people make — pipelines
 * created, edited or deleted; executions started (emergency runs named), cancelled; gates
 * approved, rejected, overridden; CSE Support started or rejected; production deployments
 * scheduled; variables changed. Recorded by the rule that made the change, on AMS programs only,
 * and kept in the state (bounded), so it is exported, imported and restored with it.
 */
import type { EngineContext } from './context'
import { DomainError } from './errors'
import { flavourOf } from './flavour'
import { stepLabel } from './executions/common'
import type { Actor, AuditAction, AuditEvent, Execution, Role, StepState } from './model'
import { memoPerRevision } from './executions/memo'

/** The whole trail is bounded; the oldest entries go first (a long-lived team server keeps the last 10,000). */
export const MAX_AUDIT_EVENTS = 10_000

export type AuditCategory = 'PIPELINE' | 'EXECUTION' | 'GATE' | 'VARIABLES'
export const AUDIT_CATEGORIES: readonly AuditCategory[] = ['PIPELINE', 'EXECUTION', 'GATE', 'VARIABLES']

export const AUDIT_CATEGORY_OF: Readonly<Record<AuditAction, AuditCategory>> = {
  PIPELINE_CREATED: 'PIPELINE',
  PIPELINE_UPDATED: 'PIPELINE',
  PIPELINE_DELETED: 'PIPELINE',
  EXECUTION_STARTED: 'EXECUTION',
  EMERGENCY_EXECUTION_STARTED: 'EXECUTION',
  EXECUTION_CANCELLED: 'EXECUTION',
  APPROVAL_APPROVED: 'GATE',
  APPROVAL_REJECTED: 'GATE',
  METRICS_OVERRIDDEN: 'GATE',
  METRICS_REJECTED: 'GATE',
  CSE_SUPPORT_STARTED: 'GATE',
  CSE_SUPPORT_REJECTED: 'GATE',
  DEPLOYMENT_SCHEDULED: 'GATE',
  PIPELINE_VARIABLES_CHANGED: 'VARIABLES',
  ENVIRONMENT_VARIABLES_CHANGED: 'VARIABLES',
}

export type AuditInput = Omit<AuditEvent, 'id' | 'at' | 'programId' | 'userId' | 'roles'>

/** Records what `actor` just did on the program, if it is an AMS program. */
export function recordAudit(ctx: EngineContext, actor: Actor, programId: string, input: AuditInput): void {
  if (flavourOf(ctx, programId) !== 'ams') return
  const audit = ctx.state.audit
  // Entries number themselves, apart from the entities' ids, so recording never shifts another id.
  const last = audit[audit.length - 1]
  audit.push({
    id: String(last ? Number(last.id) + 1 : 1),
    at: ctx.now,
    programId,
    userId: actor.userId,
    roles: [...actor.roles] as Role[],
    ...input,
  })
  if (audit.length > MAX_AUDIT_EVENTS) audit.splice(0, audit.length - MAX_AUDIT_EVENTS)
  ctx.touch()
}

export interface AuditFilter {
  categories?: readonly AuditCategory[]
  pipelineId?: string
}

/**
 * The program's audit trail, newest first, filtered; kept per revision like the activity list.
 * Only AMS programs have one: asking for a Cloud Service program's is `not-found`.
 */
export function programAudit(ctx: EngineContext, programId: string, filter: AuditFilter = {}): readonly AuditEvent[] {
  const program = ctx.program(programId)
  if (flavourOf(ctx, programId) !== 'ams')
    throw new DomainError('not-found', `"${program.name}" is not a Managed Services program; only those keep an audit trail.`)
  const key = `audit/${programId}/${filter.pipelineId ?? ''}/${(filter.categories ?? []).join(',')}`
  return memoPerRevision(ctx, key, () => {
    const out: AuditEvent[] = []
    const all = ctx.state.audit
    for (let i = all.length - 1; i >= 0; i--) {
      const e = all[i] as AuditEvent
      if (e.programId !== programId) continue
      if (filter.pipelineId && e.pipelineId !== filter.pipelineId) continue
      if (filter.categories?.length && !filter.categories.includes(AUDIT_CATEGORY_OF[e.action])) continue
      out.push(e)
    }
    return out
  })
}

/** The top-level settings an edit changed, by name (values are not repeated: they may be long). */
export function changedSettings(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort()
}

const TRIGGER_WORDS: Record<Execution['trigger'], string> = {
  MANUAL: 'Manual',
  ON_COMMIT: 'On Git Changes',
  PUSH_UPGRADES: 'Push update',
  RE_EXECUTE: 'Re-execute',
}

/** An execution someone (or a git push) started; `detail` says how when it was not a plain run. */
export function recordStart(ctx: EngineContext, actor: Actor, execution: Execution, detail?: string): void {
  const pipeline = ctx.findPipeline(execution.pipelineId)
  const how =
    detail ??
    (execution.sourceExecutionId
      ? `Promote Build of execution ${execution.sourceExecutionId}`
      : `Trigger: ${TRIGGER_WORDS[execution.trigger]}`)
  recordAudit(ctx, actor, execution.programId, {
    action: execution.mode === 'EMERGENCY' ? 'EMERGENCY_EXECUTION_STARTED' : 'EXECUTION_STARTED',
    pipelineId: execution.pipelineId,
    ...(pipeline ? { pipelineName: pipeline.name } : {}),
    executionId: execution.id,
    detail: how,
  })
}

/** A decision on a step of a running execution: a gate approved, rejected, overridden, scheduled; a cancel. */
export function recordDecision(
  ctx: EngineContext,
  actor: Actor,
  execution: Execution,
  step: StepState,
  action: AuditAction,
  detail?: string,
): void {
  const pipeline = ctx.findPipeline(execution.pipelineId)
  recordAudit(ctx, actor, execution.programId, {
    action,
    pipelineId: execution.pipelineId,
    ...(pipeline ? { pipelineName: pipeline.name } : {}),
    executionId: execution.id,
    stepAction: step.action,
    detail: detail ?? stepLabel(step, flavourOf(ctx, execution.programId)),
  })
}
