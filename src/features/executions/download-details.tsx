import { Button } from '@react-spectrum/s2'
import type { Metric, StepState } from '../../contract/executions'
import { saveText } from './download-log'
import { metricsCsv, metricsCsvFileName } from './metrics-csv'

export interface DownloadDetailsButtonProps {
  step: Pick<StepState, 'executionId' | 'action' | 'environmentType'>
  metrics: readonly Metric[]
}

/** Download Details (spec §D.5): saves the step's metrics as CSV, from what the page already shows. */
export function DownloadDetailsButton({ step, metrics }: DownloadDetailsButtonProps) {
  return (
    <Button
      variant="secondary"
      isDisabled={metrics.length === 0}
      onPress={() => saveText(metricsCsv(metrics), metricsCsvFileName(step), 'text/csv;charset=utf-8')}
    >
      Download Details
    </Button>
  )
}
