import { StatusLight } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { DeployActivity } from '../../contract/executions'

const VIEW: Record<DeployActivity['status'], { label: string; variant: 'positive' | 'informative' | 'negative' | 'neutral' }> = {
  FINISHED: { label: 'Done', variant: 'positive' },
  RUNNING: { label: 'In progress', variant: 'informative' },
  FAILED: { label: 'Failed', variant: 'negative' },
  NOT_STARTED: { label: 'Pending', variant: 'neutral' },
}

/** The rolling production deploy, live (spec §D.9): author, then each dispatcher/publish pair. */
export function RollingDeploy({ activities }: { activities: DeployActivity[] }) {
  const index = activities.findIndex((a) => a.status === 'RUNNING')
  const current = index >= 0 ? activities[index] : undefined
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 4 })}>
      {current ? (
        <p role="status" className={style({ font: 'body', margin: 0 })}>
          {current.description} ({index + 1} of {activities.length})
        </p>
      ) : null}
      <ol aria-label="Rolling deployment" className={style({ margin: 0, paddingStart: 20, font: 'body-sm' })}>
        {activities.map((a) => (
          <li key={a.id}>
            <span className={style({ display: 'inline-flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' })}>
              {a.description}
              <StatusLight size="S" variant={VIEW[a.status].variant}>
                {VIEW[a.status].label}
              </StatusLight>
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}
