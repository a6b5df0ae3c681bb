/**
 * Environment rules: adding and deleting environments (spec §A.3) and the request for a
 * second (additional) staging environment (§A.4, seeds/001): Business Owner only, same region
 * as Stage and Production, based on the Integration or Master branch, never copied from
 * Staging or Production, provisioned within two weeks.
 */
import type { EngineContext } from './context'
import {
  ALLOWED,
  conflict,
  DomainError,
  enforce,
  type FieldError,
  invalid,
  preconditionFailed,
  refuse,
  type Verdict,
} from './errors'
import type { Actor, Environment, EnvironmentType, Program } from './model'
import { permits } from './permissions'
import type { EnvironmentHold, LockLookup } from './variables'

/** The Swagger `Environment.name` pattern, anchored: at least one letter, a limited character set. */
export const ENVIRONMENT_NAME_PATTERN = /^(?=.*[a-zA-Z])[-+!'"/#$%&*.,;()@-} 0-9]*$/
const NAME_CHARACTER = /[-+!'"/#$%&*.,;()@-} 0-9]/
/** (sim) Swagger gives no limit; the simulator uses the program and pipeline name limit. */
export const MAX_ENVIRONMENT_NAME = 64
export const MAX_ENVIRONMENT_DESCRIPTION = 1000
/** Region ids look like `va7`, `nld2`, `aus5`. */
export const REGION_PATTERN = /^[a-z][a-z0-9-]{1,15}$/
export const CREATABLE_ENVIRONMENT_TYPES = ['dev', 'stage', 'prod', 'rde'] as const
export type CreatableEnvironmentType = (typeof CREATABLE_ENVIRONMENT_TYPES)[number]

export const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE
/** (sim) How long creating an ordinary environment takes, in virtual minutes. */
export const CREATE_MINUTES: Readonly<Record<CreatableEnvironmentType, readonly [number, number]>> = {
  dev: [15, 45],
  rde: [10, 20],
  stage: [45, 90],
  prod: [45, 90],
}
/** Provisioning an additional staging environment takes "up to two weeks" (brief): 3 to 14 virtual days. */
export const ADDITIONAL_STAGE_DAYS: readonly [number, number] = [3, 14]
export const BASE_BRANCHES = ['INTEGRATION', 'MASTER'] as const
export type BaseBranch = (typeof BASE_BRANCHES)[number]

export interface NewEnvironmentInput {
  name: string
  type: string
  region: string
  description?: string
}

export interface AdditionalStageRequestInput {
  name: string
  description?: string
  baseBranch: string
  /** Optional; must be the region of Stage and Production when given. */
  region?: string
  /** Never allowed: data cannot be copied from Staging or Production. */
  copyFrom?: unknown
}

/** The primary stage (paired with production) and production environments of a program. */
export function primaryEnvironments(ctx: EngineContext, programId: string): { stage?: Environment; prod?: Environment } {
  const envs = ctx.environmentsOf(programId)
  return {
    stage: envs.find((e) => e.type === 'stage' && !e.isAdditionalStage),
    prod: envs.find((e) => e.type === 'prod'),
  }
}

export function additionalStageOf(ctx: EngineContext, programId: string): Environment | undefined {
  return ctx.environmentsOf(programId).find((e) => e.isAdditionalStage)
}

/** Field problems with a new environment's name and description, checked against the program. */
function nameProblems(ctx: EngineContext, programId: string, name: string, description: string | undefined): FieldError[] {
  const errors: FieldError[] = []
  const trimmed = name.trim()
  if (trimmed.length === 0) errors.push({ field: 'name', message: 'Enter an environment name.', invalidValue: name })
  else if (name.length > MAX_ENVIRONMENT_NAME) {
    errors.push({ field: 'name', message: `Use at most ${MAX_ENVIRONMENT_NAME} characters.`, invalidValue: name })
  } else if (!/[a-zA-Z]/.test(name)) {
    errors.push({ field: 'name', message: 'The name must contain at least one letter.', invalidValue: name })
  } else if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
    const bad = Array.from(name).find((ch) => !NAME_CHARACTER.test(ch)) ?? ''
    errors.push({
      field: 'name',
      message: `"${bad}" is not allowed in an environment name: use letters, digits, spaces and - + ! ' " / # $ % & * . , ; ( ) @ [ \\ ] ^ _ \` { | }.`,
      invalidValue: name,
    })
  } else {
    const twin = ctx.environmentsOf(programId).find((e) => e.name.trim().toLowerCase() === trimmed.toLowerCase())
    if (twin)
      errors.push({
        field: 'name',
        message: `An environment named "${twin.name}" already exists in this program.`,
        invalidValue: name,
      })
  }
  if (description !== undefined && description.length > MAX_ENVIRONMENT_DESCRIPTION) {
    errors.push({ field: 'description', message: `Use at most ${MAX_ENVIRONMENT_DESCRIPTION} characters.` })
  }
  return errors
}

function isCreatableType(type: string): type is CreatableEnvironmentType {
  return (CREATABLE_ENVIRONMENT_TYPES as readonly string[]).includes(type)
}

/** Every problem with a new environment, at once. */
export function validateNewEnvironment(ctx: EngineContext, programId: string, input: NewEnvironmentInput): FieldError[] {
  const errors = nameProblems(ctx, programId, input.name, input.description)
  const { stage, prod } = primaryEnvironments(ctx, programId)
  const typeError = environmentTypeProblem(ctx, programId, input.type)
  if (typeError) errors.push(typeError)
  if (!REGION_PATTERN.test(input.region)) {
    errors.push({ field: 'region', message: 'Choose a region, such as va7 or nld2.', invalidValue: input.region })
  } else if (input.type === 'stage' || input.type === 'prod') {
    const partner = input.type === 'stage' ? prod : stage
    if (partner && partner.region !== input.region) {
      errors.push({
        field: 'region',
        message: `Stage and Production share one region: use ${partner.region}, the region of "${partner.name}".`,
        invalidValue: input.region,
      })
    }
  }
  return errors
}

/** Why an environment of `type` cannot be added to the program, if it cannot. */
export function environmentTypeProblem(ctx: EngineContext, programId: string, type: string): FieldError | undefined {
  const { stage, prod } = primaryEnvironments(ctx, programId)
  if (!isCreatableType(type)) return { field: 'type', message: 'Choose dev, stage, prod or rde.', invalidValue: type }
  if (type === 'stage' && stage) {
    return {
      field: 'type',
      message: `This program already has a stage environment ("${stage.name}"); request an additional staging environment instead.`,
      invalidValue: type,
    }
  }
  if (type === 'prod' && prod) {
    return { field: 'type', message: `This program already has a production environment ("${prod.name}").`, invalidValue: type }
  }
  return undefined
}

export function canCreateEnvironment(actor: Actor): Verdict {
  return permits(actor, 'createEnvironment')
}

/** Adds an environment; it is `creating` until its ready timer fires. */
export function createEnvironment(ctx: EngineContext, actor: Actor, programId: string, input: NewEnvironmentInput): Environment {
  const program = ctx.program(programId)
  enforce(canCreateEnvironment(actor))
  const errors = validateNewEnvironment(ctx, programId, input)
  if (errors.length > 0) throw invalid('The environment is not valid.', errors)
  const type = input.type as CreatableEnvironmentType
  const [min, max] = CREATE_MINUTES[type]
  const readyAt = ctx.now + ctx.random.int(min, max) * MINUTE
  const env = addCreatingEnvironment(ctx, program, {
    name: input.name.trim(),
    description: input.description ?? '',
    type,
    region: input.region,
    isAdditionalStage: false,
    publishPairs: type === 'prod' ? 2 : 1,
  })
  ctx.clock.schedule(readyAt, { kind: 'environment-ready', environmentId: env.id })
  return env
}

function addCreatingEnvironment(
  ctx: EngineContext,
  program: Program,
  fields: Pick<Environment, 'name' | 'description' | 'type' | 'region' | 'isAdditionalStage' | 'publishPairs'> &
    Partial<Pick<Environment, 'request'>>,
): Environment {
  const env: Environment = {
    id: ctx.newId(),
    programId: program.id,
    ...fields,
    status: 'creating',
    createdAt: ctx.now,
    updatedAt: ctx.now,
    variables: [],
  }
  ctx.addEnvironment(env)
  ctx.touch()
  return env
}

/** Fires when an environment's provisioning is done: `creating` becomes `ready`. */
export function onEnvironmentReady(ctx: EngineContext, environmentId: string): void {
  const env = ctx.findEnvironment(environmentId)
  if (!env || env.status !== 'creating') return
  env.status = 'ready'
  env.updatedAt = ctx.now
  ctx.touch()
}

// --- deleting ---------------------------------------------------------------------------------

const DELETABLE_STATUSES: ReadonlySet<Environment['status']> = new Set([
  'ready',
  'failed',
  'deploy_failed',
  'restore_failed',
  'reset_failed',
  'degraded',
  'hibernated',
])

/** Whether `actor` may delete the environment now, and if not, why. */
export function canDeleteEnvironment(
  ctx: EngineContext,
  actor: Actor,
  env: Environment,
  lock: EnvironmentHold | undefined,
): Verdict {
  const role = permits(actor, 'deleteEnvironment')
  if (!role.ok) return role
  if (env.type === 'prod') return refuse(invalid(`"${env.name}" is a production environment; it cannot be deleted.`))
  if (env.type === 'stage' && !env.isAdditionalStage && primaryEnvironments(ctx, env.programId).prod) {
    return refuse(invalid(`"${env.name}" is paired with production; it cannot be deleted on its own.`))
  }
  if (env.status === 'deleting') return refuse(invalid(`"${env.name}" is already being deleted.`))
  if (lock) {
    const facts: Record<string, string> = {}
    if (lock.pipelineId) facts.pipelineId = lock.pipelineId
    if (lock.executionId) facts.executionId = lock.executionId
    return refuse(preconditionFailed(`"${env.name}" is being updated by a running pipeline: ${lock.reason}`, facts))
  }
  if (!DELETABLE_STATUSES.has(env.status)) {
    return refuse(conflict(`"${env.name}" is ${env.status}; it can be deleted once that is over.`))
  }
  const user = ctx.pipelinesOf(env.programId).find((p) => p.environmentIds.includes(env.id))
  if (user) {
    return refuse(
      conflict(
        `Pipeline "${user.name}" deploys to "${env.name}"; delete that pipeline or point it at another environment first.`,
        {
          pipelineId: user.id,
        },
      ),
    )
  }
  return ALLOWED
}

export function deleteEnvironment(
  ctx: EngineContext,
  actor: Actor,
  programId: string,
  environmentId: string,
  lockOf: LockLookup,
): void {
  const env = ctx.environment(programId, environmentId)
  enforce(canDeleteEnvironment(ctx, actor, env, lockOf(env.id)))
  cancelReadyTimers(ctx, env.id)
  ctx.state.environments = ctx.state.environments.filter((e) => e.id !== env.id)
  ctx.reindex()
  ctx.touch()
}

function cancelReadyTimers(ctx: EngineContext, environmentId: string): void {
  const ids = ctx.clock.state.heap
    .filter((t) => t.payload.kind === 'environment-ready' && t.payload.environmentId === environmentId)
    .map((t) => t.id)
  for (const id of ids) ctx.clock.cancel(id)
}

// --- additional staging environment -------------------------------------------------------------

/** Whether `actor` may request an additional staging environment for the program, and if not, why. */
export function canRequestAdditionalStage(ctx: EngineContext, actor: Actor, programId: string): Verdict {
  ctx.program(programId)
  const role = permits(actor, 'requestAdditionalStage')
  if (!role.ok) return role
  const { stage, prod } = primaryEnvironments(ctx, programId)
  if (!stage || !prod) {
    return refuse(conflict('An additional staging environment needs a program with a Production and Stage environment pair.'))
  }
  const existing = additionalStageOf(ctx, programId)
  if (existing?.status === 'creating') {
    const days = existing.request ? Math.max(1, Math.ceil((existing.request.readyAt - ctx.now) / DAY)) : undefined
    return refuse(
      conflict(
        `A request is already being provisioned: "${existing.name}"${days ? ` should be ready within ${days} day${days === 1 ? '' : 's'}` : ''}. Only one request can be open at a time.`,
        { environmentId: existing.id },
      ),
    )
  }
  if (existing) {
    return refuse(
      conflict(`This program already has an additional staging environment ("${existing.name}"); a program can have only one.`, {
        environmentId: existing.id,
      }),
    )
  }
  return ALLOWED
}

/** Every problem with a request, at once. */
export function validateAdditionalStageRequest(
  ctx: EngineContext,
  programId: string,
  input: AdditionalStageRequestInput,
): FieldError[] {
  const errors = nameProblems(ctx, programId, input.name, input.description)
  if (!(BASE_BRANCHES as readonly string[]).includes(input.baseBranch)) {
    errors.push({
      field: 'baseBranch',
      message: 'Choose the Integration or Master branch (INTEGRATION or MASTER) as the base of the new staging environment.',
      invalidValue: input.baseBranch,
    })
  }
  const region = requiredRegion(ctx, programId)
  if (input.region !== undefined && region !== undefined && input.region !== region) {
    errors.push({
      field: 'region',
      message: `An additional staging environment is created in the region of Stage and Production (${region}).`,
      invalidValue: input.region,
    })
  }
  if (input.copyFrom !== undefined) {
    errors.push({
      field: 'copyFrom',
      message:
        'Data cannot be copied from Staging or Production: the new environment starts from the code and database of the Integration or Master branch.',
      invalidValue: input.copyFrom,
    })
  }
  return errors
}

function requiredRegion(ctx: EngineContext, programId: string): string | undefined {
  const { stage, prod } = primaryEnvironments(ctx, programId)
  return stage?.region ?? prod?.region
}

/** Requests an additional staging environment: it is `creating` until provisioned (3–14 virtual days). */
export function requestAdditionalStage(
  ctx: EngineContext,
  actor: Actor,
  programId: string,
  input: AdditionalStageRequestInput,
): Environment {
  const program = ctx.program(programId)
  enforce(canRequestAdditionalStage(ctx, actor, programId))
  const errors = validateAdditionalStageRequest(ctx, programId, input)
  if (errors.length > 0) throw invalid('The additional staging environment request is not valid.', errors)
  const { stage } = primaryEnvironments(ctx, programId)
  const region = requiredRegion(ctx, programId)
  if (!stage || region === undefined) throw new DomainError('conflict', 'The program has no stage environment.')
  const requestedAt = ctx.now
  const readyAt = requestedAt + ctx.random.int(ADDITIONAL_STAGE_DAYS[0], ADDITIONAL_STAGE_DAYS[1]) * DAY
  const env = addCreatingEnvironment(ctx, program, {
    name: input.name.trim(),
    description: input.description ?? '',
    type: 'stage' satisfies EnvironmentType,
    region,
    isAdditionalStage: true,
    publishPairs: stage.publishPairs,
    request: { baseBranch: input.baseBranch as BaseBranch, requestedAt, readyAt },
  })
  ctx.clock.schedule(readyAt, { kind: 'environment-ready', environmentId: env.id })
  return env
}
