import type { Program } from '../../contract/resources'
import { ADD_ENVIRONMENT_TITLE, AddEnvironmentDialog } from './add-environment-dialog'
import { OfferedDialogButton } from './offered-dialog-button'

export interface AddEnvironmentProps {
  programId: string
  program: Program | undefined
}

/**
 * The Add Environment button. Whether the role may add environments, and which types the
 * program can still take, come from the program's `x-sim.addEnvironment`; the UI never
 * re-derives them and shows the server's reasons.
 */
export function AddEnvironment({ programId, program }: AddEnvironmentProps) {
  return (
    <OfferedDialogButton
      label={ADD_ENVIRONMENT_TITLE}
      variant="accent"
      isLoading={!program}
      offer={program?.['x-sim']?.addEnvironment}
      dialog={(offer) => <AddEnvironmentDialog programId={programId} offer={offer} programRegion={program?.['x-sim']?.region} />}
    />
  )
}
