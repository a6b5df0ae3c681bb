import type { AddPipelineKind, Pipeline } from '../../contract/resources'

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

/**
 * The Add Pipeline menu entry (and dialog family) a pipeline belongs to. Here rather than with the
 * wizard's form, so that the Pipelines page does not load the form's module to open an Edit dialog.
 */
export function kindOf(p: Pipeline): AddPipelineKind {
  const category = p['x-sim'].category
  if (category === 'production') return 'production'
  if (category === 'prodOnly') return 'prodOnly'
  return 'nonProduction'
}
