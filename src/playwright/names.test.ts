// @vitest-environment node
import { expect, test } from 'vitest'
import { type Named, resolveNamed } from './names'

const pipelines: Named[] = [
  { id: '8', name: 'Production Pipeline', within: 'program "We.Retail Global"' },
  { id: '24', name: 'Dev Deploy', within: 'program "We.Retail Global"' },
  { id: '70', name: 'Dev Deploy', within: 'program "Global Commerce"' },
  { id: '71', name: '8', within: 'program "Global Commerce"' },
]

test('finds by id first, then by name', () => {
  expect(resolveNamed('pipeline', '24', pipelines, 'c').id).toBe('24')
  expect(resolveNamed('pipeline', 'Production Pipeline', pipelines, 'c').id).toBe('8')
  // An id wins over a pipeline whose name looks like that id.
  expect(resolveNamed('pipeline', '8', pipelines, 'c').name).toBe('Production Pipeline')
})

test('an unknown name fails naming the call and listing what exists', () => {
  expect(() => resolveNamed('pipeline', 'Prod', pipelines, 'sim.fault({ pipeline: "Prod" })')).toThrow(
    'sim.fault({ pipeline: "Prod" }): no pipeline is named "Prod" or has that id. Known pipelines: "Production Pipeline" (id 8, program "We.Retail Global"), ',
  )
  expect(() => resolveNamed('repository', 'x', [], 'sim.gitPush("x", "main")')).toThrow(
    'sim.gitPush("x", "main"): no repository is named "x" or has that id. Known repositories: none.',
  )
})

test('a name shared by pipelines of two programs asks for the id', () => {
  expect(() => resolveNamed('pipeline', 'Dev Deploy', pipelines, 'c')).toThrow(
    'c: 2 pipelines are named "Dev Deploy": "Dev Deploy" (id 24, program "We.Retail Global"), "Dev Deploy" (id 70, program "Global Commerce"). Pass the id.',
  )
})
