import { ActionButton, Button, Radio, RadioGroup, TextField } from '@react-spectrum/s2'
import CloseIcon from '@react-spectrum/s2/icons/Close'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useState } from 'react'
import { VisuallyHidden } from '../../../components/visually-hidden'
import { type DispatcherPath, MAX_DISPATCHER_PATHS, validateDispatcherPath } from './ams-form'

export interface DispatcherConfigurationProps {
  /** Whose paths these are, e.g. "Stage" or "Production": names the group and its table. */
  environment: string
  paths: DispatcherPath[]
  onChange: (paths: DispatcherPath[]) => void
  /** The server's complaint about these paths, if any. */
  errorMessage?: string | undefined
}

const cell = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'body-sm' })
const TYPE_WORDS: Record<DispatcherPath['type'], string> = { FLUSH: 'Flush', INVALIDATE: 'Invalidate' }

/**
 * Dispatcher Configuration (AMS, spec §C.3): the paths the deployment flushes or invalidates in
 * the dispatcher cache of one environment, at most 100. A path is checked when it is added, so a
 * half-typed one is never an error.
 */
export function DispatcherConfiguration({ environment, paths, onChange, errorMessage }: DispatcherConfigurationProps) {
  const [draft, setDraft] = useState('')
  const [type, setType] = useState<DispatcherPath['type']>('FLUSH')
  const [draftError, setDraftError] = useState<string>()
  const full = paths.length >= MAX_DISPATCHER_PATHS
  const add = () => {
    const path = draft.trim()
    const problem = validateDispatcherPath(path, paths)
    setDraftError(problem)
    if (problem) return
    onChange([...paths, { path, type }])
    setDraft('')
  }
  const groupLabel = `${environment} Dispatcher Configuration`
  return (
    <div role="group" aria-label={groupLabel} className={style({ display: 'flex', flexDirection: 'column', gap: 8 })}>
      <span className={style({ font: 'title-sm' })}>Dispatcher Configuration</span>
      <form
        className={style({ display: 'flex', alignItems: 'start', gap: 16, flexWrap: 'wrap' })}
        onSubmit={(e) => {
          // Enter in the path field adds the path; it must not submit anything else.
          e.preventDefault()
          add()
        }}
      >
        <TextField
          label="Path"
          value={draft}
          onChange={(v) => {
            setDraft(v)
            setDraftError(undefined)
          }}
          isInvalid={(draftError ?? errorMessage) !== undefined}
          errorMessage={draftError ?? errorMessage}
          description={`Starts with "/". ${paths.length} of ${MAX_DISPATCHER_PATHS} added.`}
          validationBehavior="aria"
          isDisabled={full}
          styles={style({ width: 280 })}
        />
        <RadioGroup
          label="Type"
          orientation="horizontal"
          value={type}
          onChange={(v) => setType(v === 'INVALIDATE' ? 'INVALIDATE' : 'FLUSH')}
          isDisabled={full}
        >
          <Radio value="FLUSH">Flush</Radio>
          <Radio value="INVALIDATE">Invalidate</Radio>
        </RadioGroup>
        <Button type="submit" variant="secondary" isDisabled={full || draft.trim() === ''} styles={style({ marginTop: 24 })}>
          Add Path
        </Button>
      </form>
      {paths.length === 0 ? (
        <p className={style({ font: 'body-sm', color: 'neutral-subdued', margin: 0 })}>
          No path is configured for invalidation or flush.
        </p>
      ) : (
        <table aria-label={`${environment} dispatcher paths`} className={style({ borderCollapse: 'collapse' })}>
          <thead>
            <tr>
              <th className={cell}>PATH</th>
              <th className={cell}>TYPE</th>
              <th className={cell}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </th>
            </tr>
          </thead>
          <tbody>
            {paths.map((p) => (
              <tr key={p.path}>
                <td className={cell}>
                  <code>{p.path}</code>
                </td>
                <td className={cell}>{TYPE_WORDS[p.type]}</td>
                <td className={cell}>
                  <ActionButton
                    size="S"
                    isQuiet
                    aria-label={`Remove ${p.path}`}
                    onPress={() => onChange(paths.filter((x) => x.path !== p.path))}
                  >
                    <CloseIcon />
                  </ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
