import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Pipeline } from '../../contract/resources'
import { pipelineTypeLine } from './pipeline-labels'

/** Name in bold over its type line, as the Cloud Manager cards show them. */
export function PipelineNameCell({ pipeline }: { pipeline: Pipeline }) {
  return (
    <div className={style({ display: 'flex', flexDirection: 'column' })}>
      <span className={style({ fontWeight: 'bold' })}>{pipeline.name}</span>
      <span className={style({ font: 'detail-sm', color: 'neutral-subdued' })}>{pipelineTypeLine(pipeline)}</span>
    </div>
  )
}
