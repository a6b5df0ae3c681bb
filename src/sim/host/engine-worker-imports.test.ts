/**
 * The engine's shared worker is loaded before the console's first row, so what its start
 * imports is a cost every visit pays. zod (request-body and saved-state schemas) is loaded with
 * `import()` on first use instead; this walks the worker's static imports, as the bundler does,
 * and fails when one of them brings zod back.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { parseSync } from 'vite'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../../..')

/** The specifiers a module imports or re-exports at load time: not `import()`, not type-only imports. */
function loadTimeSpecifiers(file: string): string[] {
  const specifiers: string[] = []
  for (const statement of parseSync(file, readFileSync(file, 'utf8')).program.body) {
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') specifiers.push(statement.source.value)
    if (statement.type === 'ExportAllDeclaration' && statement.exportKind !== 'type') specifiers.push(statement.source.value)
    if (statement.type === 'ExportNamedDeclaration' && statement.source && statement.exportKind !== 'type')
      specifiers.push(statement.source.value)
  }
  return specifiers
}

function resolveSource(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier)
  const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((p) => /\.tsx?$/.test(p) && existsSync(p))
  if (!found) throw new Error(`${relative(ROOT, from)} imports ${specifier}, which is not a source file`)
  return found
}

/** Every source module loaded with `entry`, and which of them import each package. */
function loadTimeGraph(entry: string): { modules: string[]; importersOf: (pkg: string) => string[] } {
  const importers = new Map<string, string[]>()
  const seen = new Set<string>()
  const queue = [resolve(ROOT, entry)]
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue
    seen.add(file)
    for (const specifier of loadTimeSpecifiers(file)) {
      if (specifier.startsWith('.')) queue.push(resolveSource(file, specifier))
      else {
        const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] as string)
        importers.set(pkg, [...(importers.get(pkg) ?? []), relative(ROOT, file)])
      }
    }
  }
  return { modules: [...seen].map((f) => relative(ROOT, f)), importersOf: (pkg) => importers.get(pkg) ?? [] }
}

describe("the engine worker's start", () => {
  it('imports no zod: the schemas load through import() when a body or a saved state is checked', () => {
    const worker = loadTimeGraph('src/sim/host/engine-worker.ts')
    expect(worker.importersOf('zod')).toEqual([])
    // The walk reaches the handlers, the runtime, the persistence and the engine, where zod was imported before.
    expect(worker.modules).toEqual(
      expect.arrayContaining([
        'src/sim/http/create-handlers.ts',
        'src/sim/http/handlers/pipelines.ts',
        'src/sim/runtime.ts',
        'src/sim/persistence.ts',
        'src/engine/engine.ts',
      ]),
    )
    expect(worker.importersOf('msw')).not.toEqual([])
  })

  it('would see zod in the modules that are loaded lazily', () => {
    expect(loadTimeGraph('src/sim/http/body-schemas/index.ts').importersOf('zod')).toContain(
      'src/sim/http/body-schemas/pipelines.ts',
    )
    expect(loadTimeGraph('src/sim/snapshot-check.ts').importersOf('zod')).toEqual([
      'src/sim/snapshot-check.ts',
      'src/engine/snapshot.ts',
    ])
  })
})
