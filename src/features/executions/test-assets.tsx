import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { StepState } from '../../contract/executions'

const line = style({ font: 'body-sm', margin: 0 })

/** [AMS] What the Assets performance test uploads: the pipeline's custom test files when it started, or the defaults. */
export function TestAssets({ files }: { files: NonNullable<StepState['x-sim']['testAssets']> }) {
  return (
    <p className={line}>
      Test assets:{' '}
      {files.length === 0
        ? 'the default assets (no test file was uploaded).'
        : files.map((f) => `${f.fileName} (${f.format === 'PDF' ? 'PDF' : 'Image'})`).join(', ')}
    </p>
  )
}
