import { ActionButton, Button } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation } from '@tanstack/react-query'
import { isApiError } from '../../api/http'
import { transportFaultMutations } from '../../api/resources/transport-faults'
import type { TransportFault } from '../../contract/transport-faults'
import { describeTransportFault } from './transport-fault-form'

const hint = style({ margin: 0, font: 'body-sm', color: 'neutral-subdued' })

const problemOf = (error: unknown) => (isApiError(error) ? (error.detail ?? error.title) : (error as Error).message)

export interface TransportFaultListProps {
  faults: TransportFault[] | undefined
  error: unknown
  /** Says what was removed (or why not) where the section reports its outcomes. */
  onRemoved: (message: string) => void
}

/** The active network faults, each with Remove, and Clear network faults. */
export function TransportFaultList({ faults, error, onRemoved }: TransportFaultListProps) {
  const remove = useMutation(transportFaultMutations.remove())
  const clear = useMutation(transportFaultMutations.clear())
  const list = faults ?? []
  return (
    <>
      {faults === undefined ? (
        <p className={hint}>
          {error ? `The network faults could not be listed: ${problemOf(error)}` : 'Loading network faults…'}
        </p>
      ) : list.length === 0 ? (
        <p className={hint}>No network faults.</p>
      ) : (
        <ul
          aria-label="Active network faults"
          className={style({ margin: 0, padding: 0, listStyleType: 'none', font: 'body-sm' })}
        >
          {list.map((f) => (
            <li key={f.id} className={style({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 })}>
              <span className={style({ overflowWrap: 'anywhere' })}>{describeTransportFault(f)}</span>
              <ActionButton
                size="S"
                isQuiet
                aria-label={`Remove ${describeTransportFault(f)}`}
                onPress={() =>
                  remove.mutate(f, {
                    onSuccess: () => onRemoved(`Removed: ${describeTransportFault(f)}.`),
                    onError: (e) => onRemoved(`The fault was not removed: ${problemOf(e)}`),
                  })
                }
              >
                Remove
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button
          variant="secondary"
          size="S"
          isDisabled={list.length === 0}
          isPending={clear.isPending}
          onPress={() =>
            clear.mutate(undefined, {
              onSuccess: () => onRemoved('Every network fault was removed.'),
              onError: (e) => onRemoved(`The faults were not removed: ${problemOf(e)}`),
            })
          }
        >
          Clear network faults
        </Button>
      </div>
    </>
  )
}
