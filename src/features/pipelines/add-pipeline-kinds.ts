import type { AddPipelineKind } from '../../contract/resources'

/** The Add Pipeline menu entries, in Cloud Manager's order and wording. */
export const ADD_PIPELINE_ENTRIES: ReadonlyArray<{ kind: AddPipelineKind; label: string }> = [
  { kind: 'production', label: 'Add Production Pipeline' },
  { kind: 'nonProduction', label: 'Add Non-Production Pipeline' },
  { kind: 'prodOnly', label: 'Add Production Only Pipeline' },
]
