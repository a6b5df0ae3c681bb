import { StatusLight } from '@react-spectrum/s2'
import type { Pipeline } from '../../contract/resources'
import { pipelineStatus } from './pipeline-labels'

export function PipelineStatus({ status, paused = false }: { status: Pipeline['status']; paused?: boolean }) {
  const { label, variant } = pipelineStatus(status, paused)
  return <StatusLight variant={variant}>{label}</StatusLight>
}
