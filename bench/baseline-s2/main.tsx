// The benchmark's second yardstick: what the UI kit alone costs — a Spectrum 2 page that renders
// one row of a TableView, with no router, no data layer and no simulated backend.
import '@react-spectrum/s2/page.css'
import { Cell, Column, Provider, Row, TableBody, TableHeader, TableView } from '@react-spectrum/s2'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root') as HTMLElement).render(
  <Provider background="base" locale="en-US">
    <TableView aria-label="Pipelines">
      <TableHeader>
        <Column isRowHeader>Name</Column>
        <Column>Status</Column>
      </TableHeader>
      <TableBody>
        <Row>
          <Cell>Production Pipeline</Cell>
          <Cell>Not running</Cell>
        </Row>
      </TableBody>
    </TableView>
  </Provider>,
)
