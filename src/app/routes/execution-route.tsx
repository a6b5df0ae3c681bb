import { useParams } from 'react-router-dom'
import { ExecutionPage } from '../../features/executions/execution-page'
import { LazyAddPipelineDialog } from '../../features/pipelines/add-pipeline/lazy-add-pipeline-dialog'

/**
 * Execution details. The route composes what the page needs from other features: Promote Build
 * opens the pipelines feature's Add Production Only Pipeline dialog when none exists.
 */
export function Component() {
  const { programId = '', pipelineId = '', executionId = '' } = useParams()
  return (
    <ExecutionPage
      // A new execution is a new page: no state carries over.
      key={`${pipelineId}/${executionId}`}
      programId={programId}
      pipelineId={pipelineId}
      executionId={executionId}
      renderAddProdOnlyPipeline={() => <LazyAddPipelineDialog programId={programId} kind="prodOnly" />}
    />
  )
}
