import { ToastQueue } from '@react-spectrum/s2'
import { useMutation } from '@tanstack/react-query'
import { environmentMutations } from '../../api/resources/environments'
import { ConfirmDialog } from '../../components/confirm-dialog'
import type { Environment } from '../../contract/resources'

/** Asks before deleting; a refusal (a pipeline deploys to it, a lock, the role) shows in the dialog. */
export function DeleteEnvironmentDialog({ environment }: { environment: Environment }) {
  const remove = useMutation(environmentMutations.delete(environment.programId))
  return (
    <ConfirmDialog
      title="Delete environment"
      confirmLabel="Delete"
      variant="negative"
      onConfirm={async () => {
        await remove.mutateAsync(environment)
        ToastQueue.neutral(`Environment "${environment.name}" was deleted.`, { timeout: 5000 })
      }}
    >
      Delete “{environment.name}”? Its author, publish and preview services and everything in them are removed. This cannot be
      undone.
    </ConfirmDialog>
  )
}
