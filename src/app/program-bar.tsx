import { Badge, Picker, PickerItem } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { useLocation, useMatch, useNavigate } from 'react-router-dom'
import { executionQueries } from '../api/resources/executions'
import { programQueries } from '../api/resources/programs'
import { typeLine } from '../features/executions/execution-labels'
import { paths } from '../config/paths'
import { BreadcrumbTrail, type Crumb } from './breadcrumb-trail'
import { sectionOf } from './program-sections'

/** Program switcher and breadcrumb (`Program Overview › Pipelines`), as in Cloud Manager's top bar. */
export function ProgramBar({ programId }: { programId: string }) {
  const programs = useQuery(programQueries.list())
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const section = sectionOf(pathname)
  const executionCrumb = useExecutionCrumb()
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
          ...(executionCrumb ? [executionCrumb] : []),
        ]}
      />
    </div>
  )
}

/**
 * On an execution's page: `<Pipeline name> – <type>` (spec §D.14), with the Emergency indicator
 * of an emergency run (spec §D.11, §I.12). The page's own query is shared, not fetched twice.
 */
function useExecutionCrumb(): Crumb | undefined {
  const match = useMatch(`${paths.program.path}/${paths.execution.path}`)
  const { programId = '', pipelineId = '', executionId = '' } = match?.params ?? {}
  const execution = useQuery({ ...executionQueries.detail(programId, pipelineId, executionId), enabled: match !== null })
  if (!match || !execution.data) return undefined
  const sim = execution.data['x-sim']
  return {
    label: `${sim.pipelineName} – ${typeLine(sim.category)}`,
    ...(execution.data.pipelineExecutionMode === 'EMERGENCY'
      ? {
          extra: (
            <Badge variant="notice" size="S">
              Emergency Mode
            </Badge>
          ),
        }
      : {}),
  }
}
