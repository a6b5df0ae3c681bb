import { Button, ButtonGroup, Content, Dialog, Heading, InlineAlert } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { type ReactNode, useRef, useState } from 'react'
import type { ExecutionMode } from '../contract/resources'
import { problemMessage } from './failure-message'

export const RUN_MODE_TEXT =
  'Please choose a desired mode to run the pipeline. Running in Emergency Mode will skip security tests and performance tests.'

export interface RunModeDialogProps {
  title?: string
  /** Shown under the product's text (what is run, with which build). */
  children?: ReactNode
  isConfirmDisabled?: boolean
  /** Starts the run; the dialog stays open until it settles and shows the problem if it fails. */
  onRun: (mode: ExecutionMode) => Promise<unknown>
}

/**
 * Run Pipeline on an AMS program with Emergency Mode enabled (spec §D.11): Cancel, Emergency
 * Mode or Normal Mode. Like ConfirmDialog it stays open while the start is on its way and when it
 * is refused, so the refusal is read where the run was asked for and either mode can be retried.
 */
export function RunModeDialog({ title = 'Run Pipeline', children, isConfirmDisabled, onRun }: RunModeDialogProps) {
  const [pending, setPending] = useState<ExecutionMode>()
  const running = useRef(false)
  const [problem, setProblem] = useState<string>()
  const run = async (mode: ExecutionMode, close: () => void) => {
    if (running.current) return
    running.current = true
    setPending(mode)
    setProblem(undefined)
    try {
      await onRun(mode)
      close()
    } catch (error) {
      setProblem(problemMessage(error))
    } finally {
      running.current = false
      setPending(undefined)
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
                <Heading>The pipeline did not start</Heading>
                <Content>{problem}</Content>
              </InlineAlert>
            ) : null}
            <p className={style({ font: 'body', marginTop: 0 })}>{RUN_MODE_TEXT}</p>
            {children}
          </Content>
          <ButtonGroup>
            <Button variant="secondary" fillStyle="outline" onPress={close}>
              Cancel
            </Button>
            <Button
              variant="secondary"
              onPress={() => void run('EMERGENCY', close)}
              isPending={pending === 'EMERGENCY'}
              isDisabled={isConfirmDisabled || (pending !== undefined && pending !== 'EMERGENCY')}
            >
              Emergency Mode
            </Button>
            <Button
              variant="accent"
              onPress={() => void run('NORMAL', close)}
              isPending={pending === 'NORMAL'}
              isDisabled={isConfirmDisabled || (pending !== undefined && pending !== 'NORMAL')}
            >
              Normal Mode
            </Button>
          </ButtonGroup>
        </>
      )}
    </Dialog>
  )
}
