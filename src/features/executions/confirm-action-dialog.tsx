import { Button, ButtonGroup, Content, Dialog, Heading, InlineAlert } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { type ReactNode, useRef, useState } from 'react'
import { problemText } from './use-step-decision'

export interface ConfirmActionDialogProps {
  title: string
  confirmLabel: string
  destructive?: boolean
  /**
   * Runs the action. A promise keeps the dialog open until it settles: it closes when the action
   * succeeds and says why when it fails, so pressing the action again retries it.
   */
  onConfirm: () => void | Promise<unknown>
  children: ReactNode
}

/**
 * An alert dialog (Cancel and the confirming action) that, unlike S2's AlertDialog, does not
 * close before the action is done, and acts once per press: the button is pending meanwhile.
 */
export function ConfirmActionDialog({ title, confirmLabel, destructive = false, onConfirm, children }: ConfirmActionDialogProps) {
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
      setProblem(problemText(error))
    } finally {
      running.current = false
      setPending(false)
    }
  }
  return (
    <Dialog role="alertdialog" size="M">
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
            <Button variant="secondary" fillStyle="outline" onPress={close}>
              Cancel
            </Button>
            <Button variant={destructive ? 'negative' : 'accent'} isPending={pending} onPress={() => void confirm(close)}>
              {confirmLabel}
            </Button>
          </ButtonGroup>
        </>
      )}
    </Dialog>
  )
}
