import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { StepState } from '../../contract/executions'

const line = style({ font: 'body-sm', margin: 0 })
const TYPE_WORDS = { FLUSH: 'flush', INVALIDATE: 'invalidate' } as const

/**
 * [AMS] How a deploy treats the load balancer and the dispatcher cache (spec §C.3, §D.9): the
 * configured paths and whether dispatchers are detached while each one is updated.
 */
export function AmsDeployOptions({ options }: { options: NonNullable<StepState['x-sim']['deployOptions']> }) {
  const paths = options.dispatcherPaths
  return (
    <>
      <p className={line}>
        Load balancer:{' '}
        {options.skipDetachingDispatchers
          ? 'dispatchers stay attached (Skip Load Balancer changes).'
          : 'each dispatcher is detached while it is updated, then attached again.'}
      </p>
      <p className={line}>
        Dispatcher cache:{' '}
        {paths.length === 0
          ? 'no path is configured for invalidation or flush.'
          : paths.map((p) => `${p.path} (${TYPE_WORDS[p.type]})`).join(', ')}
      </p>
    </>
  )
}
