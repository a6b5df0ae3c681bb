/**
 * The Add Environment form (spec §A.3) as data: the type choices the server offers, the checks
 * the server also makes (mirrored so problems show while typing), the request bodies, and the
 * way back from the server's field errors to the form's fields.
 */
import type { EnvironmentCreate, Offer, Program } from '../../contract/resources'

/** The simulator's environment name limit (engine `MAX_ENVIRONMENT_NAME`). */
export const MAX_NAME = 64
export const MAX_DESCRIPTION = 1000
/** The server's region id pattern (engine `REGION_PATTERN`). */
const REGION_PATTERN = /^[a-z][a-z0-9-]{1,15}$/
/** The characters the server allows in a name (Swagger `Environment.name`; `@-}` spans letters, `[\]^_` and `` `{|} ``). */
const NAME_CHARACTER = /[-+!'"/#$%&*.,;()@-} 0-9]/
export const REGIONS = ['va7', 'nld2', 'aus5', 'jpn4', 'gbr9', 'can2'] as const

/** Production and Stage come as a pair, so they are one choice. */
export type EnvironmentChoice = 'dev' | 'rde' | 'prodStage'

export const CHOICE_LABEL: Record<EnvironmentChoice, string> = {
  dev: 'Development',
  rde: 'Rapid Development',
  prodStage: 'Production + Stage',
}

export interface AddEnvironmentForm {
  type: EnvironmentChoice | null
  name: string
  description: string
  prodName: string
  prodDescription: string
  stageName: string
  stageDescription: string
  region: string
}

export type AddEnvironmentField = keyof AddEnvironmentForm
/** The fields a name or a description is typed into. */
export type NameOrDescriptionField = Exclude<AddEnvironmentField, 'type' | 'region'>
export type AddEnvironmentErrors = Partial<Record<AddEnvironmentField, string>>

export interface TypeOption {
  id: EnvironmentChoice
  label: string
  allowed: boolean
  reason?: string
}

export type AddEnvironmentOffer = NonNullable<NonNullable<Program['x-sim']>['addEnvironment']>

/** The server's verdict per type; the pair is available only when both halves are. */
export function typeOptions(offer: AddEnvironmentOffer | undefined): TypeOption[] {
  const refused: Offer = { allowed: false, reason: 'Not available for this program.' }
  const types = offer?.types
  const pair = [types?.stage ?? refused, types?.prod ?? refused]
  const choices: Record<EnvironmentChoice, Offer> = {
    dev: types?.dev ?? refused,
    rde: types?.rde ?? refused,
    prodStage: pair.find((o) => !o.allowed) ?? { allowed: true },
  }
  return (Object.keys(choices) as EnvironmentChoice[]).map((id) => ({
    id,
    label: CHOICE_LABEL[id],
    allowed: choices[id].allowed,
    ...(choices[id].reason ? { reason: choices[id].reason } : {}),
  }))
}

/** The regions offered: a short list, plus the program's own when it is not among them. */
export function regionOptions(programRegion: string | undefined): string[] {
  const regions: string[] = [...REGIONS]
  return programRegion && !regions.includes(programRegion) ? [programRegion, ...regions] : regions
}

export function emptyForm(options: readonly TypeOption[], region: string | undefined): AddEnvironmentForm {
  return {
    type: options.find((o) => o.allowed)?.id ?? null,
    name: '',
    description: '',
    prodName: '',
    prodDescription: '',
    stageName: '',
    stageDescription: '',
    region: region ?? REGIONS[0],
  }
}

function nameProblem(name: string): string | undefined {
  if (name.trim().length === 0) return 'Enter an environment name.'
  if (name.length > MAX_NAME) return `Use at most ${MAX_NAME} characters (this name has ${name.length}).`
  if (!/[a-zA-Z]/.test(name)) return 'The name must contain at least one letter.'
  const bad = Array.from(name).find((ch) => !NAME_CHARACTER.test(ch))
  return bad === undefined ? undefined : `"${bad}" is not allowed in an environment name.`
}

function descriptionProblem(description: string): string | undefined {
  return description.length > MAX_DESCRIPTION
    ? `Use at most ${MAX_DESCRIPTION} characters (this description has ${description.length}).`
    : undefined
}

/** Problems with the fields the chosen type uses; empty when the form can be saved. */
export function validateAddEnvironment(form: AddEnvironmentForm, options: readonly TypeOption[]): AddEnvironmentErrors {
  const found: Array<[AddEnvironmentField, string | undefined]> = [['region', regionProblem(form.region)]]
  const choice = options.find((o) => o.id === form.type)
  if (!choice) found.push(['type', 'Choose an environment type.'])
  else if (!choice.allowed) found.push(['type', choice.reason ?? `${choice.label} cannot be added to this program.`])
  if (form.type === 'prodStage') {
    found.push(['prodName', nameProblem(form.prodName)], ['prodDescription', descriptionProblem(form.prodDescription)])
    found.push(['stageName', nameProblem(form.stageName)], ['stageDescription', descriptionProblem(form.stageDescription)])
    if (form.stageName.trim() && form.stageName.trim().toLowerCase() === form.prodName.trim().toLowerCase()) {
      found.push(['stageName', 'Stage and Production need different names.'])
    }
  } else {
    found.push(['name', nameProblem(form.name)], ['description', descriptionProblem(form.description)])
  }
  const errors: AddEnvironmentErrors = {}
  for (const [field, message] of found) if (message && !errors[field]) errors[field] = message
  return errors
}

function regionProblem(region: string): string | undefined {
  return REGION_PATTERN.test(region) ? undefined : 'Choose a region, such as va7 or nld2.'
}

/** One POST of the form, and the fields its name and description came from. */
export interface CreateStep {
  body: EnvironmentCreate
  nameField: NameOrDescriptionField
  descriptionField: NameOrDescriptionField
}

function step(
  form: AddEnvironmentForm,
  type: EnvironmentCreate['type'],
  nameField: NameOrDescriptionField,
  descriptionField: NameOrDescriptionField,
): CreateStep {
  const description = form[descriptionField].trim()
  const body: EnvironmentCreate = {
    name: form[nameField].trim(),
    type,
    region: form.region,
    ...(description ? { description } : {}),
  }
  return { body, nameField, descriptionField }
}

/** The POSTs to send, in order: for the pair, stage first, then production, in one region. */
export function createSteps(form: AddEnvironmentForm): CreateStep[] {
  if (form.type === 'prodStage') {
    return [step(form, 'stage', 'stageName', 'stageDescription'), step(form, 'prod', 'prodName', 'prodDescription')]
  }
  return [step(form, form.type ?? 'dev', 'name', 'description')]
}

/** The server's field errors for one step on the form's fields; the rest as general messages. */
export function stepErrorsOf(
  fromStep: CreateStep,
  fieldErrors: Readonly<Record<string, string>>,
): { fields: AddEnvironmentErrors; general: string[] } {
  const fields: AddEnvironmentErrors = {}
  const general: string[] = []
  const target: Record<string, AddEnvironmentField> = {
    name: fromStep.nameField,
    description: fromStep.descriptionField,
    region: 'region',
    type: 'type',
  }
  for (const [path, message] of Object.entries(fieldErrors)) {
    const field = target[path]
    if (field) fields[field] = message
    else general.push(message)
  }
  return { fields, general }
}
