import { Button, Content, Heading, InlineAlert } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useState } from 'react'
import { retryableFailureMessage } from './failure-message'

export interface ErrorStateProps {
  /** What was being loaded, e.g. "pipelines". */
  what: string
  error: unknown
  onRetry?: () => void
  /** Earlier data is still shown below, so only the refresh failed. */
  isStale?: boolean
}

/** A failed load: says what failed and why (network, server, or the problem's detail), offers a retry. */
export function ErrorState({ what, error, onRetry, isStale = false }: ErrorStateProps) {
  // The error a press of Try again answers: pending until a new failure replaces it (or success unmounts this).
  const [retried, setRetried] = useState<{ error: unknown } | null>(null)
  const retrying = retried !== null && retried.error === error
  return (
    <InlineAlert variant="negative" styles={style({ marginY: 16 })}>
      <Heading>{isStale ? `Could not refresh ${what}` : `Could not load ${what}`}</Heading>
      <Content>
        {describe(error)}
        {isStale ? ' What is shown may be out of date.' : ''}
        {onRetry ? (
          <div className={style({ marginTop: 8 })}>
            <Button
              variant="secondary"
              size="S"
              isPending={retrying}
              onPress={() => {
                setRetried({ error })
                onRetry()
              }}
            >
              Try again
            </Button>
          </div>
        ) : null}
      </Content>
    </InlineAlert>
  )
}

/** Problem details read by shape (title + detail), since shared components do not know the API client. */
function describe(error: unknown): string {
  const retryable = retryableFailureMessage(error)
  if (retryable) return retryable
  if (typeof error !== 'object' || error === null) return String(error)
  const { title, detail, message } = error as { title?: unknown; detail?: unknown; message?: unknown }
  if (typeof title === 'string' && typeof detail === 'string') return `${title}: ${detail}`
  return typeof message === 'string' ? message : 'Unknown error'
}
