import { Button, Form, NumberField, Picker, PickerItem, TextField } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation, useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { isApiError } from '../../api/http'
import { transportFaultMutations, transportFaultQueries } from '../../api/resources/transport-faults'
import {
  MAX_TRANSPORT_LATENCY_MS,
  TRANSPORT_FAULT_KINDS,
  type TransportFaultKind,
  type TransportFaultMethod,
} from '../../contract/transport-faults'
import { PanelSection } from './panel-section'
import { TransportFaultList } from './transport-fault-list'
import {
  ANY_METHOD,
  describeTransportFault,
  DEFAULT_TRANSPORT_FAULT,
  KIND_LABEL,
  METHODS,
  type TransportFaultErrors,
  type TransportFaultField,
  type TransportFaultForm,
  transportFaultBody,
  transportFaultErrorsOf,
  validateTransportFault,
} from './transport-fault-form'

const hint = style({ margin: 0, font: 'body-sm', color: 'neutral-subdued' })

const problemOf = (error: unknown) => (isApiError(error) ? (error.detail ?? error.title) : (error as Error).message)

/**
 * Network faults (POST /__sim/transport-faults): make matching API requests slow, answer 500 or
 * fail as a network error, to see how the console copes; list and remove the active ones.
 */
export function TransportFaultControls() {
  const faults = useQuery(transportFaultQueries.list())
  const add = useMutation(transportFaultMutations.add())
  const [form, setForm] = useState<TransportFaultForm>(DEFAULT_TRANSPORT_FAULT)
  const [touched, setTouched] = useState<ReadonlySet<TransportFaultField>>(new Set())
  const [attempted, setAttempted] = useState(false)
  const [server, setServer] = useState<{ fields: TransportFaultErrors; general: string[] }>({ fields: {}, general: [] })
  const [outcome, setOutcome] = useState('')
  const adding = useRef(false)

  const client = validateTransportFault(form)
  const errorOf = (field: TransportFaultField) =>
    server.fields[field] ?? (attempted || touched.has(field) ? client[field] : undefined)
  const change = (patch: Partial<TransportFaultForm>) => {
    setForm((f) => ({ ...f, ...patch }))
    const fields = Object.keys(patch).filter((k): k is TransportFaultField => k === 'path' || k === 'ms' || k === 'count')
    setTouched((t) => new Set([...t, ...fields]))
    setServer((s) => ({
      general: [],
      fields: Object.fromEntries(Object.entries(s.fields).filter(([k]) => !fields.includes(k as TransportFaultField))),
    }))
  }

  const submit = () => {
    setAttempted(true)
    if (Object.keys(client).length > 0 || adding.current) return
    adding.current = true
    setServer({ fields: {}, general: [] })
    add.mutate(transportFaultBody(form), {
      onSettled: () => {
        adding.current = false
      },
      onSuccess: (fault) => setOutcome(`Added: ${describeTransportFault(fault)}.`),
      onError: (error) => {
        if (isApiError(error) && Object.keys(error.fieldErrors).length > 0) setServer(transportFaultErrorsOf(error.fieldErrors))
        else setServer({ fields: {}, general: [problemOf(error)] })
      },
    })
  }

  return (
    <PanelSection title="Network faults">
      <p className={hint}>Slow down or fail the console's requests to a route, before the simulator sees them.</p>
      <Form
        size="S"
        validationBehavior="aria"
        aria-label="Add a network fault"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <TextField
          label="Route"
          isRequired
          value={form.path}
          onChange={(path) => change({ path })}
          isInvalid={errorOf('path') !== undefined}
          errorMessage={errorOf('path')}
          description="A path: * matches one segment, ** any depth; without *, every path under it."
          placeholder="/api/program/*/pipeline/*/execution"
        />
        <Picker
          label="Method"
          selectedKey={form.method}
          onSelectionChange={(k) => change({ method: k === null ? ANY_METHOD : (String(k) as TransportFaultMethod) })}
        >
          <PickerItem id={ANY_METHOD}>Any method</PickerItem>
          {METHODS.map((m) => (
            <PickerItem key={m} id={m}>
              {m}
            </PickerItem>
          ))}
        </Picker>
        <Picker
          label="Fault"
          selectedKey={form.kind}
          onSelectionChange={(k) => k !== null && change({ kind: String(k) as TransportFaultKind })}
        >
          {TRANSPORT_FAULT_KINDS.map((k) => (
            <PickerItem key={k} id={k}>
              {KIND_LABEL[k]}
            </PickerItem>
          ))}
        </Picker>
        {form.kind === 'latency' ? (
          <NumberField
            label="Delay (ms)"
            isRequired
            minValue={0}
            maxValue={MAX_TRANSPORT_LATENCY_MS}
            step={100}
            value={form.ms}
            onChange={(ms) => change({ ms })}
            isInvalid={errorOf('ms') !== undefined}
            errorMessage={errorOf('ms')}
          />
        ) : null}
        <NumberField
          label="Requests"
          minValue={1}
          value={form.count}
          onChange={(count) => change({ count })}
          isInvalid={errorOf('count') !== undefined}
          errorMessage={errorOf('count')}
          description="How many matching requests; leave empty for every one until removed."
        />
        <div>
          <Button type="submit" variant="secondary" isPending={add.isPending}>
            Add network fault
          </Button>
        </div>
      </Form>
      {server.general.length > 0 ? (
        <p role="alert" className={style({ margin: 0, font: 'body-sm', color: 'negative' })}>
          {`The fault was not added: ${server.general.join(' ')}`}
        </p>
      ) : null}
      <p role="status" className={hint}>
        {outcome}
      </p>
      <TransportFaultList faults={faults.data} error={faults.error} onRemoved={setOutcome} />
    </PanelSection>
  )
}
