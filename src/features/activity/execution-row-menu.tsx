import { ActionMenu, MenuItem, Text, ToastQueue } from '@react-spectrum/s2'
import Download from '@react-spectrum/s2/icons/Download'
import Preview from '@react-spectrum/s2/icons/Preview'
import { type ActivityExecution, executionLog, stepsWithLogs } from '../../api/resources/activity'
import { paths } from '../../config/paths'
import { saveFile } from '../simulator/save-file'

/** The row's … menu (spec §B.7): View details, Download log (every step's log in one file). */
export function ExecutionRowMenu({ execution }: { execution: ActivityExecution }) {
  const hasLogs = stepsWithLogs(execution).length > 0
  const download = async () => {
    try {
      const text = await executionLog(execution)
      saveFile(`execution-${execution.id}.log`, text, 'text/plain')
    } catch (error) {
      ToastQueue.negative(`Could not download the log of execution ${execution.id}: ${(error as Error).message}`, {
        timeout: 5000,
      })
    }
  }
  return (
    <ActionMenu
      isQuiet
      aria-label={`Actions for execution ${execution.id} of ${execution['x-sim'].pipelineName}`}
      disabledKeys={hasLogs ? [] : ['log']}
      onAction={(key) => {
        if (key === 'log') void download()
      }}
    >
      <MenuItem id="details" href={paths.execution.getHref(execution.programId, execution.pipelineId, execution.id)}>
        <Preview />
        <Text slot="label">View details</Text>
      </MenuItem>
      <MenuItem id="log">
        <Download />
        <Text slot="label">Download log</Text>
      </MenuItem>
    </ActionMenu>
  )
}
