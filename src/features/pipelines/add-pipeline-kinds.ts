import type { AddPipelineKind } from '../../contract/resources'

/** The Add Pipeline menu entries, in Cloud Manager's order and wording. */
export const ADD_PIPELINE_ENTRIES: ReadonlyArray<{ kind: AddPipelineKind; label: string }> = [
  { kind: 'production', label: 'Add Production Pipeline' },
  { kind: 'nonProduction', label: 'Add Non-Production Pipeline' },
  { kind: 'prodOnly', label: 'Add Production Only Pipeline' },
]

/** The Edit dialogs' titles (spec §C.7; the production only one is the simulator's). */
export const EDIT_PIPELINE_TITLES: Readonly<Record<AddPipelineKind, string>> = {
  production: 'Edit Production Pipeline',
  nonProduction: 'Edit Non-Production Pipeline',
  prodOnly: 'Edit Production Only Pipeline',
}
