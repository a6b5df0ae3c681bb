import { Button, ToastQueue } from '@react-spectrum/s2'
import { useState } from 'react'
import { fetchStepLog } from '../../api/resources/executions'
import type { StepState } from '../../contract/executions'
import { problemMessage } from '../../components/failure-message'

/** Saves text as a file: a Blob behind an object URL, clicked through a temporary anchor. */
export function saveText(text: string, filename: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // Revoke after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export const logFileName = (step: StepState) =>
  `execution-${step.executionId}-${step.action}${step.environmentType ? `-${step.environmentType}` : ''}.log`

/** "Download log" (deploy steps: "Download build log"): follows the step's logs link. */
export function DownloadLog({ step, label }: { step: StepState; label: string }) {
  const [busy, setBusy] = useState(false)
  const download = async () => {
    setBusy(true)
    try {
      saveText(await fetchStepLog(step), logFileName(step))
    } catch (error) {
      ToastQueue.negative(`The log could not be downloaded: ${problemMessage(error)}`, {
        actionLabel: 'Try again',
        onAction: () => void download(),
        shouldCloseOnAction: true,
      })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="secondary" isPending={busy} onPress={() => void download()}>
      {label}
    </Button>
  )
}
