/**
 * The Add / Edit Pipeline wizard's form: its state, which tabs it has, what each tab requires,
 * and the create or patch body it becomes. Client checks only guide the user; the server has the
 * last word and its field errors are shown in the same places.
 */
import type {
  AddPipelineKind,
  Environment,
  Pipeline,
  PipelineCreate,
  PipelinePatch,
  PipelineSettings,
} from '../../../contract/resources'
import {
  type AmsOptions,
  emptyAmsOptions,
  type Flavour,
  MAX_DISPATCHER_PATHS,
  validateImagesPercent,
  validatePageSets,
} from './ams-form'

export const MAX_NAME = 64
export const MAX_AUDIT_PATHS = 25

export type CodeSource = PipelineSettings['codeSource']
export type TargetedSource = Exclude<CodeSource, 'fullStack'>

/** The Pipeline test checkboxes of non-production deployments (spec §C.4). */
export interface PipelineTests {
  productFunctional: boolean
  customFunctional: boolean
  customUi: boolean
  experienceAudit: boolean
}

export interface PipelineForm {
  name: string
  trigger: 'MANUAL' | 'ON_COMMIT'
  metricBehavior: 'ASK' | 'FAIL' | 'CONTINUE'
  nonProdKind: 'deployment' | 'codeQuality'
  /** Full Stack Code, or the one kind of code a targeted deployment includes. */
  codeSource: CodeSource
  environmentId: string | null
  repositoryId: string | null
  branch: string | null
  codeLocation: string
  buildStrategy: 'FULL' | 'SMART'
  ignoreWebTierConfig: boolean
  pauseBeforeProd: boolean
  scheduled: boolean
  tests: PipelineTests
  auditPaths: string[]
  /** The Managed Services options; ignored on Cloud Service programs. */
  ams: AmsOptions
}

export const emptyForm = (): PipelineForm => ({
  name: '',
  trigger: 'MANUAL',
  metricBehavior: 'ASK',
  nonProdKind: 'deployment',
  environmentId: null,
  repositoryId: null,
  branch: null,
  codeSource: 'fullStack',
  codeLocation: '/',
  buildStrategy: 'FULL',
  ignoreWebTierConfig: false,
  pauseBeforeProd: false,
  scheduled: false,
  // Defaults of a new deployment pipeline: the functional tests run, UI tests and the audit are opt-in.
  tests: { productFunctional: true, customFunctional: true, customUi: false, experienceAudit: false },
  auditPaths: [],
  ams: emptyAmsOptions(),
})

export const TARGETED_SOURCES: ReadonlyArray<{ id: TargetedSource; label: string; description: string }> = [
  { id: 'config', label: 'Config', description: 'CDN, log forwarding and maintenance configuration.' },
  { id: 'frontEnd', label: 'Front End Code', description: 'JavaScript and CSS of the site theme.' },
  { id: 'webTierConfig', label: 'Web Tier Config', description: 'Dispatcher configuration.' },
]

/** AMS code sources (spec §C.3): the whole application, or the dispatcher configuration alone. */
export const AMS_SOURCES: ReadonlyArray<{ id: 'fullStack' | 'webTierConfig'; label: string; description: string }> = [
  { id: 'fullStack', label: 'Full Stack Code', description: 'Code for your complete AEM application.' },
  {
    id: 'webTierConfig',
    label: 'Web Tier Config',
    description: 'Dispatcher properties to store, process and deliver web pages to the client.',
  },
]

export type TabKey = 'configuration' | 'source' | 'testing'
/** Form fields that can carry an error message. */
export type FieldKey =
  | 'name'
  | 'trigger'
  | 'metricBehavior'
  | 'codeSource'
  | 'environment'
  | 'repository'
  | 'branch'
  | 'codeLocation'
  | 'auditPaths'
  | 'dispatcherLower'
  | 'dispatcherProd'
  | 'cse'
  | 'pageSets'
  | 'assetsSplit'
  | 'testFiles'
export type FieldErrors = Partial<Record<FieldKey, string>>

export const TAB_FIELDS: Record<TabKey, FieldKey[]> = {
  configuration: ['name', 'trigger', 'metricBehavior', 'dispatcherLower', 'dispatcherProd', 'cse'],
  source: ['codeSource', 'environment', 'repository', 'branch', 'codeLocation'],
  testing: ['auditPaths', 'pageSets', 'assetsSplit', 'testFiles'],
}

/** An existing pipeline as the form that edits it. */
export function formOf(p: Pipeline): PipelineForm {
  const s = p['x-sim']
  const deployEnv = s.category === 'nonProduction' || s.category === 'stageOnly' ? (s.environmentIds[0] ?? null) : null
  return {
    name: p.name,
    trigger: p.trigger,
    metricBehavior: s.importantMetricFailureBehavior,
    nonProdKind: s.nonProdKind ?? 'deployment',
    codeSource: s.codeSource,
    environmentId: deployEnv,
    repositoryId: s.repositoryId ?? null,
    branch: s.branch ?? null,
    codeLocation: s.codeLocation,
    buildStrategy: s.buildStrategy,
    ignoreWebTierConfig: s.ignoreWebTierConfig,
    pauseBeforeProd: s.productionOptions.pauseBeforeProd,
    scheduled: s.productionOptions.scheduled,
    tests: {
      productFunctional: s.stageTesting.productFunctional,
      customFunctional: s.stageTesting.customFunctional,
      customUi: s.stageTesting.customUi,
      experienceAudit: s.stageTesting.experienceAudit,
    },
    auditPaths: [...s.stageTesting.experienceAuditPaths],
    ams: amsOptionsOf(p),
  }
}

/** The AMS settings of an existing pipeline; the defaults where it has none (a CS pipeline). */
function amsOptionsOf(p: Pipeline): AmsOptions {
  const s = p['x-sim']
  const defaults = emptyAmsOptions()
  const lowerType = s.category === 'nonProduction' ? 'dev' : 'stage'
  const cse = s.productionOptions.cseOversight ?? null
  const split = s.stageTesting.assetsSplit
  return {
    approveAfterStage: s.approveAfterStageDeployment ?? false,
    skipLoadBalancer: s.skipDetachingDispatchers ?? false,
    lowerPaths: [...(s.dispatcherPaths?.[lowerType] ?? [])],
    prodPaths: [...(s.dispatcherPaths?.prod ?? [])],
    goLiveApproval: s.productionOptions.goLiveApproval ?? false,
    cseOversight: cse !== null,
    cse: cse ?? defaults.cse,
    pageSets: [...(s.stageTesting.sitesPageSets ?? defaults.pageSets)],
    imagesPercent: split ? split.images : defaults.imagesPercent,
    testFiles: (s.stageTesting.assetsTestFiles ?? []).map((f) => ({ ...f })),
  }
}

const isStage = (envs: Environment[], id: string | null) => envs.find((e) => e.id === id)?.type === 'stage'

/** Stage-only when a non-production deployment targets a stage environment (spec §C.5). */
export const isStageOnly = (kind: AddPipelineKind, form: PipelineForm, envs: Environment[]) =>
  kind === 'nonProduction' && form.nonProdKind === 'deployment' && isStage(envs, form.environmentId)

/** A non-production pipeline that deploys (to dev or, stage-only, to stage). */
export const isDeployment = (kind: AddPipelineKind, form: PipelineForm) =>
  kind === 'nonProduction' && form.nonProdKind === 'deployment'

export const isTargeted = (form: PipelineForm) => form.codeSource !== 'fullStack'

export function tabsOf(kind: AddPipelineKind, form: PipelineForm, envs: Environment[], flavour: Flavour): TabKey[] {
  if (kind === 'prodOnly') return ['configuration']
  // Targeted deployments run no stage tests and no audit.
  if (isTargeted(form)) return ['configuration', 'source']
  if (kind === 'production' || isStageOnly(kind, form, envs)) return ['configuration', 'source', 'testing']
  // AMS development deployments test nothing (spec §D.3 #5).
  if (flavour === 'ams') return ['configuration', 'source']
  // A development deployment audits pages only when Experience Audit is checked (spec §C.4).
  if (isDeployment(kind, form) && form.tests.experienceAudit) return ['configuration', 'source', 'testing']
  return ['configuration', 'source']
}

export function testingTabTitle(stageOnly: boolean, flavour: Flavour): string {
  // CS production and development dialogs call the tab Experience Audit; stage-only and AMS dialogs Stage Testing (spec §C.2, §C.5, §K.6).
  return stageOnly || flavour === 'ams' ? 'Stage Testing' : 'Experience Audit'
}

/** Environments a non-production deployment may target: dev, and stage for full stack code (stage-only). */
export function eligibleEnvironments(form: PipelineForm, envs: Environment[]): Environment[] {
  return envs.filter((e) => e.type === 'dev' || (e.type === 'stage' && !isTargeted(form)))
}

/** Whether the full-stack pipeline must ignore web tier config, and because of which pipeline. */
export function webTierOwner(
  kind: AddPipelineKind,
  form: PipelineForm,
  envs: Environment[],
  pipelines: Pipeline[],
  editing?: Pipeline,
): Pipeline | undefined {
  if (form.codeSource !== 'fullStack' || kind === 'prodOnly') return undefined
  const targets =
    kind === 'production'
      ? [productionPair(envs).stage?.id, productionPair(envs).prod?.id]
      : form.environmentId
        ? [form.environmentId]
        : []
  return pipelines.find(
    (p) =>
      p.id !== editing?.id &&
      p['x-sim'].codeSource === 'webTierConfig' &&
      p['x-sim'].environmentIds.some((id) => targets.includes(id)),
  )
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

/** Whether the AMS dialog offers these options for this kind of pipeline. */
export const offersDispatcherPaths = (kind: AddPipelineKind, form: PipelineForm) =>
  kind === 'production' || kind === 'prodOnly' || isDeployment(kind, form)

/** Problems that keep a tab from being complete. */
export function validateTab(
  tab: TabKey,
  kind: AddPipelineKind,
  form: PipelineForm,
  branches: string[],
  flavour: Flavour,
  envs: Environment[] = [],
): FieldErrors {
  const errors: FieldErrors = {}
  if (tab === 'configuration') {
    const name = validateName(form.name)
    if (name) errors.name = name
    if (flavour === 'ams') {
      const tooMany = `Add at most ${MAX_DISPATCHER_PATHS} paths per environment.`
      if (form.ams.lowerPaths.length > MAX_DISPATCHER_PATHS) errors.dispatcherLower = tooMany
      if (form.ams.prodPaths.length > MAX_DISPATCHER_PATHS) errors.dispatcherProd = tooMany
    }
  }
  if (tab === 'source' && flavour === 'ams' && form.trigger === 'ON_COMMIT' && isStageOnly(kind, form, envs)) {
    // Pre-production pipelines are manual-only on Managed Services (spec §C.5, §K.13).
    errors.environment =
      'On Managed Services a stage-only pipeline runs manually: set the Deployment Trigger to Manual, or choose a development environment.'
  }
  if (tab === 'source') {
    if (isDeployment(kind, form) && !form.environmentId) {
      errors.environment = 'Choose an environment to deploy to.'
    }
    if (!form.repositoryId) errors.repository = 'Choose a repository.'
    else if (!form.branch) errors.branch = 'Choose a branch.'
    else if (branches.length > 0 && !branches.includes(form.branch)) errors.branch = 'Choose a branch of the repository.'
    if (isTargeted(form) && !form.codeLocation.startsWith('/')) errors.codeLocation = 'The code location must start with "/".'
  }
  if (tab === 'testing' && flavour === 'cs' && form.auditPaths.length > MAX_AUDIT_PATHS) {
    errors.auditPaths = `Add at most ${MAX_AUDIT_PATHS} page paths.`
  }
  if (tab === 'testing' && flavour === 'ams') {
    const sets = validatePageSets(form.ams.pageSets)
    if (sets) errors.pageSets = sets
    const split = validateImagesPercent(form.ams.imagesPercent)
    if (split) errors.assetsSplit = split
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

/** The settings the Source Code tab decides, for any kind that builds. */
function sourceSettings(form: PipelineForm) {
  return {
    codeSource: form.codeSource,
    repositoryId: form.repositoryId ?? undefined,
    branch: form.branch ?? undefined,
    ...(isTargeted(form) ? { codeLocation: form.codeLocation } : {}),
    buildStrategy: form.buildStrategy,
    ignoreWebTierConfig: form.ignoreWebTierConfig,
  }
}

/** Stage testing: stage always runs the functional tests and the audit (spec §C.2); dev runs what is checked. */
function stageTesting(form: PipelineForm, onStage: boolean): PipelineSettings['stageTesting'] {
  return onStage
    ? {
        productFunctional: true,
        customFunctional: true,
        customUi: form.tests.customUi,
        experienceAudit: true,
        experienceAuditPaths: form.auditPaths,
      }
    : { ...form.tests, experienceAuditPaths: form.tests.experienceAudit ? form.auditPaths : [] }
}

export function toCreateBody(kind: AddPipelineKind, form: PipelineForm, envs: Environment[], flavour: Flavour): PipelineCreate {
  const body = csCreateBody(kind, form, envs)
  return flavour === 'ams' ? withAmsSettings(body, kind, form, envs) : body
}

/**
 * An AMS pipeline: the CS-only options off (no pause before production, smart build or
 * functional/UI tests), and the AMS ones of the dialog (spec §C.3, §C.4, §C.6).
 */
function withAmsSettings(body: PipelineCreate, kind: AddPipelineKind, form: PipelineForm, envs: Environment[]): PipelineCreate {
  if (body.nonProdKind === 'codeQuality') return { ...body, buildStrategy: 'FULL' }
  const { ams } = form
  const production = kind === 'production' || kind === 'prodOnly'
  const lowerType = kind === 'nonProduction' ? envs.find((e) => e.id === form.environmentId)?.type : 'stage'
  const lowerKey = lowerType === 'dev' || lowerType === 'stage' ? lowerType : undefined
  const tested = body.stageTesting !== undefined
  return {
    ...body,
    ...(kind === 'prodOnly' ? {} : { buildStrategy: 'FULL' as const, skipDetachingDispatchers: ams.skipLoadBalancer }),
    ...(kind === 'production' || body.category === 'stageOnly' ? { approveAfterStageDeployment: ams.approveAfterStage } : {}),
    dispatcherPaths: {
      ...(kind !== 'prodOnly' && lowerKey ? { [lowerKey]: ams.lowerPaths } : {}),
      ...(production ? { prod: ams.prodPaths } : {}),
    },
    ...(production
      ? {
          productionOptions: {
            pauseBeforeProd: false,
            scheduled: form.scheduled,
            goLiveApproval: ams.goLiveApproval,
            cseOversight: ams.cseOversight ? ams.cse : null,
          },
        }
      : {}),
    ...(tested
      ? {
          stageTesting: {
            productFunctional: false,
            customFunctional: false,
            customUi: false,
            experienceAudit: false,
            experienceAuditPaths: [],
            sitesPageSets: ams.pageSets,
            assetsSplit: { images: ams.imagesPercent, pdfs: 100 - ams.imagesPercent },
            assetsTestFiles: ams.testFiles,
          },
        }
      : {}),
  }
}

function csCreateBody(kind: AddPipelineKind, form: PipelineForm, envs: Environment[]): PipelineCreate {
  const common = { name: form.name, importantMetricFailureBehavior: form.metricBehavior }
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
        ...sourceSettings(form),
        ...(isTargeted(form) ? {} : { stageTesting: stageTesting(form, true) }),
        category: 'production',
        trigger: form.trigger,
        environmentIds: stage && prod ? [stage.id, prod.id] : [],
        productionOptions: { pauseBeforeProd: form.pauseBeforeProd, scheduled: form.scheduled },
      }
    case 'nonProduction':
      if (form.nonProdKind === 'codeQuality') {
        return {
          ...common,
          ...sourceSettings({ ...form, codeSource: 'fullStack' }),
          category: 'nonProduction',
          nonProdKind: 'codeQuality',
          trigger: form.trigger,
          environmentIds: [],
        }
      }
      return {
        ...common,
        ...sourceSettings(form),
        ...(isStageOnly(kind, form, envs)
          ? { stageTesting: stageTesting(form, true), category: 'stageOnly' as const }
          : { ...(isTargeted(form) ? {} : { stageTesting: stageTesting(form, false) }), category: 'nonProduction' as const }),
        nonProdKind: 'deployment',
        trigger: form.trigger,
        environmentIds: form.environmentId ? [form.environmentId] : [],
      }
  }
}

/**
 * The PATCH of an edit: everything the dialog may change. What defines the pipeline (category,
 * kind, code source, environments) is fixed and not sent (spec §C.7).
 */
export function toPatchBody(
  kind: AddPipelineKind,
  form: PipelineForm,
  pipeline: Pipeline,
  envs: Environment[],
  flavour: Flavour,
): PipelinePatch {
  // The pipeline's own environment decides where its dispatcher paths belong.
  const deployTarget = kind === 'nonProduction' ? { ...form, environmentId: pipeline['x-sim'].environmentIds[0] ?? null } : form
  const created = toCreateBody(kind, deployTarget, envs, flavour)
  const { category: _category, nonProdKind: _kind, codeSource: _source, environmentIds: _envs, ...editable } = created
  // A production only pipeline has no repository; the others keep theirs unless changed.
  if (kind === 'prodOnly') {
    return {
      name: editable.name,
      ...(editable.productionOptions ? { productionOptions: editable.productionOptions } : {}),
      ...(editable.dispatcherPaths ? { dispatcherPaths: editable.dispatcherPaths } : {}),
    }
  }
  const patch: PipelinePatch = { ...editable }
  if (pipeline['x-sim'].codeSource !== 'fullStack') delete patch.stageTesting
  return patch
}

/** Where a server field error belongs; undefined for errors about the whole configuration. */
export function fieldOfServerError(path: string): FieldKey | undefined {
  if (path === 'name') return 'name'
  if (path === 'trigger') return 'trigger'
  if (path === 'importantMetricFailureBehavior') return 'metricBehavior'
  if (path === 'repositoryId') return 'repository'
  if (path === 'branch') return 'branch'
  if (path === 'codeLocation') return 'codeLocation'
  if (path === 'codeSource') return 'codeSource'
  if (path === 'environmentIds' || path.startsWith('environmentIds')) return 'environment'
  if (path.startsWith('stageTesting.experienceAuditPaths')) return 'auditPaths'
  if (path.startsWith('dispatcherPaths.prod')) return 'dispatcherProd'
  if (path.startsWith('dispatcherPaths.stage') || path.startsWith('dispatcherPaths.dev')) return 'dispatcherLower'
  if (path.startsWith('productionOptions.cseOversight')) return 'cse'
  if (path.startsWith('stageTesting.sitesPageSets')) return 'pageSets'
  if (path.startsWith('stageTesting.assetsSplit')) return 'assetsSplit'
  if (path.startsWith('stageTesting.assetsTestFiles')) return 'testFiles'
  return undefined
}
