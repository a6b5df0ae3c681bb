/**
 * Finds what a test names (a pipeline, a repository) among what the backend lists: by id when
 * one matches exactly, otherwise by name. A name that matches nothing, or several things in
 * different programs, is an error that lists what there is, so the test's author can fix it.
 */
export interface Named {
  id: string
  name: string
  /** Where it lives, for the error message (e.g. the program's name). */
  within: string
}

const plural = (kind: string) => (kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`)

export function resolveNamed(kind: string, wanted: string, candidates: readonly Named[], call: string): Named {
  const byId = candidates.find((c) => c.id === wanted)
  if (byId) return byId
  const byName = candidates.filter((c) => c.name === wanted)
  if (byName.length === 1 && byName[0]) return byName[0]
  const describe = (c: Named) => `"${c.name}" (id ${c.id}, ${c.within})`
  if (byName.length > 1) {
    throw new Error(
      `${call}: ${byName.length} ${plural(kind)} are named "${wanted}": ${byName.map(describe).join(', ')}. Pass the id.`,
    )
  }
  const known = candidates.length > 0 ? candidates.map(describe).join(', ') : 'none'
  throw new Error(`${call}: no ${kind} is named "${wanted}" or has that id. Known ${plural(kind)}: ${known}.`)
}
