/**
 * Environment variables (spec §A.5) and pipeline variables (§A.6).
 *
 * A PATCH is a list of changes `{name, value, type?, service?}` applied in order; a variable is
 * identified by its name and service. An empty value deletes. The whole list is checked first
 * and every problem is reported at once with its position (`[2].name`); a refused list changes
 * nothing. Secret values are never kept: only their length and a fingerprint.
 */
import { recordAudit } from './audit'
import type { EngineContext } from './context'
import { ALLOWED, enforce, type FieldError, invalid, preconditionFailed, refuse, type Verdict } from './errors'
import type { Actor, Environment, Pipeline, Variable, VariableType } from './model'
import { permits } from './permissions'

export const VARIABLE_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z_0-9]*$/
export const MIN_VARIABLE_NAME = 2
export const MAX_VARIABLE_NAME = 100
export const MAX_VARIABLES = 200
export const MAX_VALUE_LENGTH = 2048
/** Secret values must be shorter than 500 characters. */
export const MAX_SECRET_LENGTH = 499
export const VARIABLE_TYPES: readonly VariableType[] = ['string', 'secretString']
export const ENVIRONMENT_VARIABLE_SERVICES = ['author', 'publish', 'preview'] as const
export const PIPELINE_VARIABLE_SERVICES = ['build', 'functionalTest', 'uiTest', 'loadTest'] as const
/** What a pipeline variable applies to when the caller names no service (the API default). */
export const DEFAULT_PIPELINE_VARIABLE_SERVICE = 'build'

/** One change of a PATCH body. */
export interface VariableUpdate {
  name: string
  /** The new value; empty deletes the variable. */
  value: string
  /** `string` when a new variable names none; an existing variable keeps its type. */
  type?: VariableType
  service?: string
}

/** Who holds an environment: the execution that deploys to it or waits before deploying. */
export interface EnvironmentHold {
  reason: string
  pipelineId?: string
  pipelineName?: string
  executionId?: string
}

export type LockLookup = (environmentId: string) => EnvironmentHold | undefined

export type VariableScope = 'environment' | 'pipeline'

interface ScopeRules {
  owner: string
  services: readonly string[]
  defaultService?: string
  serviceHint: string
}

const SCOPES: Record<VariableScope, ScopeRules> = {
  environment: {
    owner: 'An environment',
    services: ENVIRONMENT_VARIABLE_SERVICES,
    serviceHint: 'Use author, publish or preview (case-sensitive), or leave it out to apply the variable to all services.',
  },
  pipeline: {
    owner: 'A pipeline',
    services: PIPELINE_VARIABLE_SERVICES,
    defaultService: DEFAULT_PIPELINE_VARIABLE_SERVICE,
    serviceHint: 'Use build, functionalTest, uiTest or loadTest (case-sensitive).',
  },
}

/**
 * A non-cryptographic 53-bit fingerprint of a text (cyrb53), as 14 hex digits. It lets the
 * simulator tell whether a secret changed without keeping it.
 */
export function fingerprint(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0)
  return n.toString(16).padStart(14, '0')
}

const keyOf = (name: string, service: string | undefined) => `${name}\u0000${service ?? ''}`

/** Problems with a variable name, as messages. */
export function nameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'Enter a variable name.'
  if (name.length < MIN_VARIABLE_NAME || name.length > MAX_VARIABLE_NAME) {
    return `A variable name has ${MIN_VARIABLE_NAME} to ${MAX_VARIABLE_NAME} characters.`
  }
  if (!VARIABLE_NAME_PATTERN.test(name)) {
    return 'must match "[a-zA-Z_][a-zA-Z_0-9]*": letters, digits and underscores, not starting with a digit.'
  }
  return undefined
}

export type ApplyResult = { ok: true; variables: Variable[]; changed: boolean } | { ok: false; errors: FieldError[] }

/**
 * Applies `updates` to a copy of `current`; returns the new list, or every problem found.
 * Pure: `current` is not touched.
 */
export function applyVariableUpdates(
  current: readonly Variable[],
  updates: readonly VariableUpdate[],
  scope: VariableScope,
  now: number,
): ApplyResult {
  const rules = SCOPES[scope]
  const errors: FieldError[] = []
  const byKey = new Map<string, Variable>(current.map((v) => [keyOf(v.name, v.service), v]))
  /** Positions whose change created a variable, with its key: they are what can overflow the limit. */
  const created: Array<{ index: number; key: string }> = []
  let changed = false

  updates.forEach((update, index) => {
    const at = (field: string) => `[${index}].${field}`
    const before = errors.length
    const { name, value, type } = update
    const namePb = nameProblem(name)
    if (namePb) errors.push({ field: at('name'), message: namePb, invalidValue: name })

    let service = update.service
    if (service === undefined || service === null) service = rules.defaultService
    else if (typeof service !== 'string' || !rules.services.includes(service)) {
      errors.push({ field: at('service'), message: rules.serviceHint, invalidValue: update.service })
    }
    if (type !== undefined && type !== null && !VARIABLE_TYPES.includes(type)) {
      errors.push({ field: at('type'), message: 'Use string or secretString.', invalidValue: type })
    }
    if (typeof value !== 'string') {
      errors.push({ field: at('value'), message: 'Give a value; an empty value deletes the variable.' })
    }
    if (errors.length > before) return

    const key = keyOf(name, service)
    const existing = byKey.get(key)
    if (value === '') {
      if (existing) {
        byKey.delete(key)
        changed = true
      }
      return
    }
    if (existing && type && type !== existing.type) {
      errors.push({
        field: at('type'),
        message: `The type of ${name} cannot change from ${existing.type} to ${type}: delete the variable and create it again.`,
        invalidValue: type,
      })
      return
    }
    const effective: VariableType = type ?? existing?.type ?? 'string'
    if (effective === 'secretString' && value.length > MAX_SECRET_LENGTH) {
      // A secret is never echoed back, not even in an error.
      errors.push({
        field: at('value'),
        message: `A secret value must be shorter than ${MAX_SECRET_LENGTH + 1} characters (this one has ${value.length}).`,
      })
      return
    }
    if (effective === 'string' && value.length > MAX_VALUE_LENGTH) {
      errors.push({
        field: at('value'),
        message: `A value has at most ${MAX_VALUE_LENGTH} characters (this one has ${value.length}).`,
      })
      return
    }
    const next: Variable = {
      name,
      type: effective,
      ...(effective === 'string' ? { value } : { secret: { length: value.length, fingerprint: fingerprint(value) } }),
      ...(service !== undefined ? { service } : {}),
      status: 'ready',
      updatedAt: now,
    }
    if (!existing) created.push({ index, key })
    byKey.set(key, next)
    changed = true
  })

  const overflow = byKey.size - MAX_VARIABLES
  if (overflow > 0) {
    const surviving = created.filter((c) => byKey.has(c.key))
    for (const c of surviving.slice(-overflow)) {
      errors.push({
        field: `[${c.index}].name`,
        message: `${rules.owner} can have at most ${MAX_VARIABLES} variables; this change would leave ${byKey.size}.`,
        invalidValue: updates[c.index]?.name,
      })
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => positionOf(a) - positionOf(b)) }
  return { ok: true, variables: [...byKey.values()], changed }
}

function positionOf(e: FieldError): number {
  return Number(/^\[(\d+)\]/.exec(e.field)?.[1] ?? 0)
}

// --- environment variables ------------------------------------------------------------------

/** Whether `actor` may change the environment's variables now, and if not, why. */
export function canEditEnvironmentVariables(actor: Actor, env: Environment, lock: EnvironmentHold | undefined): Verdict {
  const role = permits(actor, 'patchEnvironmentVariables')
  if (!role.ok) return role
  if (env.status !== 'ready') {
    return refuse(preconditionFailed(`Environment "${env.name}" is ${env.status}; its variables can be edited once it is ready.`))
  }
  if (lock) {
    const facts: Record<string, string> = {}
    if (lock.pipelineId) facts.pipelineId = lock.pipelineId
    if (lock.executionId) facts.executionId = lock.executionId
    return refuse(preconditionFailed(`Environment "${env.name}" is being updated by a running pipeline: ${lock.reason}`, facts))
  }
  return ALLOWED
}

export function patchEnvironmentVariables(
  ctx: EngineContext,
  actor: Actor,
  programId: string,
  environmentId: string,
  updates: readonly VariableUpdate[],
  lockOf: LockLookup,
): Environment {
  const env = ctx.environment(programId, environmentId)
  enforce(canEditEnvironmentVariables(actor, env, lockOf(env.id)))
  const result = applyVariableUpdates(env.variables, updates, 'environment', ctx.now)
  if (!result.ok) throw invalid('The environment variables are not valid; nothing was changed.', result.errors)
  if (result.changed) {
    env.variables = result.variables
    recordAudit(ctx, actor, programId, {
      action: 'ENVIRONMENT_VARIABLES_CHANGED',
      environmentId: env.id,
      environmentName: env.name,
      detail: variablesDetail(updates),
    })
    ctx.touch()
  }
  return env
}

// --- pipeline variables -----------------------------------------------------------------------

/** Whether `actor` may change the pipeline's variables now, and if not, why. */
export function canEditPipelineVariables(actor: Actor, pipeline: Pipeline): Verdict {
  const role = permits(actor, 'patchPipelineVariables')
  if (!role.ok) return role
  if (pipeline.currentExecutionId) {
    return refuse(
      preconditionFailed(`"${pipeline.name}" is running; its variables can be edited once the execution ends.`, {
        pipelineId: pipeline.id,
        executionId: pipeline.currentExecutionId,
      }),
    )
  }
  return ALLOWED
}

export function patchPipelineVariables(
  ctx: EngineContext,
  actor: Actor,
  programId: string,
  pipelineId: string,
  updates: readonly VariableUpdate[],
): Pipeline {
  const pipeline = ctx.pipeline(programId, pipelineId)
  enforce(canEditPipelineVariables(actor, pipeline))
  const result = applyVariableUpdates(pipeline.variables, updates, 'pipeline', ctx.now)
  if (!result.ok) throw invalid('The pipeline variables are not valid; nothing was changed.', result.errors)
  if (result.changed) {
    pipeline.variables = result.variables
    recordAudit(ctx, actor, programId, {
      action: 'PIPELINE_VARIABLES_CHANGED',
      pipelineId,
      pipelineName: pipeline.name,
      detail: variablesDetail(updates),
    })
    ctx.touch()
  }
  return pipeline
}

/** Which variables a change set or deleted, by name and service: never a value (secrets stay secret). */
function variablesDetail(updates: readonly VariableUpdate[]): string {
  const named = (u: VariableUpdate) => (u.service ? `${u.name} (${u.service})` : u.name)
  const set = updates.filter((u) => u.value !== '').map(named)
  const deleted = updates.filter((u) => u.value === '').map(named)
  return [set.length ? `Set ${set.join(', ')}` : '', deleted.length ? `Deleted ${deleted.join(', ')}` : '']
    .filter(Boolean)
    .join('; ')
}

/** Problems with a stored variable list (used when validating an imported state). */
export function storedVariableProblems(variables: readonly Variable[], scope: VariableScope, owner: string): string[] {
  const rules = SCOPES[scope]
  const problems: string[] = []
  const seen = new Set<string>()
  for (const v of variables) {
    const label = `${owner} variable ${v.name}${v.service ? ` (${v.service})` : ''}`
    const namePb = nameProblem(v.name)
    if (namePb) problems.push(`${label}: name ${namePb}`)
    const key = keyOf(v.name, v.service)
    if (seen.has(key)) problems.push(`${label} is defined twice`)
    seen.add(key)
    if (v.service !== undefined && !rules.services.includes(v.service)) problems.push(`${label}: unknown service ${v.service}`)
    if (scope === 'pipeline' && v.service === undefined) problems.push(`${label} names no service`)
    if (v.type === 'string') {
      if (v.value === undefined) problems.push(`${label} has no value`)
      else if (v.value.length === 0 || v.value.length > MAX_VALUE_LENGTH)
        problems.push(`${label}: value has ${v.value.length} characters`)
      if (v.secret !== undefined) problems.push(`${label} is a string but has a secret`)
    } else {
      if (v.value !== undefined) problems.push(`${label} is a secret but stores its value`)
      if (v.secret === undefined) problems.push(`${label} is a secret with no fingerprint`)
      else if (v.secret.length === 0 || v.secret.length > MAX_SECRET_LENGTH)
        problems.push(`${label}: secret has ${v.secret.length} characters`)
    }
  }
  return problems
}
