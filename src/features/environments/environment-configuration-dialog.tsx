import { environmentVariableMutations, environmentVariableQueries } from '../../api/resources/environment-variables'
import type { Environment } from '../../contract/resources'
import { EditVariablesDialog } from '../variables/edit-variables-dialog'
import type { VariablesScope } from '../variables/variables-scope'
import { SERVICE_OPTIONS, serviceLabel } from './environment-labels'

const ENVIRONMENT_VARIABLES: VariablesScope = {
  title: 'Environment Configuration',
  owner: 'An environment',
  appliedTo: 'service',
  intro: (name) =>
    `Variables of "${name}", given to the services they apply to. Secret values are never shown again; an empty Service Applied means all services.`,
  tableLabel: 'Environment variables',
  empty: 'This environment has no variables yet. Use Add Variable to add one.',
  services: SERVICE_OPTIONS,
  serviceLabel,
  newRowService: '',
  // The Configuration tab opens the dialog only when the variables may be changed.
  readOnlyWhenBlocked: false,
}

/** Environment Configuration (spec §A.5): add, edit and delete the environment's variables, saved in one PATCH. */
export function EnvironmentConfigurationDialog({ environment }: { environment: Environment }) {
  return (
    <EditVariablesDialog
      scope={ENVIRONMENT_VARIABLES}
      holder={environment.name}
      query={environmentVariableQueries.list(environment)}
      mutation={environmentVariableMutations.patch(environment)}
    />
  )
}
