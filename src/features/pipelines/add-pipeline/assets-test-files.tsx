import { ActionButton, Button, FileTrigger, Radio, RadioGroup } from '@react-spectrum/s2'
import CloseIcon from '@react-spectrum/s2/icons/Close'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useId, useState } from 'react'
import { VisuallyHidden } from '../../../components/visually-hidden'
import {
  ASSETS_TEST_EXTENSIONS,
  ASSETS_TEST_FORMAT_LABEL,
  type AssetsTestFile,
  isSavedTestFile,
  MAX_ASSETS_TEST_FILES,
  validateTestFile,
} from './ams-form'

export interface AssetsTestFilesProps {
  files: AssetsTestFile[]
  /** The files saved with the pipeline being edited: they cannot be removed (spec §C.3). */
  saved: readonly AssetsTestFile[]
  onChange: (files: AssetsTestFile[]) => void
  /** The server's complaint about the list, if any. */
  errorMessage?: string | undefined
}

const cell = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'body-sm' })
const note = style({ font: 'body-sm', margin: 0, color: 'neutral-subdued' })
const error = style({ font: 'ui-sm', color: 'negative', margin: 0 })

/**
 * Custom test files of the Assets performance test (AMS Stage Testing, spec §C.3): a table
 * FORMAT · FILENAME and **Add Test File**, which opens the browser's file picker for the chosen
 * format. Only the name is kept. A file saved with the pipeline cannot be removed while editing:
 * trying says so and keeps it.
 */
export function AssetsTestFiles({ files, saved, onChange, errorMessage }: AssetsTestFilesProps) {
  const titleId = useId()
  const errorId = useId()
  const [format, setFormat] = useState<AssetsTestFile['format']>('PDF')
  const [problem, setProblem] = useState<string>()
  const full = files.length >= MAX_ASSETS_TEST_FILES
  const add = (fileName: string) => {
    const file = { format, fileName }
    const refused = validateTestFile(file, files)
    setProblem(refused)
    if (!refused) onChange([...files, file])
  }
  const remove = (file: AssetsTestFile) => {
    if (isSavedTestFile(file, saved)) {
      setProblem(`"${file.fileName}" was uploaded with the pipeline and cannot be removed while editing it.`)
      return
    }
    setProblem(undefined)
    onChange(files.filter((f) => f !== file))
  }
  const shown = problem ?? errorMessage
  return (
    <div
      role="group"
      aria-labelledby={titleId}
      aria-describedby={shown ? errorId : undefined}
      className={style({ display: 'flex', flexDirection: 'column', gap: 8 })}
    >
      <span id={titleId} className={style({ font: 'title-sm' })}>
        Test files
      </span>
      <p className={note}>If you do not upload images or PDFs here, default assets will be used.</p>
      {files.length === 0 ? (
        <p className={note}>No test file is uploaded.</p>
      ) : (
        <table aria-label="Assets test files" className={style({ borderCollapse: 'collapse' })}>
          <thead>
            <tr>
              <th className={cell}>FORMAT</th>
              <th className={cell}>FILENAME</th>
              <th className={cell}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={`${f.format}/${f.fileName}`}>
                <td className={cell}>{ASSETS_TEST_FORMAT_LABEL[f.format]}</td>
                <td className={cell}>{f.fileName}</td>
                <td className={cell}>
                  <ActionButton size="S" isQuiet aria-label={`Remove ${f.fileName}`} onPress={() => remove(f)}>
                    <CloseIcon />
                  </ActionButton>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown ? (
        <p id={errorId} role="alert" className={error}>
          {shown}
        </p>
      ) : null}
      <div className={style({ display: 'flex', alignItems: 'end', gap: 16, flexWrap: 'wrap' })}>
        <RadioGroup
          label="Format"
          orientation="horizontal"
          value={format}
          onChange={(v) => setFormat(v === 'IMAGE' ? 'IMAGE' : 'PDF')}
          isDisabled={full}
        >
          <Radio value="PDF">PDF</Radio>
          <Radio value="IMAGE">Image</Radio>
        </RadioGroup>
        <FileTrigger
          acceptedFileTypes={[...ASSETS_TEST_EXTENSIONS[format]]}
          onSelect={(list) => {
            const chosen = list?.[0]
            if (chosen) add(chosen.name)
          }}
        >
          <Button variant="secondary" isDisabled={full}>
            Add Test File
          </Button>
        </FileTrigger>
      </div>
      <p className={note}>
        {`${files.length} of ${MAX_ASSETS_TEST_FILES} added. Only the file's name is kept: the simulator stores no file contents.`}
      </p>
    </div>
  )
}
