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
import MoreIcon from '@react-spectrum/s2/icons/More'
import { type ReactNode, useState } from 'react'

export interface ActionsMenuEntry<K extends string> {
  id: K
  label: string
  icon: ReactNode
  /** Why it is unavailable now; undefined when it is available. */
  reason: string | undefined
  href?: string
  /** Opens `href` in a new tab. */
  external?: boolean
}

export interface ActionsMenuProps<K extends string> {
  /** The … button's accessible name, e.g. "Actions for Dev Deploy". */
  label: string
  entries: ReadonlyArray<ActionsMenuEntry<K>>
  onAction: (id: K) => void
  onOpenChange?: (isOpen: boolean) => void
}

/**
 * A row's … menu. Every action stays in the menu; one that is unavailable for this role or in
 * this state is focusable, shows its reason under its label, and opens the reason in a popover
 * instead of acting (Spectrum's unavailable menu item).
 */
export function ActionsMenu<K extends string>({ label, entries, onAction, onOpenChange }: ActionsMenuProps<K>) {
  // The menu is rendered from its first opening on, not with every row: a table builds its rows
  // in a hidden pass too, where a closed menu still renders its items and their help popovers.
  // The trigger is the same either way (its ARIA comes from MenuTrigger), and the menu mounts
  // as it opens, as it would inside its popover anyway.
  const [wanted, setWanted] = useState(false)
  const openChange = (isOpen: boolean) => {
    if (isOpen) setWanted(true)
    onOpenChange?.(isOpen)
  }
  return (
    <MenuTrigger align="end" onOpenChange={openChange}>
      <ActionButton isQuiet aria-label={label}>
        <MoreIcon />
      </ActionButton>
      {wanted ? <ActionsMenuItems entries={entries} onAction={onAction} /> : null}
    </MenuTrigger>
  )
}

function ActionsMenuItems<K extends string>({ entries, onAction }: Pick<ActionsMenuProps<K>, 'entries' | 'onAction'>) {
  return (
    <Menu onAction={(key) => onAction(key as K)}>
      {entries.map((e) => (
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
  )
}
