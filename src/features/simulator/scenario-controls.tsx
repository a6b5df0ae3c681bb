import { AlertDialog, Button, DialogTrigger, Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../api/http'
import { simMutations, simQueries } from '../../api/resources/sim'
import { PanelSection } from './panel-section'
import { useAfterStateReplaced } from './use-replace-state'

/** Pick a scenario and reset the simulator to it (POST /__sim/reset), then start over at the programs list. */
export function ScenarioControls() {
  const scenarios = useQuery(simQueries.scenarios())
  const reset = useMutation(simMutations.reset())
  const afterReplaced = useAfterStateReplaced()
  const [chosen, setChosen] = useState<string | null>(null)
  const scenario = chosen ?? scenarios.data?.current ?? null
  const description = scenarios.data?.scenarios.find((s) => s.name === scenario)?.description

  const confirm = () => {
    if (!scenario) return
    reset.mutate(
      { scenario },
      {
        onSuccess: () => {
          setChosen(null)
          void afterReplaced()
        },
      },
    )
  }

  return (
    <PanelSection title="Scenario">
      <Picker
        label="Scenario"
        size="S"
        selectedKey={scenario}
        onSelectionChange={(k) => setChosen(k === null ? null : String(k))}
        isDisabled={!scenarios.data}
        items={scenarios.data?.scenarios ?? []}
      >
        {(s) => <PickerItem id={s.name}>{s.name}</PickerItem>}
      </Picker>
      {description ? <p className={style({ margin: 0, font: 'body-sm', color: 'neutral-subdued' })}>{description}</p> : null}
      <div>
        <DialogTrigger>
          <Button variant="negative" fillStyle="outline" size="S" isDisabled={!scenario} isPending={reset.isPending}>
            Reset
          </Button>
          <AlertDialog
            title="Reset the simulator?"
            variant="destructive"
            primaryActionLabel="Reset"
            cancelLabel="Cancel"
            onPrimaryAction={confirm}
          >
            Every program, pipeline and execution is replaced by the “{scenario}” scenario. Export the state first to keep it.
          </AlertDialog>
        </DialogTrigger>
      </div>
      {reset.isError ? (
        <p role="alert" className={style({ margin: 0, font: 'body-sm', color: 'negative' })}>
          Could not reset: {isApiError(reset.error) ? (reset.error.detail ?? reset.error.title) : reset.error.message}
        </p>
      ) : null}
    </PanelSection>
  )
}
