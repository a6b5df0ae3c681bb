import type { Pipeline } from '../../contract/resources'
import { ExecutionPopover } from '../../features/executions/execution-popover'

/**
 * The execution popover (spec §B.3) beside the status of a pipeline that runs or has run, for
 * the Pipelines page and the Overview's Pipelines card; nothing for a pipeline that never ran.
 */
export function PipelineExecutionPopover({ programId, pipeline }: { programId: string; pipeline: Pipeline }) {
  const executionId = pipeline['x-sim'].currentExecutionId ?? pipeline['x-sim'].lastExecutionId
  return executionId ? (
    <ExecutionPopover programId={programId} pipelineId={pipeline.id} pipelineName={pipeline.name} executionId={executionId} />
  ) : null
}
