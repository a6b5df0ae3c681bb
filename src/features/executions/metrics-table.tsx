import { StatusLight } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import type { Metric } from '../../contract/executions'
import { expectedText, formatScoreChange, metricName, SEVERITY_TIERS } from './metric-labels'

const cell = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'body-sm' })

function result(m: Metric) {
  if (m.passed) return <StatusLight variant="positive">Passed</StatusLight>
  if (m.override) return <StatusLight variant="notice">Overridden</StatusLight>
  return <StatusLight variant="negative">Failed</StatusLight>
}

/** Quality metrics grouped Critical / Important / Info, with threshold and actual (spec §D.5). */
export function MetricsTable({ metrics, label }: { metrics: Metric[]; label: string }) {
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 8 })}>
      {SEVERITY_TIERS.map(({ key, title }) => {
        const rows = metrics.filter((m) => m.severity === key)
        if (rows.length === 0) return null
        return (
          <table key={key} aria-label={`${label}: ${title} metrics`} className={style({ borderCollapse: 'collapse' })}>
            <caption className={style({ font: 'title-sm', textAlign: 'start', paddingY: 4 })}>{title}</caption>
            <thead>
              <tr>
                <th className={cell}>Metric</th>
                <th className={cell}>Threshold</th>
                <th className={cell}>Actual</th>
                <th className={cell}>Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td className={cell}>{metricName(m.kpi)}</td>
                  <td className={cell}>{expectedText(m)}</td>
                  <td className={cell}>{m.actualValue}</td>
                  <td className={cell}>{result(m)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      })}
    </div>
  )
}

/** Experience Audit: scores and their change against the previous run (spec §D.6). */
export function AuditScores({ metrics, previous }: { metrics: Metric[]; previous: Metric[] | undefined }) {
  const shown = metrics.filter((m) => m.kpi !== 'pwa')
  return (
    <table aria-label="Experience Audit scores" className={style({ borderCollapse: 'collapse' })}>
      <thead>
        <tr>
          <th className={cell}>Score</th>
          <th className={cell}>Value</th>
          <th className={cell}>Change</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((m) => {
          const before = previous?.find((p) => p.kpi === m.kpi)
          const change = formatScoreChange(before ? Number(m.actualValue) - Number(before.actualValue) : undefined)
          return (
            <tr key={m.id}>
              <td className={cell}>{metricName(m.kpi)}</td>
              <td className={cell}>{m.actualValue}</td>
              <td className={cell}>{change}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
