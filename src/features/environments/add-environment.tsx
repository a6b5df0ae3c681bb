import { Button, DialogContainer } from '@react-spectrum/s2'
import { useState } from 'react'
import type { Program } from '../../contract/resources'
import { ADD_ENVIRONMENT_TITLE, AddEnvironmentDialog } from './add-environment-dialog'
import { BlockedButton } from './blocked-button'

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
  const [opened, setOpened] = useState(0)
  const [open, setOpen] = useState(false)
  const offer = program?.['x-sim']?.addEnvironment
  if (!program) {
    return (
      <Button variant="accent" isDisabled>
        {ADD_ENVIRONMENT_TITLE}
      </Button>
    )
  }
  if (!offer?.allowed) {
    return <BlockedButton label={ADD_ENVIRONMENT_TITLE} reason={offer?.reason ?? 'Not available for this program.'} />
  }
  return (
    <>
      <Button
        variant="accent"
        onPress={() => {
          setOpened((n) => n + 1)
          setOpen(true)
        }}
      >
        {ADD_ENVIRONMENT_TITLE}
      </Button>
      <DialogContainer onDismiss={() => setOpen(false)}>
        {open ? (
          <AddEnvironmentDialog key={opened} programId={programId} offer={offer} programRegion={program['x-sim']?.region} />
        ) : null}
      </DialogContainer>
    </>
  )
}
