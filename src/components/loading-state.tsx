import { ProgressCircle } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }

/** An indeterminate spinner labelled with what is loading, so screen readers hear it too. */
export function LoadingState({ what }: { what: string }) {
  return (
    <div className={style({ display: 'flex', justifyContent: 'center', padding: 32 })}>
      <ProgressCircle isIndeterminate aria-label={`Loading ${what}…`} />
    </div>
  )
}
