import { ToastQueue } from '@react-spectrum/s2'
import { useMutation } from '@tanstack/react-query'
import { type AdvanceBody, type CancelBody, executionMutations } from '../../api/resources/executions'
import { problemMessage } from '../../components/failure-message'
import type { StepState } from '../../contract/executions'

export type StepDecision = ReturnType<typeof useStepDecision>

/** Advance and cancel of one step, with failures told in a toast (the step stays as it was). */
export function useStepDecision(step: StepState) {
  const advance = useMutation({
    ...executionMutations.advance(),
    onError: (error) => ToastQueue.negative(`${step['x-sim'].label}: ${problemMessage(error)}`, { timeout: 8000 }),
  })
  const cancel = useMutation({
    ...executionMutations.cancel(),
    onError: (error) => ToastQueue.negative(`${step['x-sim'].label}: ${problemMessage(error)}`, { timeout: 8000 }),
  })
  return {
    advance: (body: AdvanceBody) => advance.mutate({ step, body }),
    cancel: (body: CancelBody) => cancel.mutate({ step, body }),
    isPending: advance.isPending || cancel.isPending,
  }
}
