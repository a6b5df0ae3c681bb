import type { Environment, Program } from '../../contract/resources'
import { OfferedDialogButton } from './offered-dialog-button'
import { REQUEST_TITLE, RequestAdditionalStageDialog } from './request-additional-stage-dialog'
import { primaryRegion } from './request-additional-stage-form'

export interface RequestAdditionalStageProps {
  programId: string
  program: Program | undefined
  environments: readonly Environment[] | undefined
}

/**
 * The Request Second Staging Environment button. Whether it is available comes from the
 * program's `x-sim.requestAdditionalStage` (role, Production + Stage pair, one already there or
 * pending); the UI never re-derives it and shows the server's reason when it is not.
 */
export function RequestAdditionalStage({ programId, program, environments }: RequestAdditionalStageProps) {
  return (
    <OfferedDialogButton
      label={REQUEST_TITLE}
      variant="secondary"
      isLoading={!program}
      offer={program?.['x-sim']?.requestAdditionalStage}
      dialog={() => (
        <RequestAdditionalStageDialog
          programId={programId}
          region={primaryRegion(environments ?? [], program?.['x-sim']?.region)}
        />
      )}
    />
  )
}
