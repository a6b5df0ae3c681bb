import { Button, ButtonGroup, Content, Dialog, Heading, InlineAlert, useDialogContainer } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { type ReactNode, useRef, useState } from 'react'
import { problemMessage } from './failure-message'

export interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmLabel: string
  /** The secondary button, which closes without acting. */
  dismissLabel?: string
  variant?: 'accent' | 'negative'
  isConfirmDisabled?: boolean
  /** Runs the action; the dialog closes when it resolves and shows the problem when it throws. */
  onConfirm: () => Promise<unknown>
}

/**
 * A confirmation inside a DialogContainer. Unlike AlertDialog it stays open while the request
 * runs and when it fails, so a refusal (403, 412, …) or a network or server failure is read
 * where the action was asked for, and pressing the action again retries it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  dismissLabel = 'Cancel',
  variant = 'accent',
  isConfirmDisabled,
  onConfirm,
}: ConfirmDialogProps) {
  const container = useDialogContainer()
  const [pending, setPending] = useState(false)
  // Set before the re-render that marks the button pending, so a double click acts once.
  const running = useRef(false)
  const [problem, setProblem] = useState<string>()
  const confirm = async () => {
    if (running.current) return
    running.current = true
    setPending(true)
    setProblem(undefined)
    try {
      await onConfirm()
      container.dismiss()
    } catch (error) {
      setProblem(problemMessage(error))
    } finally {
      running.current = false
      setPending(false)
    }
  }
  return (
    <Dialog size="M">
      <Heading slot="title">{title}</Heading>
      <Content>
        {problem ? (
          <InlineAlert variant="negative" autoFocus styles={style({ marginBottom: 16 })}>
            <Heading>That did not work</Heading>
            <Content>{problem}</Content>
          </InlineAlert>
        ) : null}
        {children}
      </Content>
      <ButtonGroup>
        <Button variant="secondary" onPress={() => container.dismiss()}>
          {dismissLabel}
        </Button>
        <Button variant={variant} onPress={() => void confirm()} isPending={pending} isDisabled={isConfirmDisabled}>
          {confirmLabel}
        </Button>
      </ButtonGroup>
    </Dialog>
  )
}
