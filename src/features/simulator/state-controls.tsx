import { Button, Content, FileTrigger, Heading, InlineAlert } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { isApiError } from '../../api/http'
import { exportState, simMutations } from '../../api/resources/sim'
import { PanelSection } from './panel-section'
import { saveFile } from './save-file'
import { useAfterStateReplaced } from './use-replace-state'

interface Refusal {
  file: string
  detail: string
  problems: readonly string[]
}

function refusalOf(file: string, error: unknown): Refusal {
  if (isApiError(error)) {
    const problems = [...error.messages, ...Object.entries(error.fieldErrors).map(([f, m]) => `${f}: ${m}`)]
    const detail = error.detail ?? error.title
    // A single problem is the detail itself; several are listed under the problem's title.
    if (problems.length <= 1) return { file, detail: problems[0] ?? detail, problems: [] }
    return { file, detail: `${error.title}:`, problems }
  }
  return { file, detail: (error as Error).message, problems: [] }
}

/** Save the whole simulator state as a .json file (GET /__sim/state) or load one (PUT /__sim/state). */
export function StateControls() {
  const exporting = useMutation({ mutationFn: exportState, onSuccess: ({ name, text }) => saveFile(name, text) })
  const importing = useMutation(simMutations.importState())
  const afterReplaced = useAfterStateReplaced()
  const [refusal, setRefusal] = useState<Refusal | null>(null)

  const importFile = async (file: File) => {
    setRefusal(null)
    const text = await file.text()
    importing.mutate(text, {
      onSuccess: () => void afterReplaced(),
      onError: (error) => setRefusal(refusalOf(file.name, error)),
    })
  }

  return (
    <PanelSection title="State">
      <div className={style({ display: 'flex', flexWrap: 'wrap', gap: 8 })}>
        <Button variant="secondary" size="S" isPending={exporting.isPending} onPress={() => exporting.mutate()}>
          Export state
        </Button>
        <FileTrigger
          acceptedFileTypes={['application/json', '.json']}
          onSelect={(files) => {
            const file = files?.[0]
            if (file) void importFile(file)
          }}
        >
          <Button variant="secondary" size="S" isPending={importing.isPending}>
            Import state
          </Button>
        </FileTrigger>
      </div>
      {exporting.isError ? (
        <p role="alert" className={style({ margin: 0, font: 'body-sm', color: 'negative' })}>
          Could not export the state: {exporting.error.message}
        </p>
      ) : null}
      {refusal ? (
        <InlineAlert variant="negative" autoFocus>
          <Heading>{refusal.file} was not imported</Heading>
          <Content>
            <p className={style({ marginTop: 0 })}>{refusal.detail}</p>
            {refusal.problems.length > 0 ? (
              // A long list scrolls: focusable, so the keyboard can scroll it too.
              <ul
                tabIndex={0}
                aria-label="Problems"
                className={style({ margin: 0, paddingStart: 16, maxHeight: 160, overflowY: 'auto' })}
              >
                {refusal.problems.map((p, i) => (
                  <li key={`${i}:${p}`}>{p}</li>
                ))}
              </ul>
            ) : null}
            <p className={style({ marginBottom: 0 })}>Nothing was changed.</p>
          </Content>
        </InlineAlert>
      ) : null}
    </PanelSection>
  )
}
