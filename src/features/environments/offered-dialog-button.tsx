import { Button, DialogContainer } from '@react-spectrum/s2'
import { cloneElement, type ReactElement, useState } from 'react'
import type { Offer } from '../../contract/resources'
import { BlockedButton } from './blocked-button'

export interface OfferedDialogButtonProps<O extends Offer> {
  label: string
  variant: 'accent' | 'secondary'
  /** The server's offer; undefined while the program loads (or when it makes none). */
  offer: O | undefined
  isLoading: boolean
  /** The dialog the button opens, given the offer that allowed it. */
  dialog: (offer: O) => ReactElement
}

/**
 * A button that opens a dialog when the server offers the action, and otherwise stays in place,
 * disabled, with the server's reason. Each opening gets a fresh dialog.
 */
export function OfferedDialogButton<O extends Offer>({ label, variant, offer, isLoading, dialog }: OfferedDialogButtonProps<O>) {
  const [opened, setOpened] = useState(0)
  const [open, setOpen] = useState(false)
  if (isLoading) {
    return (
      <Button variant={variant} isDisabled>
        {label}
      </Button>
    )
  }
  if (!offer?.allowed) return <BlockedButton label={label} reason={offer?.reason ?? 'Not available for this program.'} />
  return (
    <>
      <Button
        variant={variant}
        onPress={() => {
          setOpened((n) => n + 1)
          setOpen(true)
        }}
      >
        {label}
      </Button>
      <DialogContainer onDismiss={() => setOpen(false)}>
        {open ? cloneElement(dialog(offer), { key: opened }) : null}
      </DialogContainer>
    </>
  )
}
