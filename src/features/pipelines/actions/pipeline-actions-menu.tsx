import {
  ActionButton,
  Content,
  ContextualHelpPopover,
  Heading,
  Menu,
  MenuItem,
  MenuTrigger,
  Text,
  UnavailableMenuItemTrigger,
} from '@react-spectrum/s2'
import CancelIcon from '@react-spectrum/s2/icons/Cancel'
import DataSettings from '@react-spectrum/s2/icons/DataSettings'
import DeleteIcon from '@react-spectrum/s2/icons/Delete'
import EditIcon from '@react-spectrum/s2/icons/Edit'
import MoreIcon from '@react-spectrum/s2/icons/More'
import PlayIcon from '@react-spectrum/s2/icons/Play'
import PreviewIcon from '@react-spectrum/s2/icons/Preview'
import type { ReactNode } from 'react'
import { paths } from '../../../config/paths'
import { preloadAddPipelineDialog } from '../add-pipeline/lazy-add-pipeline-dialog'
import type { Pipeline } from '../../../contract/resources'
import { useIsStarting } from './starting'

export type PipelineAction = 'run' | 'edit' | 'details' | 'cancel' | 'delete' | 'variables'

interface Entry {
  id: PipelineAction
  label: string
  icon: ReactNode
  /** Why it is unavailable now; undefined when it is available. */
  reason: string | undefined
  href?: string
}

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

/**
 * The row's … menu (spec §B.5). Every action stays in the menu; one that is unavailable for this
 * role or in this state is focusable, shows its reason under its label, and opens the reason in
 * a popover instead of acting (Spectrum's unavailable menu item).
 */
export function PipelineActionsMenu({ pipeline, onAction }: PipelineActionsMenuProps) {
  const starting = useIsStarting(pipeline)
  return (
    <MenuTrigger align="end" onOpenChange={(isOpen) => isOpen && preloadAddPipelineDialog()}>
      <ActionButton isQuiet aria-label={`Actions for ${pipeline.name}`}>
        <MoreIcon />
      </ActionButton>
      <Menu onAction={(key) => onAction(key as PipelineAction, pipeline)}>
        {menuEntries(pipeline, starting).map((e) => (
          <UnavailableMenuItemTrigger key={e.id} isUnavailable={e.reason !== undefined}>
            <MenuItem id={e.id} textValue={e.label} {...(e.href && !e.reason ? { href: e.href } : {})}>
              {e.icon}
              <Text slot="label">{e.label}</Text>
              {e.reason ? <Text slot="description">{e.reason}</Text> : null}
            </MenuItem>
            <ContextualHelpPopover>
              <Heading slot="title">{`${e.label} is unavailable`}</Heading>
              <Content>{e.reason}</Content>
            </ContextualHelpPopover>
          </UnavailableMenuItemTrigger>
        ))}
      </Menu>
    </MenuTrigger>
  )
}
