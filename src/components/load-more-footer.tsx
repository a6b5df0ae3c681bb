import { Button } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }

const count = new Intl.NumberFormat('en-US')

export interface LoadMoreFooterProps {
  shown: number
  total: number
  /** What is counted, plural: "executions", "entries". */
  noun: string
  hasMore: boolean
  isLoadingMore: boolean
  onLoadMore: () => void
}

/** Under a paged list: "Showing 50 of 1,234 …" (a status, read out as it changes) and **Load more**. */
export function LoadMoreFooter({ shown, total, noun, hasMore, isLoadingMore, onLoadMore }: LoadMoreFooterProps) {
  return (
    <div className={style({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, marginTop: 12 })}>
      <p role="status" className={style({ font: 'body-sm', color: 'neutral-subdued', margin: 0 })}>
        Showing {count.format(shown)} of {count.format(total)} {noun}
      </p>
      {hasMore ? (
        <Button variant="secondary" size="S" isPending={isLoadingMore} onPress={onLoadMore}>
          Load more
        </Button>
      ) : null}
    </div>
  )
}
