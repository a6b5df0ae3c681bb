import { Button, DialogTrigger } from '@react-spectrum/s2'
import type { ReactNode } from 'react'
import { ConfirmDialog } from '../../components/confirm-dialog'

export interface ConfirmButtonProps {
  label: string
  title: string
  confirmLabel: string
  variant?: 'accent' | 'secondary'
  destructive?: boolean
  isPending?: boolean
  /** Returning a promise keeps the dialog open until it settles, with the failure shown (see ConfirmDialog). */
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
      <ConfirmDialog
        role="alertdialog"
        title={title}
        confirmLabel={confirmLabel}
        variant={destructive ? 'negative' : 'accent'}
        onConfirm={onConfirm}
      >
        {children}
      </ConfirmDialog>
    </DialogTrigger>
  )
}
