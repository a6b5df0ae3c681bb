import { Cell, Column, Link, Row, TableBody, TableHeader, TableView } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { programQueries } from '../../api/resources/programs'
import { EmptyState } from '../../components/empty-state'
import { formatDate } from '../../components/format-date'
import { PageHeading } from '../../components/page-heading'
import { QueryState } from '../../components/query-state'
import { paths } from '../../config/paths'
import { ProgramStatus } from './program-status'

/** My Programs: every program the user can see; its name links to the program's overview. */
export function ProgramsPage() {
  const programs = useQuery(programQueries.list())
  return (
    <main className={style({ paddingX: 32, paddingY: 24 })}>
      <PageHeading title="My Programs" />
      <QueryState
        query={programs}
        what="programs"
        empty={<EmptyState heading="No programs">Programs you have access to appear here.</EmptyState>}
      >
        {(data) => (
          <TableView aria-label="Programs" styles={style({ maxWidth: 960 })}>
            <TableHeader>
              <Column isRowHeader>Name</Column>
              <Column>Status</Column>
              <Column>Created</Column>
            </TableHeader>
            <TableBody items={data}>
              {(program) => (
                <Row id={program.id} textValue={program.name}>
                  <Cell>
                    {/* A real link, so the name is announced and followed as one. */}
                    <Link href={paths.overview.getHref(program.id)} isStandalone>
                      {program.name}
                    </Link>
                  </Cell>
                  <Cell>
                    <ProgramStatus status={program.status} />
                  </Cell>
                  <Cell>{formatDate(program.createdAt)}</Cell>
                </Row>
              )}
            </TableBody>
          </TableView>
        )}
      </QueryState>
    </main>
  )
}
