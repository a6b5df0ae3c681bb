import { DialogContainer } from '@react-spectrum/s2'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import { programQueries } from '../../api/resources/programs'
import type { AddPipelineKind } from '../../contract/resources'
import { LazyAddPipelineDialog } from './add-pipeline/lazy-add-pipeline-dialog'
import { forgetPipelineDraft } from './add-pipeline/pipeline-draft-storage'
import { ADD_PIPELINE_ENTRIES } from './add-pipeline-kinds'
import { AddPipelineMenu } from './add-pipeline-menu'

export interface AddPipelineProps {
  programId: string
  label?: string
}

/** The open dialog's kind lives in the URL so that a reload reopens it (with its draft). */
const OPEN_PARAM = 'add'

const isAddKind = (value: string | null): value is AddPipelineKind => ADD_PIPELINE_ENTRIES.some((e) => e.kind === value)

/** The Add Pipeline menu and the dialog its entries open. */
export function AddPipeline({ programId, label }: AddPipelineProps) {
  const program = useQuery(programQueries.detail(programId))
  const [search, setSearch] = useSearchParams()
  // Each opening gets a fresh dialog; a closing one may still be mounted while it animates out.
  const [openings, setOpenings] = useState(0)
  const requested = search.get(OPEN_PARAM)
  // After a reload, a kind the program no longer allows (another tab added that pipeline
  // meanwhile) is not reopened; a dialog opened from the menu stays until it is closed.
  const allowed = isAddKind(requested) && (openings > 0 || program.data?.['x-sim']?.addPipeline[requested].allowed === true)
  const kind = allowed ? requested : null
  const setOpen = (next: AddPipelineKind | null) => {
    // Cancel, Escape and a successful Save all close through here; a reload does not.
    if (!next && kind) forgetPipelineDraft(programId, kind)
    setSearch(
      (params) => {
        if (next) params.set(OPEN_PARAM, next)
        else params.delete(OPEN_PARAM)
        return params
      },
      { replace: true },
    )
  }
  const add = (next: AddPipelineKind) => {
    setOpenings(openings + 1)
    setOpen(next)
  }
  return (
    <>
      <AddPipelineMenu program={program.data} onAdd={add} {...(label ? { label } : {})} />
      <DialogContainer onDismiss={() => setOpen(null)}>
        {kind ? (
          <LazyAddPipelineDialog key={`${kind}:${openings}`} programId={programId} kind={kind} resume={openings === 0} />
        ) : null}
      </DialogContainer>
    </>
  )
}
