import CancelIcon from '@react-spectrum/s2/icons/Cancel'
import DataSettings from '@react-spectrum/s2/icons/DataSettings'
import DeleteIcon from '@react-spectrum/s2/icons/Delete'
import EditIcon from '@react-spectrum/s2/icons/Edit'
import PlayIcon from '@react-spectrum/s2/icons/Play'
import PreviewIcon from '@react-spectrum/s2/icons/Preview'
import { ActionsMenu, type ActionsMenuEntry } from '../../../components/actions-menu'
import { paths } from '../../../config/paths'
import { preloadAddPipelineDialog } from '../add-pipeline/lazy-add-pipeline-dialog'
import { loadVariablesDialog } from '../variables/lazy-variables-dialog'
import type { Pipeline } from '../../../contract/resources'
import { useIsStarting } from './starting'

export type PipelineAction = 'run' | 'edit' | 'details' | 'cancel' | 'delete' | 'variables'

type Entry = ActionsMenuEntry<PipelineAction>

/**
 * Why each entry of a pipeline's menu is unavailable, from the server's `x-sim.blocked` (never
 * re-derived), and Run while a start of this pipeline is on its way.
 */
export function menuEntries(p: Pipeline, starting = false): Entry[] {
  const blocked = p['x-sim'].blocked
  const last = p['x-sim'].lastExecutionId
  const startReason = starting ? `"${p.name}" is starting: the request is on its way.` : blocked.start?.reason
  return [
    { id: 'run', label: 'Run', icon: <PlayIcon />, reason: startReason },
    { id: 'edit', label: 'Edit', icon: <EditIcon />, reason: blocked.edit?.reason },
    {
      id: 'details',
      label: 'View details',
      icon: <PreviewIcon />,
      reason: last ? undefined : `"${p.name}" has not run yet, so there is no execution to show.`,
      ...(last ? { href: paths.execution.getHref(p.programId, p.id, last) } : {}),
    },
    { id: 'cancel', label: 'Cancel', icon: <CancelIcon />, reason: blocked.cancel?.reason },
    { id: 'delete', label: 'Delete', icon: <DeleteIcon />, reason: blocked.delete?.reason },
    // Always offered: every role may read the variables; the dialog says why it is read-only.
    { id: 'variables', label: 'View/Edit variables', icon: <DataSettings />, reason: undefined },
  ]
}

export interface PipelineActionsMenuProps {
  pipeline: Pipeline
  onAction: (action: PipelineAction, pipeline: Pipeline) => void
}

/** The row's … menu (spec §B.5), with the reasons of `menuEntries`. */
export function PipelineActionsMenu({ pipeline, onAction }: PipelineActionsMenuProps) {
  const starting = useIsStarting(pipeline)
  return (
    <ActionsMenu
      label={`Actions for ${pipeline.name}`}
      entries={menuEntries(pipeline, starting)}
      onAction={(action) => onAction(action, pipeline)}
      onOpenChange={(isOpen) => {
        if (!isOpen) return
        preloadAddPipelineDialog()
        loadVariablesDialog().catch(() => {})
      }}
    />
  )
}
