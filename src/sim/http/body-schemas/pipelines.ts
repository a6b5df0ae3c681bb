/**
 * Pipeline create and patch bodies (spec §H.5). Only the JSON shape is checked here (strings and
 * lists bounded); the domain rules are the engine's, reported field by field.
 */
import { z } from 'zod'
import { id } from './id'

const productionOptions = z.strictObject({
  pauseBeforeProd: z.boolean().optional(),
  scheduled: z.boolean().optional(),
  // [AMS] Use Go Live Approval; Use CSE Oversight (Any CSE / My CSE), null when off.
  goLiveApproval: z.boolean().optional(),
  cseOversight: z.enum(['MY_CSE', 'ANY_CSE']).nullable().optional(),
  // Accepted for compatibility with the create body of spec §H.5; canary is not modelled.
  canary: z.literal(false).optional(),
})
const percent = z.number().int().min(0).max(100)
const stageTesting = z.strictObject({
  productFunctional: z.boolean().optional(),
  customFunctional: z.boolean().optional(),
  customUi: z.boolean().optional(),
  experienceAudit: z.boolean().optional(),
  experienceAuditPaths: z.array(z.string().max(2048)).max(100).optional(),
  sitesPageSets: z
    .array(z.enum(['POPULAR', 'OTHER', 'NEW']))
    .max(10)
    .optional(),
  assetsSplit: z.strictObject({ images: percent, pdfs: percent }).optional(),
  // Names, extensions, count and duplicates are domain rules, reported by the engine field by field.
  assetsTestFiles: z
    .array(z.strictObject({ format: z.enum(['PDF', 'IMAGE']), fileName: z.string().max(10_000) }))
    .max(1000)
    .optional(),
})
// Counts and prefixes are domain rules (at most 100 per environment, "/" first), reported by the engine.
const dispatcherPathList = z
  .array(z.strictObject({ path: z.string().max(2048), type: z.enum(['FLUSH', 'INVALIDATE']) }))
  .max(1000)
const dispatcherPaths = z.strictObject({
  dev: dispatcherPathList.optional(),
  stage: dispatcherPathList.optional(),
  prod: dispatcherPathList.optional(),
})

const settings = {
  nonProdKind: z.enum(['codeQuality', 'deployment']).optional(),
  trigger: z.enum(['MANUAL', 'ON_COMMIT']).optional(),
  importantMetricFailureBehavior: z.enum(['ASK', 'FAIL', 'CONTINUE']).optional(),
  codeSource: z.enum(['fullStack', 'config', 'frontEnd', 'webTierConfig']).optional(),
  repositoryId: id.optional(),
  branch: z.string().min(1).max(255).optional(),
  codeLocation: z.string().max(1024).optional(),
  buildStrategy: z.enum(['FULL', 'SMART']).optional(),
  ignoreWebTierConfig: z.boolean().optional(),
  environmentIds: z.array(id).max(2).optional(),
  productionOptions: productionOptions.optional(),
  stageTesting: stageTesting.optional(),
  approveAfterStageDeployment: z.boolean().optional(),
  skipDetachingDispatchers: z.boolean().optional(),
  dispatcherPaths: dispatcherPaths.optional(),
}

export const pipelineCreateBody = z.strictObject({
  // Length and uniqueness are domain rules, reported by the engine with the other field errors.
  name: z.string().max(10_000),
  category: z.enum(['production', 'nonProduction', 'stageOnly', 'prodOnly']),
  ...settings,
})

/** Swagger `PipelineStepUpdateOptions` / `PipelineStepOptions`: the AMS step options a phase patch may carry. */
const stepOptions = z.strictObject({
  skipDetachingDispatchers: z.boolean().optional(),
  dispatcherCacheInvalidationPaths: z.array(z.string().max(2048)).max(1000).optional(),
  dispatcherCacheFlushPaths: z.array(z.string().max(2048)).max(1000).optional(),
  cse: z.enum(['MY_CSE', 'ANY_CSE']).optional(),
  popularPagesWeight: percent.optional(),
  newPagesWeight: percent.optional(),
  otherPagesWeight: percent.optional(),
  imageAssetsWeight: percent.optional(),
  pdfAssetsWeight: percent.optional(),
})

const phasePatch = z.looseObject({
  // Matched against the pipeline's phase names (`BUILD_1`, `DEPLOY_PROD`…); bounded like every other string.
  name: z.string().max(255).optional(),
  type: z.enum(['VALIDATE', 'BUILD', 'DEPLOY']).optional(),
  repositoryId: id.optional(),
  branch: z.string().min(1).max(255).optional(),
  environmentId: id.optional(),
  environmentType: z.enum(['dev', 'stage', 'prod', 'rde', 'preprod']).optional(),
  steps: z
    .array(z.looseObject({ name: z.string().max(255), options: stepOptions.optional() }))
    .max(100)
    .optional(),
})

export const pipelinePatchBody = z.strictObject({
  name: z.string().max(10_000).optional(),
  ...settings,
  phases: z.array(phasePatch).max(100).optional(),
})
