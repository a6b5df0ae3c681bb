import { variableMutations, variableQueries } from '../../../api/resources/variables'
import type { Pipeline } from '../../../contract/resources'
import { EditVariablesDialog } from '../../variables/edit-variables-dialog'
import type { VariablesScope } from '../../variables/variables-scope'

const STEPS = [
  { id: 'build', label: 'Build' },
  { id: 'functionalTest', label: 'Functional testing' },
  { id: 'uiTest', label: 'UI testing' },
]
// The API also takes loadTest (spec §A.6, from the SDK): a stored one is shown, new ones are not offered it.
const ALL_STEPS = [...STEPS, { id: 'loadTest', label: 'Load testing' }]

const PIPELINE_VARIABLES: VariablesScope = {
  title: 'Variables Configuration',
  owner: 'A pipeline',
  appliedTo: 'step',
  intro: (name) => `Variables of "${name}", given to the steps they apply to. Secret values are never shown again.`,
  tableLabel: 'Pipeline variables',
  empty: 'This pipeline has no variables yet.',
  services: STEPS,
  serviceLabel: (step) => ALL_STEPS.find((s) => s.id === step)?.label ?? step,
  newRowService: 'build',
  // Roles that may not edit, and anyone while the pipeline runs, open it to read.
  readOnlyWhenBlocked: true,
}

/** Variables Configuration (spec §A.6): the pipeline's variables, editable by Deployment Managers while it is idle. */
export function VariablesDialog({ pipeline }: { pipeline: Pipeline }) {
  return (
    <EditVariablesDialog
      scope={PIPELINE_VARIABLES}
      holder={pipeline.name}
      query={variableQueries.pipeline(pipeline)}
      mutation={variableMutations.patchPipeline(pipeline)}
    />
  )
}
