/**
 * The `SCAN_ISSUES` artifact of a Code Scanning step (`code-scan-issues.csv`, spec §D.5): one
 * row per issue, most severe first, with the file both as its Maven path (File Location) and
 * from the project's root (Project File Location).
 */
import { csvText } from '../../../contract/csv'
import type { ScanIssue, ScanIssueSeverity, ScanIssueType } from '../../../engine/scan-issues'

export const SCAN_ISSUES_CSV_HEADER = [
  'Rule',
  'Severity',
  'Type',
  'File Location',
  'Project File Location',
  'Line',
  'Message',
] as const

const SEVERITY: Readonly<Record<ScanIssueSeverity, string>> = {
  BLOCKER: 'Blocker',
  CRITICAL: 'Critical',
  MAJOR: 'Major',
  MINOR: 'Minor',
  INFO: 'Info',
}
const TYPE: Readonly<Record<ScanIssueType, string>> = { BUG: 'Bug', VULNERABILITY: 'Vulnerability', CODE_SMELL: 'Code Smell' }

export function scanIssuesCsv(issues: readonly ScanIssue[]): string {
  return csvText(
    SCAN_ISSUES_CSV_HEADER,
    issues.map((i) => [
      i.rule,
      SEVERITY[i.severity],
      TYPE[i.type],
      i.fileLocation,
      i.projectFileLocation,
      String(i.line),
      i.message,
    ]),
  )
}
