import { Button, ButtonGroup, Content, Dialog, Heading, InlineAlert } from '@react-spectrum/s2'
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
  /** `alertdialog` for a question that interrupts (drawn like S2's AlertDialog). */
  role?: 'dialog' | 'alertdialog'
  isConfirmDisabled?: boolean
  /**
   * Runs the action. A promise keeps the dialog open until it settles: it closes when the action
   * succeeds and shows the problem when it fails; anything else closes it at once.
   */
  onConfirm: () => void | Promise<unknown>
}

/**
 * A confirmation in a DialogContainer or a DialogTrigger. Unlike AlertDialog it stays open while
 * the request runs and when it fails, so a refusal (403, 412, …) or a network or server failure
 * is read where the action was asked for, and pressing the action again retries it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  dismissLabel = 'Cancel',
  variant = 'accent',
  role = 'dialog',
  isConfirmDisabled,
  onConfirm,
}: ConfirmDialogProps) {
  const [pending, setPending] = useState(false)
  // Set before the re-render that marks the button pending, so a double click acts once.
  const running = useRef(false)
  const [problem, setProblem] = useState<string>()
  const confirm = async (close: () => void) => {
    if (running.current) return
    const result = onConfirm()
    if (!(result instanceof Promise)) return close()
    running.current = true
    setPending(true)
    setProblem(undefined)
    try {
      await result
      close()
    } catch (error) {
      setProblem(problemMessage(error))
    } finally {
      running.current = false
      setPending(false)
    }
  }
  return (
    <Dialog role={role} size="M">
      {({ close }) => (
        <>
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
            <Button variant="secondary" fillStyle={role === 'alertdialog' ? 'outline' : 'fill'} onPress={close}>
              {dismissLabel}
            </Button>
            <Button variant={variant} onPress={() => void confirm(close)} isPending={pending} isDisabled={isConfirmDisabled}>
              {confirmLabel}
            </Button>
          </ButtonGroup>
        </>
      )}
    </Dialog>
  )
}
