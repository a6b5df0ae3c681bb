import { AlertDialog, Button, DialogTrigger } from '@react-spectrum/s2'
import type { ReactNode } from 'react'

export interface ConfirmButtonProps {
  label: string
  title: string
  confirmLabel: string
  variant?: 'accent' | 'secondary'
  destructive?: boolean
  isPending?: boolean
  onConfirm: () => void
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
      <AlertDialog
        title={title}
        variant={destructive ? 'destructive' : 'confirmation'}
        primaryActionLabel={confirmLabel}
        cancelLabel="Cancel"
        onPrimaryAction={onConfirm}
      >
        {children}
      </AlertDialog>
    </DialogTrigger>
  )
}
