/** FNV-1a: a stable 32-bit hash of a string, for results derived from ids without drawing random numbers. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}
