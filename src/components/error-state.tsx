import { Button, Content, Heading, InlineAlert } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }

export interface ErrorStateProps {
  /** What was being loaded, e.g. "pipelines". */
  what: string
  error: unknown
  onRetry?: () => void
}

/** A failed load: says what failed and why (problem+json detail when there is one), offers a retry. */
export function ErrorState({ what, error, onRetry }: ErrorStateProps) {
  const detail = describe(error)
  return (
    <InlineAlert variant="negative" styles={style({ marginY: 16 })}>
      <Heading>Could not load {what}</Heading>
      <Content>
        {detail}
        {onRetry ? (
          <div className={style({ marginTop: 8 })}>
            <Button variant="secondary" size="S" onPress={onRetry}>
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
  if (typeof error !== 'object' || error === null) return String(error)
  const { title, detail, message } = error as { title?: unknown; detail?: unknown; message?: unknown }
  if (typeof title === 'string' && typeof detail === 'string') return `${title}: ${detail}`
  return typeof message === 'string' ? message : 'Unknown error'
}
