import { expect, test } from 'vitest'
import type { ScanIssue } from '../../../engine/scan-issues'
import { SCAN_ISSUES_CSV_HEADER, scanIssuesCsv } from './scan-issues-csv'

const issue: ScanIssue = {
  rule: 'java:S2095',
  severity: 'CRITICAL',
  type: 'CODE_SMELL',
  fileLocation: 'com.example:ams-repo.core:src/main/java/com/example/core/servlets/SearchServlet.java',
  projectFileLocation: 'core/src/main/java/com/example/core/servlets/SearchServlet.java',
  line: 42,
  message: 'Use try-with-resources or close this "ResourceResolver" in a "finally" clause.',
}

test('the code-scan CSV has the columns of spec §D.5, File Location (Maven) and Project File Location included', () => {
  expect(SCAN_ISSUES_CSV_HEADER).toEqual([
    'Rule',
    'Severity',
    'Type',
    'File Location',
    'Project File Location',
    'Line',
    'Message',
  ])
  expect(scanIssuesCsv([]).split('\r\n')[0]).toBe(SCAN_ISSUES_CSV_HEADER.join(','))
})

test('one row per issue, in words, quoted where the message needs it', () => {
  const csv = scanIssuesCsv([issue, { ...issue, severity: 'INFO', type: 'VULNERABILITY', line: 7, message: 'Plain' }])
  expect(csv).toBe(
    [
      'Rule,Severity,Type,File Location,Project File Location,Line,Message',
      'java:S2095,Critical,Code Smell,com.example:ams-repo.core:src/main/java/com/example/core/servlets/SearchServlet.java,core/src/main/java/com/example/core/servlets/SearchServlet.java,42,"Use try-with-resources or close this ""ResourceResolver"" in a ""finally"" clause."',
      'java:S2095,Info,Vulnerability,com.example:ams-repo.core:src/main/java/com/example/core/servlets/SearchServlet.java,core/src/main/java/com/example/core/servlets/SearchServlet.java,7,Plain',
      '',
    ].join('\r\n'),
  )
})
