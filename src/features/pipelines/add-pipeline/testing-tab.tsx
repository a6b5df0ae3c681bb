import { ActionButton, Button, TextField } from '@react-spectrum/s2'
import CloseIcon from '@react-spectrum/s2/icons/Close'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useState } from 'react'
import type { TabProps } from './configuration-tab'
import { MAX_AUDIT_PATHS, validatePagePath } from './pipeline-form'

/**
 * Experience Audit page paths (≤25, each starting with "/"). The draft path is checked when it
 * is added, so a half-typed path is never an error.
 */
export function TestingTab({ form, errors, onChange }: TabProps) {
  const [draft, setDraft] = useState('')
  const [draftError, setDraftError] = useState<string>()
  const add = () => {
    const path = draft.trim()
    const problem = validatePagePath(path, form.auditPaths)
    setDraftError(problem)
    if (problem) return
    onChange({ auditPaths: [...form.auditPaths, path] })
    setDraft('')
  }
  const full = form.auditPaths.length >= MAX_AUDIT_PATHS
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}>
      <p className={style({ font: 'body-sm', margin: 0 })}>
        The Experience Audit scans these pages on the publish service of the environment the pipeline deploys to (stage for
        production pipelines). Without any, the home page "/" is audited.
      </p>
      <form
        className={style({ display: 'flex', alignItems: 'start', gap: 8 })}
        onSubmit={(e) => {
          // Enter in the path field adds the page; it must not submit the dialog.
          e.preventDefault()
          add()
        }}
      >
        <TextField
          label="Page Path"
          value={draft}
          onChange={(v) => {
            setDraft(v)
            setDraftError(undefined)
          }}
          isInvalid={(draftError ?? errors.auditPaths) !== undefined}
          errorMessage={draftError ?? errors.auditPaths}
          description={`Starts with "/", relative to the site. ${form.auditPaths.length} of ${MAX_AUDIT_PATHS} added.`}
          validationBehavior="aria"
          isDisabled={full}
          styles={style({ width: 320 })}
        />
        <Button type="submit" variant="secondary" isDisabled={full || draft.trim() === ''} styles={style({ marginTop: 24 })}>
          Add Page
        </Button>
      </form>
      <ul aria-label="Page paths" className={style({ listStyleType: 'none', padding: 0, margin: 0 })}>
        {form.auditPaths.map((path) => (
          <li key={path} className={style({ display: 'flex', alignItems: 'center', gap: 8, font: 'body' })}>
            <code>{path}</code>
            <ActionButton
              size="S"
              isQuiet
              aria-label={`Remove ${path}`}
              onPress={() => onChange({ auditPaths: form.auditPaths.filter((p) => p !== path) })}
            >
              <CloseIcon />
            </ActionButton>
          </li>
        ))}
      </ul>
    </div>
  )
}
