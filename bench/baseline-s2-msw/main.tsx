// The benchmark's third yardstick, the floor of this stack: what the UI kit and the mocking cost
// together — a Spectrum 2 page whose one TableView row is fetched from `/api/rows`, answered by
// an MSW handler. No router, no data layer, no engine.
import '@react-spectrum/s2/page.css'
import { Cell, Column, Provider, Row, TableBody, TableHeader, TableView } from '@react-spectrum/s2'
import { HttpResponse, http } from 'msw'
import { setupWorker } from 'msw/browser'
import { createRoot } from 'react-dom/client'

interface RowData {
  id: string
  name: string
  status: string
}

await setupWorker(
  http.get('/api/rows', () => HttpResponse.json<RowData[]>([{ id: '1', name: 'Production Pipeline', status: 'Not running' }])),
).start({ quiet: true })
const rows = (await (await fetch('/api/rows')).json()) as RowData[]

createRoot(document.getElementById('root') as HTMLElement).render(
  <Provider background="base" locale="en-US">
    <TableView aria-label="Pipelines">
      <TableHeader>
        <Column isRowHeader>Name</Column>
        <Column>Status</Column>
      </TableHeader>
      <TableBody items={rows}>
        {(row) => (
          <Row id={row.id}>
            <Cell>{row.name}</Cell>
            <Cell>{row.status}</Cell>
          </Row>
        )}
      </TableBody>
    </TableView>
  </Provider>,
)
