import type { VariableList, VariableUpdate } from '../../contract/resources'
import type { VariableWords } from './variables-form'

export interface ServiceOption {
  /** The API's service, or `all` for none (all services). */
  id: string
  label: string
}

/** What tells the environment's variables editor (spec §A.5) from the pipeline's (§A.6). */
export interface VariablesScope extends VariableWords {
  title: string
  /** The sentence above the grid, for the holder's name. */
  intro: (holder: string) => string
  tableLabel: string
  empty: string
  /** What a new row may apply to. */
  services: readonly ServiceOption[]
  serviceLabel: (service: string) => string
  newRowService: string
  /**
   * When the list says the caller may not change it (role, lock, running pipeline): a read-only
   * view with Close, or, for a dialog that opens only when editable and is blocked meanwhile,
   * the grid as typed with Save unavailable.
   */
  readOnlyWhenBlocked: boolean
}

export interface PatchVariables {
  list: VariableList
  changes: VariableUpdate[]
}

/** "service" → "Service": the column is "Service Applied", each picker "Service applied of …". */
export const appliedToTitle = (scope: VariablesScope) => scope.appliedTo.charAt(0).toUpperCase() + scope.appliedTo.slice(1)
