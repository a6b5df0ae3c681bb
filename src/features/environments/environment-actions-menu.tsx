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
import DataSettings from '@react-spectrum/s2/icons/DataSettings'
import DeleteIcon from '@react-spectrum/s2/icons/Delete'
import OpenIn from '@react-spectrum/s2/icons/OpenIn'
import MoreIcon from '@react-spectrum/s2/icons/More'
import PreviewIcon from '@react-spectrum/s2/icons/Preview'
import type { ReactNode } from 'react'
import { getLink } from '../../api/hal'
import { paths } from '../../config/paths'
import type { Environment } from '../../contract/resources'
import { REL } from '../../contract/rels'

export type EnvironmentAction = 'details' | 'configuration' | 'developerConsole' | 'delete'

interface Entry {
  id: EnvironmentAction
  label: string
  icon: ReactNode
  /** Why it is unavailable now; undefined when it is available. */
  reason: string | undefined
  href?: string
  external?: boolean
}

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

/**
 * An environment row's … menu (spec §A.3: View Details, Developer Console, Delete). An entry that
 * is unavailable stays in the menu, focusable, with its reason under its label and in a popover.
 */
export function EnvironmentActionsMenu({ environment, onDelete }: EnvironmentActionsMenuProps) {
  return (
    <MenuTrigger align="end">
      <ActionButton isQuiet aria-label={`Actions for ${environment.name}`}>
        <MoreIcon />
      </ActionButton>
      <Menu onAction={(key) => key === 'delete' && onDelete(environment)}>
        {environmentMenuEntries(environment).map((e) => (
          <UnavailableMenuItemTrigger key={e.id} isUnavailable={e.reason !== undefined}>
            <MenuItem
              id={e.id}
              textValue={e.label}
              {...(e.href && !e.reason ? { href: e.href } : {})}
              {...(e.external ? { target: '_blank', rel: 'noreferrer' } : {})}
            >
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
