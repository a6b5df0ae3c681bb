/**
 * The Managed Services (AMS) side of pipeline configuration (spec §C.3–C.7, §D.3 shapes 2, 6,
 * 7): which options each flavour accepts, the AMS options' own rules, and the steps an AMS
 * pipeline runs.
 */
import type { FieldError } from './errors'
import type { Flavour } from './flavour'
import type { DispatcherPaths, PipelineConfig, SitesPageSet, Solution, StepAction } from './model'

export const MAX_DISPATCHER_PATHS = 100
export const SITES_PAGE_SETS: readonly SitesPageSet[] = ['POPULAR', 'OTHER', 'NEW']
export const DEFAULT_ASSETS_SPLIT = { images: 70, pdfs: 30 } as const

export const emptyDispatcherPaths = (): DispatcherPaths => ({ dev: [], stage: [], prod: [] })

/** Options of the other flavour that a configuration sets: each one refused by field. */
export function flavourProblems(flavour: Flavour, config: PipelineConfig): FieldError[] {
  const errors: FieldError[] = []
  const refuse = (field: string, message: string, invalidValue: unknown) => errors.push({ field, message, invalidValue })
  if (flavour === 'ams') {
    const cs = 'is a Cloud Service option; AMS programs do not offer it.'
    if (config.productionOptions.pauseBeforeProd)
      refuse('productionOptions.pauseBeforeProd', `Pause before deploying to Production ${cs} Use goLiveApproval.`, true)
    if (config.codeSource === 'config' || config.codeSource === 'frontEnd')
      refuse(
        'codeSource',
        `Targeted deployment (${config.codeSource}) ${cs} Choose fullStack or webTierConfig.`,
        config.codeSource,
      )
    for (const flag of ['productFunctional', 'customFunctional', 'customUi'] as const) {
      if (config.stageTesting[flag])
        refuse(
          `stageTesting.${flag}`,
          `Functional and UI testing ${cs} AMS stage testing is security and performance testing.`,
          true,
        )
    }
    return errors
  }
  const ams = 'is an AMS option; Cloud Service programs do not offer it.'
  if (config.productionOptions.goLiveApproval)
    refuse('productionOptions.goLiveApproval', `Use Go Live Approval ${ams} Use pauseBeforeProd.`, true)
  if (config.productionOptions.cseOversight !== null)
    refuse('productionOptions.cseOversight', `Use CSE Oversight ${ams}`, config.productionOptions.cseOversight)
  if (config.approveAfterStageDeployment) refuse('approveAfterStageDeployment', `Approve after Stage Deployment ${ams}`, true)
  if (config.skipDetachingDispatchers) refuse('skipDetachingDispatchers', `Skip Load Balancer changes ${ams}`, true)
  for (const env of ['dev', 'stage', 'prod'] as const) {
    if (config.dispatcherPaths[env].length > 0)
      refuse(`dispatcherPaths.${env}`, `Dispatcher Configuration ${ams}`, config.dispatcherPaths[env].length)
  }
  const sets = config.stageTesting.sitesPageSets
  if (sets.length !== SITES_PAGE_SETS.length || !SITES_PAGE_SETS.every((s) => sets.includes(s)))
    refuse('stageTesting.sitesPageSets', `Performance test page sets are ${ams}`, sets)
  const split = config.stageTesting.assetsSplit
  if (split.images !== DEFAULT_ASSETS_SPLIT.images || split.pdfs !== DEFAULT_ASSETS_SPLIT.pdfs)
    refuse('stageTesting.assetsSplit', `The assets performance test distribution ${ams}`, split)
  if (config.stageTesting.assetsTestFiles.length > 0)
    refuse(
      'stageTesting.assetsTestFiles',
      `Uploading custom assets test files ${ams}`,
      config.stageTesting.assetsTestFiles.length,
    )
  return errors
}

/** The environment types a pipeline deploys to, which are the keys its dispatcher paths may use. */
function deployedEnvTypes(config: PipelineConfig): ReadonlyArray<keyof DispatcherPaths> {
  switch (config.category) {
    case 'production':
      return ['stage', 'prod']
    case 'stageOnly':
      return ['stage']
    case 'prodOnly':
      return ['prod']
    case 'nonProduction':
      return config.nonProdKind === 'codeQuality' ? [] : ['dev']
  }
}

const deploysToProduction = (config: PipelineConfig) => config.category === 'production' || config.category === 'prodOnly'

/** The AMS options' own rules (spec §C.3, §C.8, §K.13), every problem at once. */
export function amsProblems(config: PipelineConfig): FieldError[] {
  const errors: FieldError[] = []
  const envTypes = deployedEnvTypes(config)
  for (const env of ['dev', 'stage', 'prod'] as const) {
    const paths = config.dispatcherPaths[env]
    const field = `dispatcherPaths.${env}`
    if (paths.length > 0 && !envTypes.includes(env)) {
      errors.push({ field, message: `This pipeline does not deploy to a ${env} environment.`, invalidValue: paths.length })
      continue
    }
    if (paths.length > MAX_DISPATCHER_PATHS) {
      errors.push({ field, message: `Add at most ${MAX_DISPATCHER_PATHS} paths per environment.`, invalidValue: paths.length })
    }
    const seen = new Set<string>()
    paths.forEach((p, i) => {
      if (!p.path.startsWith('/'))
        errors.push({ field: `${field}[${i}].path`, message: 'A path must start with "/".', invalidValue: p.path })
      else if (seen.has(p.path))
        errors.push({
          field: `${field}[${i}].path`,
          message: `"${p.path}" is already configured for this environment.`,
          invalidValue: p.path,
        })
      seen.add(p.path)
    })
  }
  if (config.nonProdKind === 'codeQuality' && config.skipDetachingDispatchers) {
    errors.push({ field: 'skipDetachingDispatchers', message: 'A code quality pipeline does not deploy.', invalidValue: true })
  }
  if (!deploysToProduction(config)) {
    const o = config.productionOptions
    const prodOnlyOption = (field: string, value: unknown) =>
      errors.push({
        field: `productionOptions.${field}`,
        message: 'Only pipelines that deploy to production have this option.',
        invalidValue: value,
      })
    if (o.goLiveApproval) prodOnlyOption('goLiveApproval', true)
    if (o.scheduled) prodOnlyOption('scheduled', true)
    if (o.cseOversight !== null) prodOnlyOption('cseOversight', o.cseOversight)
  }
  if (config.approveAfterStageDeployment && config.category !== 'production' && config.category !== 'stageOnly') {
    errors.push({
      field: 'approveAfterStageDeployment',
      message: 'Only pipelines that deploy to stage have Approve after Stage Deployment.',
      invalidValue: true,
    })
  }
  if (config.category === 'stageOnly' && config.trigger !== 'MANUAL') {
    errors.push({
      field: 'trigger',
      message: 'AMS pre-production (stage-only) pipelines are started manually only.',
      invalidValue: config.trigger,
    })
  }
  const sets = config.stageTesting.sitesPageSets
  if (sets.length === 0)
    errors.push({ field: 'stageTesting.sitesPageSets', message: 'Enable at least one page set.', invalidValue: sets })
  if (new Set(sets).size !== sets.length)
    errors.push({ field: 'stageTesting.sitesPageSets', message: 'Each page set may be listed once.', invalidValue: sets })
  const { images, pdfs } = config.stageTesting.assetsSplit
  if (images + pdfs !== 100) {
    errors.push({
      field: 'stageTesting.assetsSplit',
      message: `Images and PDFs must add up to 100 (now ${images + pdfs}).`,
      invalidValue: { images, pdfs },
    })
  }
  return errors
}

/** Build phase: AMS has no Build Images step (spec §D.3 #2, #5). */
export function amsBuildActions(config: PipelineConfig): StepAction[] {
  if (config.category === 'prodOnly') return ['build']
  if (config.codeSource === 'fullStack') return ['build', 'codeQuality']
  return ['build']
}

/** Stage testing: security, then performance per licensed solution, then the experience audit if configured. */
export function amsTestActions(config: PipelineConfig, solutions: readonly Solution[]): StepAction[] {
  if (config.codeSource !== 'fullStack' || (config.category !== 'production' && config.category !== 'stageOnly')) return []
  const steps: StepAction[] = ['securityTest']
  if (solutions.includes('sites')) steps.push('loadTest')
  if (solutions.includes('assets')) steps.push('assetsTest')
  if (solutions.includes('sites') || solutions.includes('assets')) steps.push('reportPerformanceTest')
  if (config.stageTesting.experienceAudit) steps.push('contentAudit')
  return steps
}

/** The stage (or dev) deploy phase: deploy, the optional approval after it, then the tests. */
export function amsLowerDeployActions(config: PipelineConfig, solutions: readonly Solution[]): StepAction[] {
  if (config.category === 'nonProduction') return ['deploy']
  const steps: StepAction[] = ['deploy']
  if (config.approveAfterStageDeployment) steps.push('approval')
  return [...steps, ...amsTestActions(config, solutions)]
}

/** The production phase: Go Live approval, schedule, CSE oversight, then the deploy. */
export function amsProdActions(config: PipelineConfig): StepAction[] {
  const steps: StepAction[] = []
  if (config.productionOptions.goLiveApproval) steps.push('approval')
  if (config.productionOptions.scheduled) steps.push('schedule')
  if (config.productionOptions.cseOversight !== null) steps.push('managed')
  steps.push('deploy')
  return steps
}

/** Sites traffic split among the enabled page sets (3 → 33/33/34, 2 → 50/50, 1 → 100), as loadTest options. */
export function sitesWeights(sets: readonly SitesPageSet[]): {
  popularPagesWeight: number
  newPagesWeight: number
  otherPagesWeight: number
} {
  const share = sets.length === 0 ? 0 : Math.floor(100 / sets.length)
  const weight = (s: SitesPageSet) => (sets.includes(s) ? share : 0)
  const out = { popularPagesWeight: weight('POPULAR'), otherPagesWeight: weight('OTHER'), newPagesWeight: weight('NEW') }
  // The remainder goes to the last enabled set, so the weights add up to 100.
  const rest = 100 - out.popularPagesWeight - out.otherPagesWeight - out.newPagesWeight
  if (sets.length > 0 && rest > 0) {
    const last = sets.includes('NEW') ? 'newPagesWeight' : sets.includes('OTHER') ? 'otherPagesWeight' : 'popularPagesWeight'
    out[last] += rest
  }
  return out
}
