import { render, screen } from '@testing-library/react'
import { Provider, TableView, TableHeader, Column, TableBody, Row, Cell } from '@react-spectrum/s2'
import { test, expect } from 'vitest'

test('spike table', async () => {
  render(
    <Provider>
      <TableView aria-label="T">
        <TableHeader>
          <Column isRowHeader>Name</Column>
          <Column>B</Column>
        </TableHeader>
        <TableBody>
          {[1, 2, 3].map((i) => (
            <Row key={i} id={i}>
              <Cell>row {i}</Cell>
              <Cell>x</Cell>
            </Row>
          ))}
        </TableBody>
      </TableView>
    </Provider>,
  )
  console.log(document.body.innerHTML.length, screen.queryAllByRole('row').length, screen.queryAllByRole('columnheader').length)
  expect(screen.getByText('row 2')).toBeTruthy()
})
