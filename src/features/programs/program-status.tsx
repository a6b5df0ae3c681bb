import { StatusLight } from '@react-spectrum/s2'

type Variant = 'positive' | 'informative' | 'negative' | 'neutral'

const PROGRAM_STATUS: Record<string, { label: string; variant: Variant }> = {
  ready: { label: 'Ready', variant: 'positive' },
  creating: { label: 'Creating…', variant: 'informative' },
  deleting: { label: 'Deleting…', variant: 'informative' },
  failed: { label: 'Failed', variant: 'negative' },
  deleted_failed: { label: 'Failed', variant: 'negative' },
  deleted: { label: 'Deleted', variant: 'neutral' },
}

export function ProgramStatus({ status }: { status: string }) {
  const shown = PROGRAM_STATUS[status] ?? { label: status, variant: 'neutral' as const }
  return <StatusLight variant={shown.variant}>{shown.label}</StatusLight>
}
