import DataSettings from '@react-spectrum/s2/icons/DataSettings'
import DeleteIcon from '@react-spectrum/s2/icons/Delete'
import OpenIn from '@react-spectrum/s2/icons/OpenIn'
import PreviewIcon from '@react-spectrum/s2/icons/Preview'
import { getLink } from '../../api/hal'
import { ActionsMenu, type ActionsMenuEntry } from '../../components/actions-menu'
import { paths } from '../../config/paths'
import type { Environment } from '../../contract/resources'
import { REL } from '../../contract/rels'

export type EnvironmentAction = 'details' | 'configuration' | 'developerConsole' | 'delete'

type Entry = ActionsMenuEntry<EnvironmentAction>

/** The entries of an environment's menu; availability comes from the server (links, `x-sim.delete`). */
export function environmentMenuEntries(env: Environment): Entry[] {
  const details = paths.environment.getHref(env.programId, env.id)
  const console = getLink(env, REL.developerConsole)?.href
  const deletion = env['x-sim']?.delete
  return [
    { id: 'details', label: 'View Details', icon: <PreviewIcon />, reason: undefined, href: details },
    {
      id: 'configuration',
      label: 'Configuration',
      icon: <DataSettings />,
      reason: undefined,
      href: `${details}?tab=configuration`,
    },
    {
      id: 'developerConsole',
      label: 'Developer Console',
      icon: <OpenIn />,
      reason: console ? undefined : `"${env.name}" has no Developer Console until it is ready.`,
      ...(console ? { href: console, external: true } : {}),
    },
    {
      id: 'delete',
      label: 'Delete',
      icon: <DeleteIcon />,
      reason: deletion && !deletion.allowed ? (deletion.reason ?? 'Not available for this environment.') : undefined,
    },
  ]
}

export interface EnvironmentActionsMenuProps {
  environment: Environment
  onDelete: (environment: Environment) => void
}

/** An environment row's … menu (spec §A.3: View Details, Developer Console, Delete). */
export function EnvironmentActionsMenu({ environment, onDelete }: EnvironmentActionsMenuProps) {
  return (
    <ActionsMenu
      label={`Actions for ${environment.name}`}
      entries={environmentMenuEntries(environment)}
      onAction={(action) => action === 'delete' && onDelete(environment)}
    />
  )
}
