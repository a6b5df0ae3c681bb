import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { Outlet, useParams } from 'react-router-dom'
import { isApiError } from '../api/http'
import { isAmsProgram } from '../api/resources/pipelines'
import { programQueries } from '../api/resources/programs'
import { ErrorState } from '../components/error-state'
import { PageHeading } from '../components/page-heading'
import { ProgramBar } from './program-bar'
import { ProgramNav } from './program-nav'

/** Program pages: switcher and breadcrumb on top, the program's navigation on the left. */
export function ProgramLayout() {
  const { programId = '' } = useParams()
  const program = useQuery(programQueries.detail(programId))
  // An unknown program is one message, not one failed card per section.
  const missing = program.isError && isApiError(program.error) && program.error.status === 404
  return (
    <div className={style({ display: 'flex', flexGrow: 1, minHeight: 0 })}>
      <ProgramNav programId={programId} ams={isAmsProgram(program.data)} />
      <main className={style({ flexGrow: 1, minWidth: 0, paddingX: 24, paddingY: 16 })}>
        <ProgramBar programId={programId} />
        {missing ? (
          <>
            <PageHeading title="Program not found" />
            <ErrorState what={`program ${programId}`} error={program.error} />
          </>
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  )
}
