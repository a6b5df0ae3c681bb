/**
 * Where Add Pipeline drafts are kept (see pipeline-draft.ts). Forgetting one needs no schema,
 * so closing a dialog does not pull the draft parser into the Pipelines page.
 */
import type { AddPipelineKind } from '../../../contract/resources'

export const draftKeyOf = (programId: string, kind: AddPipelineKind) => `pipeline-console:add-pipeline-draft:${programId}:${kind}`

/** Storage may be unavailable (privacy settings, quota): a draft is a convenience, never an error. */
export function draftStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}

export function forgetPipelineDraft(programId: string, kind: AddPipelineKind): void {
  draftStorage()?.removeItem(draftKeyOf(programId, kind))
}
