import { Button, ToastQueue } from '@react-spectrum/s2'
import { useState } from 'react'
import { hasLink } from '../../api/hal'
import { fetchScanIssuesCsv } from '../../api/resources/artifacts'
import type { Metric, StepState } from '../../contract/executions'
import { REL } from '../../contract/rels'
import { problemMessage } from '../../components/failure-message'
import { saveText } from './download-log'
import { metricsCsv, metricsCsvFileName } from './metrics-csv'

export interface DownloadDetailsButtonProps {
  step: Pick<StepState, 'executionId' | 'action' | 'environmentType'> & Partial<Pick<StepState, '_links'>>
  metrics: readonly Metric[]
}

const CSV = 'text/csv;charset=utf-8'

/** `execution-812-code-scan-issues.csv`. */
export const scanIssuesFileName = (step: Pick<StepState, 'executionId'>) => `execution-${step.executionId}-code-scan-issues.csv`

/**
 * Download Details (spec §D.5): Code Scanning saves its issues (the API's `SCAN_ISSUES` CSV:
 * rule, severity, type, file locations, line, message); every other gate saves its metrics as
 * CSV, from what the page already shows.
 */
export function DownloadDetailsButton({ step, metrics }: DownloadDetailsButtonProps) {
  const [busy, setBusy] = useState(false)
  const issues = step.action === 'codeQuality' && hasLink(step, REL.stepArtifacts)
  const download = async () => {
    if (!issues) {
      saveText(metricsCsv(metrics), metricsCsvFileName(step), CSV)
      return
    }
    setBusy(true)
    try {
      saveText(await fetchScanIssuesCsv(step), scanIssuesFileName(step), CSV)
    } catch (error) {
      ToastQueue.negative(`The code scanning issues could not be downloaded: ${problemMessage(error)}`, {
        actionLabel: 'Try again',
        onAction: () => void download(),
        shouldCloseOnAction: true,
      })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="secondary" isPending={busy} isDisabled={!issues && metrics.length === 0} onPress={() => void download()}>
      Download Details
    </Button>
  )
}
