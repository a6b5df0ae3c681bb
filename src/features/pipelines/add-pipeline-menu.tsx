import {
  Button,
  Content,
  ContextualHelpPopover,
  Heading,
  Menu,
  MenuItem,
  MenuTrigger,
  Text,
  UnavailableMenuItemTrigger,
} from '@react-spectrum/s2'
import AddIcon from '@react-spectrum/s2/icons/Add'
import type { AddPipelineKind, Program } from '../../contract/resources'
import { preloadAddPipelineDialog } from './add-pipeline/lazy-add-pipeline-dialog'
import { ADD_PIPELINE_ENTRIES } from './add-pipeline-kinds'

export interface AddPipelineMenuProps {
  program: Program | undefined
  onAdd: (kind: AddPipelineKind) => void
  /** The button's label: "Add Pipeline" on the page, "Add" on the overview card. */
  label?: string
}

/**
 * Whether each entry is available comes from the program's `x-sim.addPipeline` (the engine's
 * rules); the UI never re-derives them. An unavailable entry stays in the menu, focusable, with
 * its reason shown under it and in a popover it opens (Spectrum's "unavailable menu item").
 */
export function AddPipelineMenu({ program, onAdd, label = 'Add Pipeline' }: AddPipelineMenuProps) {
  const rules = program?.['x-sim']?.addPipeline
  return (
    <MenuTrigger onOpenChange={(isOpen) => isOpen && preloadAddPipelineDialog()}>
      <Button variant="accent" isDisabled={!rules}>
        <AddIcon />
        <Text>{label}</Text>
      </Button>
      <Menu onAction={(key) => onAdd(key as AddPipelineKind)}>
        {ADD_PIPELINE_ENTRIES.map(({ kind, label: entry }) => {
          const rule = rules?.[kind]
          const reason = rule && !rule.allowed ? (rule.reason ?? 'Not available for this program.') : undefined
          return (
            <UnavailableMenuItemTrigger key={kind} isUnavailable={reason !== undefined}>
              <MenuItem id={kind} textValue={entry}>
                <Text slot="label">{entry}</Text>
                {reason ? <Text slot="description">{reason}</Text> : null}
              </MenuItem>
              <ContextualHelpPopover>
                <Heading slot="title">Unavailable</Heading>
                <Content>{reason}</Content>
              </ContextualHelpPopover>
            </UnavailableMenuItemTrigger>
          )
        })}
      </Menu>
    </MenuTrigger>
  )
}
