import { useParams } from 'react-router-dom'
import { PipelinesPage } from '../../features/pipelines/pipelines-page'
import { PipelineExecutionPopover } from './pipeline-execution-popover'

/** The Pipelines page, with the execution popover (spec §B.3) beside the status of a pipeline that runs or has run. */
export function Component() {
  const { programId = '' } = useParams()
  return (
    <PipelinesPage
      programId={programId}
      statusExtra={(pipeline) => <PipelineExecutionPopover programId={programId} pipeline={pipeline} />}
    />
  )
}
