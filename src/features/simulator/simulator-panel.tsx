import { ActionButton } from '@react-spectrum/s2'
import Close from '@react-spectrum/s2/icons/Close'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { type KeyboardEvent, lazy, Suspense, useEffect, useId, useRef } from 'react'
import { useMatch } from 'react-router-dom'
import { LoadingState } from '../../components/loading-state'
import { SIMULATOR_PANEL_ID, setSimulatorPanelOpen, useSimulatorPanelOpen } from './panel-store'
import { SIMULATOR_TOGGLE_ID } from './simulator-toggle'

const SimulatorControls = lazy(() => import('./simulator-controls').then((m) => ({ default: m.SimulatorControls })))

function close() {
  setSimulatorPanelOpen(false)
  document.getElementById(SIMULATOR_TOGGLE_ID)?.focus()
}

/**
 * The simulator's demo controls (clock, faults, network faults, git push, scenario, state) in a non-modal panel
 * docked to the right edge: the page stays usable behind it, Escape or Close hides it. The
 * controls load when it first opens.
 */
export function SimulatorPanel() {
  const open = useSimulatorPanelOpen()
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const programId = useMatch({ path: '/program/:programId', end: false })?.params.programId

  // Opening moves focus into the panel, so keyboard users land on what they asked for.
  useEffect(() => {
    if (open) headingRef.current?.focus()
  }, [open])

  if (!open) return null
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.stopPropagation()
      close()
    }
  }
  return (
    <aside
      id={SIMULATOR_PANEL_ID}
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      className={style({
        position: 'fixed',
        top: 64,
        bottom: 16,
        insetEnd: 16,
        zIndex: 10,
        width: 380,
        maxWidth: '[calc(100vw - 32px)]',
        display: 'flex',
        flexDirection: 'column',
        backgroundColor: 'layer-2',
        borderRadius: 'lg',
        boxShadow: 'elevated',
        borderWidth: 1,
        borderStyle: 'solid',
        borderColor: 'gray-200',
      })}
    >
      <div
        className={style({
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          paddingStart: 16,
          paddingEnd: 8,
          paddingY: 8,
        })}
      >
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className={style({ font: 'title', margin: 0, outlineStyle: 'none' })}>
          Simulator
        </h2>
        <ActionButton isQuiet aria-label="Close simulator" onPress={close}>
          <Close />
        </ActionButton>
      </div>
      <div className={style({ overflowY: 'auto', paddingX: 16, paddingBottom: 16 })}>
        <Suspense fallback={<LoadingState what="the simulator controls" />}>
          <SimulatorControls programId={programId} />
        </Suspense>
      </div>
    </aside>
  )
}
