/**
 * The Add Pipeline wizard's form: its state, which tabs it has, what each tab requires, and the
 * create body it becomes. Client checks only guide the user; the server has the last word and
 * its field errors are shown in the same places.
 */
import type { AddPipelineKind, Environment, PipelineCreate } from '../../../contract/resources'

export const MAX_NAME = 64
export const MAX_AUDIT_PATHS = 25

export interface PipelineForm {
  name: string
  trigger: 'MANUAL' | 'ON_COMMIT'
  metricBehavior: 'ASK' | 'FAIL' | 'CONTINUE'
  nonProdKind: 'deployment' | 'codeQuality'
  environmentId: string | null
  repositoryId: string | null
  branch: string | null
  pauseBeforeProd: boolean
  scheduled: boolean
  auditPaths: string[]
}

export const emptyForm = (): PipelineForm => ({
  name: '',
  trigger: 'MANUAL',
  metricBehavior: 'ASK',
  nonProdKind: 'deployment',
  environmentId: null,
  repositoryId: null,
  branch: null,
  pauseBeforeProd: false,
  scheduled: false,
  auditPaths: [],
})

export type TabKey = 'configuration' | 'source' | 'testing'
/** Form fields that can carry an error message. */
export type FieldKey = 'name' | 'trigger' | 'metricBehavior' | 'environment' | 'repository' | 'branch' | 'auditPaths'
export type FieldErrors = Partial<Record<FieldKey, string>>

export const TAB_FIELDS: Record<TabKey, FieldKey[]> = {
  configuration: ['name', 'trigger', 'metricBehavior'],
  source: ['environment', 'repository', 'branch'],
  testing: ['auditPaths'],
}

const isStage = (envs: Environment[], id: string | null) => envs.find((e) => e.id === id)?.type === 'stage'

/** Stage-only when a non-production deployment targets a stage environment (spec §C.5). */
export const isStageOnly = (kind: AddPipelineKind, form: PipelineForm, envs: Environment[]) =>
  kind === 'nonProduction' && form.nonProdKind === 'deployment' && isStage(envs, form.environmentId)

export function tabsOf(kind: AddPipelineKind, form: PipelineForm, envs: Environment[]): TabKey[] {
  if (kind === 'prodOnly') return ['configuration']
  if (kind === 'production' || isStageOnly(kind, form, envs)) return ['configuration', 'source', 'testing']
  return ['configuration', 'source']
}

export function testingTabTitle(kind: AddPipelineKind): string {
  // CS production dialogs call the tab Experience Audit; stage-only dialogs Stage Testing (spec §C.2, §C.5).
  return kind === 'production' ? 'Experience Audit' : 'Stage Testing'
}

export function validateName(name: string): string | undefined {
  if (name.trim().length === 0) return 'Enter a pipeline name.'
  if (name.length > MAX_NAME) return `Use at most ${MAX_NAME} characters.`
  return undefined
}

export function validatePagePath(path: string, existing: string[]): string | undefined {
  if (!path.startsWith('/')) return 'A page path must start with "/".'
  if (existing.includes(path)) return 'Each page path may be listed once.'
  if (existing.length >= MAX_AUDIT_PATHS) return `Add at most ${MAX_AUDIT_PATHS} page paths.`
  return undefined
}

/** Problems that keep a tab from being complete. */
export function validateTab(tab: TabKey, kind: AddPipelineKind, form: PipelineForm, branches: string[]): FieldErrors {
  const errors: FieldErrors = {}
  if (tab === 'configuration') {
    const name = validateName(form.name)
    if (name) errors.name = name
  }
  if (tab === 'source') {
    if (kind === 'nonProduction' && form.nonProdKind === 'deployment' && !form.environmentId) {
      errors.environment = 'Choose an environment to deploy to.'
    }
    if (!form.repositoryId) errors.repository = 'Choose a repository.'
    else if (!form.branch) errors.branch = 'Choose a branch.'
    else if (branches.length > 0 && !branches.includes(form.branch)) errors.branch = 'Choose a branch of the repository.'
  }
  if (tab === 'testing' && form.auditPaths.length > MAX_AUDIT_PATHS) {
    errors.auditPaths = `Add at most ${MAX_AUDIT_PATHS} page paths.`
  }
  return errors
}

/** The production pair: the primary stage (not the additional one) and production. */
export function productionPair(envs: Environment[]): { stage?: Environment; prod?: Environment } {
  return {
    stage: envs.find((e) => e.type === 'stage' && !e['x-sim']?.isAdditionalStage),
    prod: envs.find((e) => e.type === 'prod'),
  }
}

export function toCreateBody(kind: AddPipelineKind, form: PipelineForm, envs: Environment[]): PipelineCreate {
  const common = { name: form.name, importantMetricFailureBehavior: form.metricBehavior }
  const source = {
    codeSource: 'fullStack' as const,
    repositoryId: form.repositoryId ?? undefined,
    branch: form.branch ?? undefined,
  }
  // Functional tests and the audit always run on stage (spec §C.2); the dialog chooses the audited pages.
  const audit = {
    stageTesting: {
      productFunctional: true,
      customFunctional: true,
      customUi: false,
      experienceAudit: true,
      experienceAuditPaths: form.auditPaths,
    },
  }
  const { stage, prod } = productionPair(envs)
  switch (kind) {
    case 'prodOnly':
      return {
        ...common,
        category: 'prodOnly',
        trigger: 'MANUAL',
        environmentIds: prod ? [prod.id] : [],
        productionOptions: { pauseBeforeProd: form.pauseBeforeProd, scheduled: false },
      }
    case 'production':
      return {
        ...common,
        ...source,
        ...audit,
        category: 'production',
        trigger: form.trigger,
        environmentIds: stage && prod ? [stage.id, prod.id] : [],
        productionOptions: { pauseBeforeProd: form.pauseBeforeProd, scheduled: form.scheduled },
      }
    case 'nonProduction':
      if (form.nonProdKind === 'codeQuality') {
        return {
          ...common,
          ...source,
          category: 'nonProduction',
          nonProdKind: 'codeQuality',
          trigger: form.trigger,
          environmentIds: [],
        }
      }
      return {
        ...common,
        ...source,
        ...(isStageOnly(kind, form, envs)
          ? { ...audit, category: 'stageOnly' as const }
          : { category: 'nonProduction' as const }),
        nonProdKind: 'deployment',
        trigger: form.trigger,
        environmentIds: form.environmentId ? [form.environmentId] : [],
      }
  }
}

/** Where a server field error belongs; undefined for errors about the whole configuration. */
export function fieldOfServerError(path: string): FieldKey | undefined {
  if (path === 'name') return 'name'
  if (path === 'trigger') return 'trigger'
  if (path === 'importantMetricFailureBehavior') return 'metricBehavior'
  if (path === 'repositoryId') return 'repository'
  if (path === 'branch') return 'branch'
  if (path === 'environmentIds' || path.startsWith('environmentIds')) return 'environment'
  if (path.startsWith('stageTesting.experienceAuditPaths')) return 'auditPaths'
  return undefined
}
