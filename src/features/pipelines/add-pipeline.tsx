import { DialogContainer } from '@react-spectrum/s2'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { programQueries } from '../../api/resources/programs'
import type { AddPipelineKind } from '../../contract/resources'
import { AddPipelineDialog } from './add-pipeline/add-pipeline-dialog'
import { AddPipelineMenu } from './add-pipeline-menu'

export interface AddPipelineProps {
  programId: string
  label?: string
}

/** The Add Pipeline menu and the dialog its entries open. */
export function AddPipeline({ programId, label }: AddPipelineProps) {
  const program = useQuery(programQueries.detail(programId))
  // Each opening gets a fresh dialog; a closing one may still be mounted while it animates out.
  const [open, setOpen] = useState<{ kind: AddPipelineKind; n: number } | null>(null)
  const [count, setCount] = useState(0)
  const add = (kind: AddPipelineKind) => {
    setCount(count + 1)
    setOpen({ kind, n: count + 1 })
  }
  return (
    <>
      <AddPipelineMenu program={program.data} onAdd={add} {...(label ? { label } : {})} />
      <DialogContainer onDismiss={() => setOpen(null)}>
        {open ? <AddPipelineDialog key={open.n} programId={programId} kind={open.kind} /> : null}
      </DialogContainer>
    </>
  )
}
