/**
 * View slowest pages (spec §D.6): a dialog "Slowest 5 pages" with a Devices switch (mobile by
 * default, desktop) and each page's Performance, Accessibility, Best Practices and SEO scores
 * with their change against the previous audit.
 */
import {
  Button,
  ButtonGroup,
  Content,
  Dialog,
  DialogTrigger,
  Heading,
  SegmentedControl,
  SegmentedControlItem,
  Text,
} from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { experienceAuditQueries } from '../../api/resources/experience-audit'
import { ErrorState } from '../../components/error-state'
import { LoadingState } from '../../components/loading-state'
import type { StepState } from '../../contract/executions'
import type { AuditDevice, AuditPage, AuditPageKpi } from '../../contract/experience-audit'
import { formatScoreChange, metricName } from './metric-labels'

const KPIS: readonly AuditPageKpi[] = ['performance', 'accessibility', 'best-practices', 'seo']

const cell = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'body-sm', verticalAlign: 'top' })
const head = style({ textAlign: 'start', paddingY: 4, paddingEnd: 16, font: 'detail-sm', textTransform: 'uppercase' })
const pathCell = style({
  textAlign: 'start',
  paddingY: 4,
  paddingEnd: 16,
  verticalAlign: 'top',
  font: 'code-sm',
  overflowWrap: 'anywhere',
})
const changeText = style({ font: 'detail-sm', color: 'neutral-subdued', display: 'block' })

export function SlowestPagesTable({ pages, device }: { pages: readonly AuditPage[]; device: AuditDevice }) {
  if (pages.length === 0) return <Text>No page was audited.</Text>
  return (
    <table aria-label={`Slowest pages on ${device}`} className={style({ borderCollapse: 'collapse', width: 'full' })}>
      <thead>
        <tr>
          <th scope="col" className={head}>
            Page
          </th>
          {KPIS.map((k) => (
            <th key={k} scope="col" className={head}>
              {metricName(k)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {pages.map((p) => (
          <tr key={p.path}>
            <th scope="row" className={pathCell}>
              {p.path}
            </th>
            {KPIS.map((k) => (
              <td key={k} className={cell}>
                {p.scores[k]}
                <span className={changeText}>{formatScoreChange(p.change[k])}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function SlowestPagesBody({ step }: { step: StepState }) {
  const [device, setDevice] = useState<AuditDevice>('mobile')
  const results = useQuery(experienceAuditQueries.results(step))
  if (results.isPending) return <LoadingState what="audit results" />
  if (results.isError) return <ErrorState what="the audit results" error={results.error} onRetry={() => void results.refetch()} />
  return (
    <div className={style({ display: 'flex', flexDirection: 'column', gap: 12 })}>
      <SegmentedControl
        aria-label="Devices"
        selectedKey={device}
        onSelectionChange={(key) => setDevice(key === 'desktop' ? 'desktop' : 'mobile')}
      >
        <SegmentedControlItem id="mobile">Mobile</SegmentedControlItem>
        <SegmentedControlItem id="desktop">Desktop</SegmentedControlItem>
      </SegmentedControl>
      <Text>
        The pages with the lowest performance scores on {device}, lowest first, and the change since the previous audit.
      </Text>
      <SlowestPagesTable pages={results.data.slowestPages[device]} device={device} />
    </div>
  )
}

/** The View slowest pages button of a finished Experience Audit step and its dialog. */
export function SlowestPagesDialog({ step }: { step: StepState }) {
  return (
    <DialogTrigger>
      <Button variant="secondary">View slowest pages</Button>
      <Dialog size="L">
        {({ close }) => (
          <>
            <Heading slot="title">Slowest 5 pages</Heading>
            <Content>
              <SlowestPagesBody step={step} />
            </Content>
            <ButtonGroup>
              <Button variant="accent" onPress={close}>
                Close
              </Button>
            </ButtonGroup>
          </>
        )}
      </Dialog>
    </DialogTrigger>
  )
}
