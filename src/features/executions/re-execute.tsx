import { useMutation } from '@tanstack/react-query'
import { useNavigate } from 'react-router-dom'
import { hasLink } from '../../api/hal'
import { executionMutations } from '../../api/resources/executions'
import type { Execution, StepState } from '../../contract/executions'
import { REL } from '../../contract/rels'
import { paths } from '../../config/paths'
import { BlockedAction } from './blocked-action'
import { ConfirmButton } from './confirm-button'

const ENDED_BADLY = new Set(['FAILED', 'ERROR', 'CANCELLED'])

/**
 * Why Re-execute is not offered on this production deploy step, if it should say so: the API's
 * reason when it gives one; for an execution that ended before the step, wording derived here.
 */
export function reExecuteUnavailableReason(execution: Execution, step: StepState): string | undefined {
  if (hasLink(step, REL.reExecute)) return undefined
  if (step.status === 'NOT_STARTED' && ENDED_BADLY.has(execution.status))
    return 'Re-execution is not available: the execution failed before the production deployment step.'
  if (!ENDED_BADLY.has(step.status)) return undefined
  return step['x-sim'].blocked.reExecute?.reason ?? 'Re-execution is not available for this execution.'
}

/** Re-execute beside the production deploy's Download build log (spec §F.2, seed 002). */
export function ReExecute({ execution, step }: { execution: Execution; step: StepState }) {
  const navigate = useNavigate()
  // A failure is told in the dialog, which stays open so that Re-execute can be pressed again.
  const mutation = useMutation({
    ...executionMutations.reExecute(),
    onSuccess: (created) => void navigate(paths.execution.getHref(created.programId, created.pipelineId, created.id)),
  })
  if (hasLink(step, REL.reExecute)) {
    return (
      <ConfirmButton
        label="Re-execute"
        title="Re-execute the production deployment?"
        confirmLabel="Re-execute"
        variant="accent"
        isPending={mutation.isPending}
        onConfirm={() => mutation.mutateAsync(step)}
      >
        A new execution validates, copies the artifacts of execution {execution.id} (version {execution.artifactsVersion}) and
        deploys them to production again.
      </ConfirmButton>
    )
  }
  const reason = reExecuteUnavailableReason(execution, step)
  return reason ? <BlockedAction label="Re-execute" reason={reason} /> : null
}
