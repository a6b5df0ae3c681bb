import { ClockControls } from './clock-controls'
import { FaultControls } from './fault-controls'
import { GitPushControls } from './git-push-controls'
import { ScenarioControls } from './scenario-controls'
import { StateControls } from './state-controls'
import { TransportFaultControls } from './transport-fault-controls'

/**
 * The simulator panel's controls, loaded when the panel first opens (simulator-panel.tsx): their
 * fields and forms are not needed to show the console's pages. Faults and pushes apply to the
 * program the page shows.
 */
export function SimulatorControls({ programId }: { programId: string | undefined }) {
  return (
    <>
      <ClockControls />
      <FaultControls key={`faults-${programId}`} programId={programId} />
      <TransportFaultControls />
      <GitPushControls key={`push-${programId}`} programId={programId} />
      <ScenarioControls />
      <StateControls />
    </>
  )
}
