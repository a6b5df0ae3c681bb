import { Badge, LabeledValue, Link, Tab, TabList, TabPanel, Tabs } from '@react-spectrum/s2'
import { style } from '@react-spectrum/s2/style' with { type: 'macro' }
import { useQuery } from '@tanstack/react-query'
import { isApiError } from '../../api/http'
import { environmentVariableQueries } from '../../api/resources/environment-variables'
import { environmentQueries } from '../../api/resources/environments'
import { programQueries } from '../../api/resources/programs'
import { ErrorState } from '../../components/error-state'
import { formatDate, formatDateTime } from '../../components/format-date'
import { LoadingState } from '../../components/loading-state'
import { PageHeading } from '../../components/page-heading'
import { paths } from '../../config/paths'
import type { Environment } from '../../contract/resources'
import { BASE_BRANCH_LABEL, ENVIRONMENT_TYPE_LABEL, isProvisioningRequest, serviceUrls } from './environment-labels'
import { EnvironmentLock } from './environment-lock'
import { EnvironmentStatus } from './environment-status'
import { EnvironmentVariablesPanel } from './environment-variables-panel'
import { useLiveUpdates } from '../../api/use-live-updates'
import { ENVIRONMENTS_POLL_MS } from './environment-labels'

export type EnvironmentTab = 'information' | 'configuration'

export interface EnvironmentDetailsPageProps {
  programId: string
  environmentId: string
  tab: EnvironmentTab
  onTabChange: (tab: EnvironmentTab) => void
}

/** Environment details (spec §A.3): Environment Information with its URLs, and the Configuration tab (variables). */
export function EnvironmentDetailsPage({ programId, environmentId, tab, onTabChange }: EnvironmentDetailsPageProps) {
  const { live } = useLiveUpdates([
    environmentQueries.all(),
    environmentVariableQueries.all(),
    programQueries.detail(programId).queryKey,
  ])
  const environment = useQuery({
    ...environmentQueries.detail(programId, environmentId),
    refetchInterval: live ? false : ENVIRONMENTS_POLL_MS,
  })
  const back = (
    <Link href={paths.environments.getHref(programId)} variant="secondary">
      All environments
    </Link>
  )
  if (environment.isPending) {
    return (
      <>
        {back}
        <PageHeading title="Environment" />
        <LoadingState what="the environment" />
      </>
    )
  }
  if (environment.isError) {
    const missing = isApiError(environment.error) && environment.error.status === 404
    return (
      <>
        {back}
        <PageHeading title={missing ? 'Environment not found' : 'Environment'} />
        <ErrorState
          what={`environment ${environmentId}`}
          error={environment.error}
          {...(missing ? {} : { onRetry: () => void environment.refetch() })}
        />
      </>
    )
  }
  const env = environment.data
  return (
    <>
      {back}
      <PageHeading title={env.name} />
      <div className={style({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 12, marginBottom: 16 })}>
        <span className={style({ font: 'body' })}>{ENVIRONMENT_TYPE_LABEL[env.type]}</span>
        {env['x-sim']?.isAdditionalStage ? (
          <Badge variant="informative" size="S">
            Additional Staging
          </Badge>
        ) : null}
        <EnvironmentStatus environment={env} />
        <EnvironmentLock environment={env} />
      </div>
      <Tabs
        aria-label={`${env.name} details`}
        selectedKey={tab}
        onSelectionChange={(key) => onTabChange(key === 'configuration' ? 'configuration' : 'information')}
      >
        <TabList>
          <Tab id="information">Environment Information</Tab>
          <Tab id="configuration">Configuration</Tab>
        </TabList>
        <TabPanel id="information">
          <EnvironmentInformation environment={env} />
        </TabPanel>
        <TabPanel id="configuration">
          <EnvironmentVariablesPanel environment={env} />
        </TabPanel>
      </Tabs>
    </>
  )
}

const section = style({ display: 'flex', flexDirection: 'column', gap: 12, marginTop: 16 })
const heading = style({ font: 'title-lg', margin: 0 })
const grid = style({ display: 'grid', gridTemplateColumns: { default: '1fr', md: 'repeat(3, minmax(0, 1fr))' }, gap: 16 })

function EnvironmentInformation({ environment: env }: { environment: Environment }) {
  const sim = env['x-sim']
  const request = sim?.request
  const lock = sim?.lock
  const urls = serviceUrls(env)
  return (
    <>
      <section aria-labelledby="environment-information-heading" className={section}>
        <h2 id="environment-information-heading" className={heading}>
          Environment Information
        </h2>
        <div className={grid}>
          <LabeledValue label="Name" value={env.name} />
          <LabeledValue
            label="Type"
            value={ENVIRONMENT_TYPE_LABEL[env.type] + (sim?.isAdditionalStage ? ' (Additional Staging)' : '')}
          />
          <LabeledValue label="Status" value={<EnvironmentStatus environment={env} />} />
          <LabeledValue label="Region" value={env.region} />
          <LabeledValue label="Description" value={env.description || '—'} />
          <LabeledValue label="Created" value={sim?.createdAt ? formatDateTime(sim.createdAt) : '—'} />
          {request ? <LabeledValue label="Base branch" value={BASE_BRANCH_LABEL[request.baseBranch]} /> : null}
          {request ? <LabeledValue label="Requested" value={formatDate(request.requestedAt)} /> : null}
          <LabeledValue
            label="Deployment lock"
            value={lock ? `Locked by ${lock.pipelineName}: ${lock.reason}` : 'Not locked: no pipeline is deploying to it.'}
          />
        </div>
        {request && isProvisioningRequest(env) ? (
          <p className={style({ font: 'body', margin: 0 })}>
            Provisioning can take up to two weeks. The environment starts from the code and database of the{' '}
            {BASE_BRANCH_LABEL[request.baseBranch]} branch; data is not copied from Staging or Production.
          </p>
        ) : null}
      </section>
      <section aria-labelledby="environment-urls-heading" className={section}>
        <h2 id="environment-urls-heading" className={heading}>
          URLs
        </h2>
        {urls.length === 0 ? (
          <p className={style({ font: 'body', margin: 0, color: 'neutral-subdued' })}>
            The author, publish and preview URLs are available once the environment is ready.
          </p>
        ) : (
          <ul
            className={style({ listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 })}
          >
            {urls.map((u) => (
              <li key={u.service} className={style({ font: 'body' })}>
                <span className={style({ fontWeight: 'bold', display: 'inline-block', width: 80 })}>{u.label}</span>
                <Link href={u.href} target="_blank" rel="noreferrer">
                  {u.href}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
