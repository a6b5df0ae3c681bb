import { Button, DialogContainer } from '@react-spectrum/s2'
import { useState } from 'react'
import type { Environment, Program } from '../../contract/resources'
import { BlockedButton } from './blocked-button'
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
  const [opened, setOpened] = useState(0)
  const [open, setOpen] = useState(false)
  const offer = program?.['x-sim']?.requestAdditionalStage
  if (!program) {
    return (
      <Button variant="secondary" isDisabled>
        {REQUEST_TITLE}
      </Button>
    )
  }
  if (!offer?.allowed) {
    return <BlockedButton label={REQUEST_TITLE} reason={offer?.reason ?? 'Not available for this program.'} />
  }
  return (
    <>
      <Button
        variant="secondary"
        onPress={() => {
          setOpened((n) => n + 1)
          setOpen(true)
        }}
      >
        {REQUEST_TITLE}
      </Button>
      <DialogContainer onDismiss={() => setOpen(false)}>
        {open ? (
          <RequestAdditionalStageDialog
            key={opened}
            programId={programId}
            region={primaryRegion(environments ?? [], program['x-sim']?.region)}
          />
        ) : null}
      </DialogContainer>
    </>
  )
}
