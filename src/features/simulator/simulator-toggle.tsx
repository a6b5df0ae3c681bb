import { ActionButton, Text } from '@react-spectrum/s2'
import Properties from '@react-spectrum/s2/icons/Properties'
import { SIMULATOR_PANEL_ID, setSimulatorPanelOpen, useSimulatorPanelOpen } from './panel-store'

export const SIMULATOR_TOGGLE_ID = 'simulator-toggle'

/** The header button that shows and hides the (non-modal) simulator panel. */
export function SimulatorToggle() {
  const open = useSimulatorPanelOpen()
  return (
    <ActionButton
      id={SIMULATOR_TOGGLE_ID}
      isQuiet
      aria-expanded={open}
      {...(open ? { 'aria-controls': SIMULATOR_PANEL_ID } : {})}
      onPress={() => setSimulatorPanelOpen(!open)}
    >
      <Properties />
      <Text>Simulator</Text>
    </ActionButton>
  )
}
