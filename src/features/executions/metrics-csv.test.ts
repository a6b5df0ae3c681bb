import { expect, test } from 'vitest'
import type { Metric } from '../../contract/executions'
import { csvField, metricsCsv, metricsCsvFileName } from './metrics-csv'

const metric = (over: Partial<Metric> & Pick<Metric, 'kpi' | 'severity'>): Metric => ({
  id: over.kpi,
  passed: true,
  override: false,
  actualValue: '1',
  expectedValue: '1',
  comparator: 'EQ',
  ...over,
})

test('the CSV lists every metric most severe first, failures first within a tier, with CRLF line ends', () => {
  const csv = metricsCsv([
    metric({
      kpi: 'open_issues',
      severity: 'informational',
      passed: false,
      actualValue: '31',
      comparator: 'LT',
      expectedValue: '1',
    }),
    metric({ kpi: 'coverage', severity: 'important', actualValue: '50.5', comparator: 'GTE', expectedValue: '50' }),
    metric({
      kpi: 'reliability_rating',
      severity: 'important',
      passed: false,
      override: true,
      actualValue: 'D',
      comparator: 'GTE',
      expectedValue: 'C',
    }),
    metric({ kpi: 'sqale_rating', severity: 'important', passed: false, actualValue: 'B', comparator: 'EQ', expectedValue: 'A' }),
    metric({ kpi: 'security_rating', severity: 'critical', actualValue: 'A', comparator: 'GTE', expectedValue: 'B' }),
  ])
  expect(csv).toBe(
    [
      'Metric,KPI,Severity,Comparator,Expected,Actual,Result',
      'Security Rating,security_rating,Critical,GTE,B,A,Passed',
      'Maintainability Rating,sqale_rating,Important,EQ,A,B,Failed',
      'Reliability Rating,reliability_rating,Important,GTE,C,D,Overridden',
      'Coverage,coverage,Important,GTE,50,50.5,Passed',
      'Open Issues,open_issues,Info,LT,1,31,Failed',
      '',
    ].join('\r\n'),
  )
})

test('kpis without a product name are put into words; named ones keep their name', () => {
  const csv = metricsCsv([
    metric({ kpi: 'custom_gate-check', severity: 'critical', actualValue: 'true', expectedValue: 'true' }),
    metric({
      kpi: 'peak_resp_time',
      severity: 'important',
      passed: false,
      actualValue: '21',
      comparator: 'LT',
      expectedValue: '18',
    }),
  ])
  expect(csv.split('\r\n').slice(1, 3)).toEqual([
    'Custom Gate Check,custom_gate-check,Critical,EQ,true,true,Passed',
    'Peak Response Time,peak_resp_time,Important,LT,18,21,Failed',
  ])
})

test('fields with commas, quotes or line breaks are quoted, quotes doubled', () => {
  const csv = metricsCsv([
    metric({ kpi: 'odd, "quoted"\nkpi', severity: 'informational', actualValue: '1,5', expectedValue: 'say "hi"' }),
  ])
  expect(csv).toBe(
    'Metric,KPI,Severity,Comparator,Expected,Actual,Result\r\n' +
      '"Odd, ""quoted"" Kpi","odd, ""quoted""\nkpi",Info,EQ,"say ""hi""","1,5",Passed\r\n',
  )
})

test('text a spreadsheet would run as a formula is defused; numbers stay numbers', () => {
  expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
  expect(csvField('+1 day')).toBe("'+1 day")
  expect(csvField('-3')).toBe('-3')
  expect(csvField('-2.5%')).toBe('-2.5%')
  expect(csvField('plain')).toBe('plain')
  expect(metricsCsv([])).toBe('Metric,KPI,Severity,Comparator,Expected,Actual,Result\r\n')
})

test('the file is named after the execution, the step and its environment type', () => {
  expect(metricsCsvFileName({ executionId: '812', action: 'codeQuality' })).toBe('execution-812-codeQuality-metrics.csv')
  expect(metricsCsvFileName({ executionId: '9', action: 'securityTest', environmentType: 'stage' })).toBe(
    'execution-9-securityTest-stage-metrics.csv',
  )
})
