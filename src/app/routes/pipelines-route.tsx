import { useParams } from 'react-router-dom'
import { ExecutionPopover } from '../../features/executions/execution-popover'
import { PipelinesPage } from '../../features/pipelines/pipelines-page'

/** The Pipelines page, with the execution popover (spec §B.3) beside the status of a pipeline that runs or has run. */
export function Component() {
  const { programId = '' } = useParams()
  return (
    <PipelinesPage
      programId={programId}
      statusExtra={(pipeline) => {
        const executionId = pipeline['x-sim'].currentExecutionId ?? pipeline['x-sim'].lastExecutionId
        return executionId ? (
          <ExecutionPopover
            programId={programId}
            pipelineId={pipeline.id}
            pipelineName={pipeline.name}
            executionId={executionId}
          />
        ) : null
      }}
    />
  )
}
