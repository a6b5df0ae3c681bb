import { Badge, Text } from '@react-spectrum/s2'
import Lock from '@react-spectrum/s2/icons/Lock'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Environment } from '../../contract/resources'

/**
 * "Locked by <pipeline>" while a pipeline deploys to, or waits before deploying to, the
 * environment (spec §A.5), with the server's reason written out under it.
 */
export function EnvironmentLock({ environment }: { environment: Environment }) {
  const lock = environment['x-sim']?.lock
  if (!lock) return null
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', alignItems: 'start', gap: 4, marginTop: 4 })}>
      <Badge variant="notice" size="S">
        <Lock />
        <Text>Locked by {lock.pipelineName}</Text>
      </Badge>
      <span className={style({ font: 'body-xs', color: 'neutral-subdued' })}>{lock.reason}</span>
    </div>
  )
}
