import { Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { useLocation, useNavigate } from 'react-router-dom'
import { programQueries } from '../api/resources/programs'
import { paths } from '../config/paths'
import { BreadcrumbTrail } from './breadcrumb-trail'
import { sectionOf } from './program-sections'

/** Program switcher and breadcrumb (`Program Overview › Pipelines`), as in Cloud Manager's top bar. */
export function ProgramBar({ programId }: { programId: string }) {
  const programs = useQuery(programQueries.list())
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const section = sectionOf(pathname)
  return (
    <div className={style({ display: 'flex', alignItems: 'center', gap: 24, marginBottom: 16 })}>
      <Picker
        label="Program"
        labelPosition="side"
        size="S"
        isQuiet
        placeholder={programs.isPending ? 'Loading…' : 'Choose a program'}
        selectedKey={programs.data?.some((p) => p.id === programId) ? programId : null}
        // Switching keeps the user on the same kind of page in the other program.
        onSelectionChange={(key) => key && void navigate((section?.href ?? paths.overview.getHref)(String(key)))}
        items={programs.data ?? []}
      >
        {(program) => <PickerItem id={program.id}>{program.name}</PickerItem>}
      </Picker>
      <BreadcrumbTrail
        crumbs={[
          { label: 'Programs', href: paths.programs.getHref() },
          { label: 'Program Overview', href: paths.overview.getHref(programId) },
          ...(section && section.key !== 'overview' ? [{ label: section.label }] : []),
        ]}
      />
    </div>
  )
}
