/**
 * AMS deploys (spec §D.9). Dispatchers sit behind a load balancer: unless the pipeline skips
 * load balancer changes, a dispatcher is detached before its publish instance is deployed and
 * put back after, and the configured dispatcher paths are flushed or invalidated.
 * - Development and stage: every dispatcher is detached at once, packages go to author and all
 *   publishers, the Dispatcher configuration is applied, the paths flushed, the dispatchers re-attached.
 * - Production rolls: author first, then one publish/dispatcher pair at a time.
 */
import type { DeployActivity, DispatcherPath, EnvironmentType } from '../model'

interface Planned {
  stepAction: string
  instanceId: string
  description: string
}

function pathWork(paths: readonly DispatcherPath[], dispatcher: string): Planned[] {
  const flush = paths.filter((p) => p.type === 'FLUSH').map((p) => p.path)
  const invalidate = paths.filter((p) => p.type === 'INVALIDATE').map((p) => p.path)
  const out: Planned[] = []
  if (flush.length > 0)
    out.push({
      stepAction: 'flush-dispatcher-cache',
      instanceId: dispatcher,
      description: `Flush ${flush.join(', ')} on ${dispatcher}`,
    })
  if (invalidate.length > 0) {
    out.push({
      stepAction: 'invalidate-dispatcher-cache',
      instanceId: dispatcher,
      description: `Invalidate ${invalidate.join(', ')} on ${dispatcher}`,
    })
  }
  return out
}

const detach = (d: string): Planned => ({
  stepAction: 'manage-elb-links-detach',
  instanceId: d,
  description: `Detach ${d} from the load balancer`,
})
const attach = (d: string): Planned => ({
  stepAction: 'manage-elb-links-attach',
  instanceId: d,
  description: `Put ${d} back into the load balancer`,
})

/** The activities of an AMS deploy to an environment with `pairs` publish/dispatcher pairs. */
export function planAmsDeploy(
  envType: EnvironmentType | undefined,
  pairs: number,
  paths: readonly DispatcherPath[],
  skipDetachingDispatchers: boolean,
): DeployActivity[] {
  const n = Math.max(1, pairs)
  const index = Array.from({ length: n }, (_, i) => i + 1)
  const plan: Planned[] = []
  if (envType === 'prod') {
    plan.push({ stepAction: 'install-client-packages', instanceId: 'author1', description: 'Deploy AEM packages to author1' })
    for (const i of index) {
      const d = `dispatcher${i}`
      if (!skipDetachingDispatchers) plan.push(detach(d))
      plan.push({
        stepAction: 'install-client-packages',
        instanceId: `publish${i}`,
        description: `Deploy AEM packages to publish${i} and the Dispatcher configuration to ${d}`,
      })
      const work = pathWork(paths, d)
      plan.push(
        ...(work.length > 0
          ? work
          : [{ stepAction: 'flush-dispatcher-cache', instanceId: d, description: `Flush the Dispatcher cache of ${d}` }]),
      )
      if (!skipDetachingDispatchers) plan.push(attach(d))
    }
  } else {
    plan.push({ stepAction: 'detect-artifact-types', instanceId: 'author1', description: 'Detect the artifact types to deploy' })
    if (!skipDetachingDispatchers) for (const i of index) plan.push(detach(`dispatcher${i}`))
    plan.push({ stepAction: 'install-client-packages', instanceId: 'author1', description: 'Install AEM packages on author1' })
    for (const i of index)
      plan.push({
        stepAction: 'install-client-packages',
        instanceId: `publish${i}`,
        description: `Install AEM packages on publish${i}`,
      })
    for (const i of index) {
      plan.push({
        stepAction: 'deploy-dispatcher-configuration',
        instanceId: `dispatcher${i}`,
        description: `Apply the Dispatcher configuration on dispatcher${i} (backup, extract, Apache configuration test, reload)`,
      })
    }
    for (const i of index) plan.push(...pathWork(paths, `dispatcher${i}`))
    if (!skipDetachingDispatchers) for (const i of index) plan.push(attach(`dispatcher${i}`))
  }
  return plan.map((p, i) => ({
    id: i + 1,
    description: p.description,
    status: 'NOT_STARTED',
    command: { stepAction: p.stepAction, instanceId: p.instanceId },
  }))
}

const WEIGHTS: Readonly<Record<string, number>> = {
  'install-client-packages': 10,
  'deploy-dispatcher-configuration': 4,
  'detect-artifact-types': 1,
  'flush-dispatcher-cache': 2,
  'invalidate-dispatcher-cache': 2,
  'manage-elb-links-detach': 1,
  'manage-elb-links-attach': 1,
}

const weightOf = (a: DeployActivity) => WEIGHTS[a.command?.stepAction ?? ''] ?? 1

/** How long AMS activity `id` takes when the whole deploy takes `totalMs`: its share by kind of work. */
export function amsActivityDuration(activities: readonly DeployActivity[], id: number, totalMs: number): number {
  const total = activities.reduce((sum, a) => sum + weightOf(a), 0)
  const activity = activities[id - 1]
  if (!activity || total === 0) return 1
  return Math.max(1, Math.round((totalMs * weightOf(activity)) / total))
}
