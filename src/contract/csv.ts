/**
 * CSV as the console's downloads write it (RFC 4180): comma separated, CRLF line ends, fields
 * with commas, quotes or line breaks quoted, quotes doubled. Shared by the simulator's CSV
 * artifacts and the console's own Download Details, so both files read the same way.
 */

const NUMBER = /^-?\d+(\.\d+)?%?$/

/**
 * One field. Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe; plain numbers such as "-3" stay numbers.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** A header and its rows as CSV text, every line (the last too) ending in CRLF. */
export function csvText(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}
