import { Button, DialogTrigger } from '@react-spectrum/s2'
import type { ReactNode } from 'react'
import { ConfirmActionDialog } from './confirm-action-dialog'

export interface ConfirmButtonProps {
  label: string
  title: string
  confirmLabel: string
  variant?: 'accent' | 'secondary'
  destructive?: boolean
  isPending?: boolean
  /** Returning a promise keeps the dialog open until it settles, with the failure shown (see ConfirmActionDialog). */
  onConfirm: () => void | Promise<unknown>
  children: ReactNode
}

/** A button that asks first (an alert dialog with Cancel and the confirming action). */
export function ConfirmButton({
  label,
  title,
  confirmLabel,
  variant = 'secondary',
  destructive = false,
  isPending = false,
  onConfirm,
  children,
}: ConfirmButtonProps) {
  return (
    <DialogTrigger>
      <Button variant={variant} isPending={isPending}>
        {label}
      </Button>
      <ConfirmActionDialog title={title} confirmLabel={confirmLabel} destructive={destructive} onConfirm={onConfirm}>
        {children}
      </ConfirmActionDialog>
    </DialogTrigger>
  )
}
