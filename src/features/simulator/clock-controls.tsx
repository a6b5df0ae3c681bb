import { ActionButton, Button, Text, ToggleButton, ToggleButtonGroup } from '@react-spectrum/s2'
import Pause from '@react-spectrum/s2/icons/Pause'
import Play from '@react-spectrum/s2/icons/Play'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../api/http'
import { simMutations, simQueries } from '../../api/resources/sim'
import { formatDateTime } from '../../components/format-date'
import type { AdvanceUntilWaitingResult } from '../../contract/sim-controls'
import { formatDuration } from '../activity/activity-labels'
import { PanelSection } from './panel-section'

const HOUR = 3600 * 1000
const DAY = 24 * HOUR

/** A virtual year per real second: the fastest the simulator allows, "instant" for a demo. */
export const INSTANT_SPEED = 31_536_000

const SPEEDS: ReadonlyArray<{ speed: number; label: string }> = [
  { speed: 1, label: '×1' },
  { speed: 60, label: '×60' },
  { speed: 600, label: '×600' },
  { speed: INSTANT_SPEED, label: 'Instant' },
]

const JUMPS: ReadonlyArray<{ ms: number; label: string }> = [
  { ms: HOUR, label: '+1 hour' },
  { ms: DAY, label: '+1 day' },
  { ms: 14 * DAY, label: '+14 days' },
]

const message = (error: unknown) => (isApiError(error) ? (error.detail ?? error.title) : (error as Error).message)

function untilWaitingMessage(result: AdvanceUntilWaitingResult): string {
  const moved = result.advancedMs > 0 ? `Advanced ${formatDuration(result.advancedMs)}. ` : ''
  switch (result.reason) {
    case 'waiting':
      return `${moved}${result.waiting.map((w) => `${w.pipelineName} waits at ${w.stepLabel}`).join('; ')}.`
    case 'idle':
      return `${moved}Nothing is running.`
    case 'limit':
      return `${moved}No step started waiting within 30 days.`
  }
}

/** Virtual now, pause/resume, speed, and jumps forward (spec §D.7's "time travel"). */
export function ClockControls() {
  const clock = useQuery(simQueries.clock())
  const setClock = useMutation(simMutations.setClock())
  const advance = useMutation(simMutations.advance())
  const untilWaiting = useMutation(simMutations.advanceUntilWaiting())
  const [outcome, setOutcome] = useState('')
  const busy = advance.isPending || untilWaiting.isPending
  const data = clock.data
  const speed = SPEEDS.find((s) => s.speed === data?.speed)

  const jump = (ms: number, label: string) =>
    advance.mutate(ms, {
      onSuccess: (c) => setOutcome(`Moved ${label.slice(1)} forward, to ${formatDateTime(c.now)}.`),
      onError: (e) => setOutcome(`Could not move the clock: ${message(e)}`),
    })

  return (
    <PanelSection title="Clock">
      <p className={style({ margin: 0, font: 'body' })}>
        Virtual time: <strong>{data ? formatDateTime(data.now) : '…'}</strong>
        <br />
        <span className={style({ color: 'neutral-subdued', font: 'body-sm' })}>
          {data ? (data.paused ? 'Paused' : `Running at ${speed?.label ?? `×${data.speed}`}`) : 'Loading the clock…'}
        </span>
      </p>
      <div className={style({ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' })}>
        <ActionButton isDisabled={!data || setClock.isPending} onPress={() => data && setClock.mutate({ paused: !data.paused })}>
          {data?.paused ? <Play /> : <Pause />}
          <Text>{data?.paused ? 'Resume' : 'Pause'}</Text>
        </ActionButton>
        {/* Not a SegmentedControl: that one selects its first item when none matches, which would set the speed. */}
        <ToggleButtonGroup
          aria-label="Speed"
          size="S"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={speed ? [String(speed.speed)] : []}
          onSelectionChange={(keys) => {
            const [key] = [...keys]
            if (key !== undefined && data && Number(key) !== data.speed) setClock.mutate({ speed: Number(key) })
          }}
          isDisabled={!data}
        >
          {SPEEDS.map((s) => (
            <ToggleButton key={s.speed} id={String(s.speed)}>
              {s.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </div>
      <div role="group" aria-label="Fast-forward" className={style({ display: 'flex', flexWrap: 'wrap', gap: 8 })}>
        {JUMPS.map((j) => (
          <Button key={j.ms} variant="secondary" size="S" isDisabled={busy} onPress={() => jump(j.ms, j.label)}>
            {j.label}
          </Button>
        ))}
        <Button
          variant="secondary"
          size="S"
          isDisabled={busy}
          isPending={untilWaiting.isPending}
          onPress={() =>
            untilWaiting.mutate(
              {},
              {
                onSuccess: (r) => setOutcome(untilWaitingMessage(r)),
                onError: (e) => setOutcome(`Could not move the clock: ${message(e)}`),
              },
            )
          }
        >
          Until next waiting step
        </Button>
      </div>
      <p role="status" className={style({ margin: 0, font: 'body-sm', color: 'neutral-subdued' })}>
        {outcome}
      </p>
    </PanelSection>
  )
}
