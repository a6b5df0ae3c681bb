/**
 * What was typed into an Add Pipeline dialog, kept in the tab's sessionStorage while the dialog
 * is open: a reload reopens the dialog (its kind is in the URL) with everything typed and on the
 * same tab. Closing the dialog or saving forgets it. A stored draft that does not read back as a
 * form is ignored as a whole rather than half-restored.
 */
import { z } from 'zod'
import type { AddPipelineKind } from '../../../contract/resources'
import { draftKeyOf as keyOf, draftStorage as storage } from './pipeline-draft-storage'
import type { PipelineForm, TabKey } from './pipeline-form'

const dispatcherPath = z.strictObject({ path: z.string(), type: z.enum(['FLUSH', 'INVALIDATE']) })

const formSchema = z.strictObject({
  name: z.string(),
  trigger: z.enum(['MANUAL', 'ON_COMMIT']),
  metricBehavior: z.enum(['ASK', 'FAIL', 'CONTINUE']),
  nonProdKind: z.enum(['deployment', 'codeQuality']),
  codeSource: z.enum(['fullStack', 'config', 'frontEnd', 'webTierConfig']),
  environmentId: z.string().nullable(),
  repositoryId: z.string().nullable(),
  branch: z.string().nullable(),
  codeLocation: z.string(),
  buildStrategy: z.enum(['FULL', 'SMART']),
  ignoreWebTierConfig: z.boolean(),
  pauseBeforeProd: z.boolean(),
  scheduled: z.boolean(),
  tests: z.strictObject({
    productFunctional: z.boolean(),
    customFunctional: z.boolean(),
    customUi: z.boolean(),
    experienceAudit: z.boolean(),
  }),
  auditPaths: z.array(z.string()),
  ams: z.strictObject({
    approveAfterStage: z.boolean(),
    skipLoadBalancer: z.boolean(),
    lowerPaths: z.array(dispatcherPath),
    prodPaths: z.array(dispatcherPath),
    goLiveApproval: z.boolean(),
    cseOversight: z.boolean(),
    cse: z.enum(['ANY_CSE', 'MY_CSE']),
    pageSets: z.array(z.enum(['POPULAR', 'OTHER', 'NEW'])),
    imagesPercent: z.number(),
    // Drafts typed before test files existed read back with none.
    testFiles: z.array(z.strictObject({ format: z.enum(['PDF', 'IMAGE']), fileName: z.string() })).default([]),
  }),
}) satisfies z.ZodType<PipelineForm>

const draftSchema = z.strictObject({
  form: formSchema,
  tab: z.enum(['configuration', 'source', 'testing']) satisfies z.ZodType<TabKey>,
})

export type PipelineDraft = z.infer<typeof draftSchema>

export function loadPipelineDraft(programId: string, kind: AddPipelineKind): PipelineDraft | undefined {
  const text = storage()?.getItem(keyOf(programId, kind))
  if (!text) return undefined
  try {
    const parsed = draftSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export function savePipelineDraft(programId: string, kind: AddPipelineKind, draft: PipelineDraft): void {
  try {
    storage()?.setItem(keyOf(programId, kind), JSON.stringify(draft))
  } catch {
    // Full or refused storage: the dialog works on, only a reload would lose the typing.
  }
}
