/**
 * The rolling production deploy (spec §D.9): author first, then each publish/dispatcher pair
 * is taken out of the load balancer, deployed, flushed and put back.
 */
import type { DeployActivity } from '../model'

export type ActivityKind = 'deploy-author' | 'detach' | 'deploy-pair' | 'flush' | 'attach'

const PAIR_KINDS: readonly ActivityKind[] = ['detach', 'deploy-pair', 'flush', 'attach']
/** Share of a pair's time each of its activities takes. */
const PAIR_WEIGHTS = [0.05, 0.7, 0.1, 0.15]
const AUTHOR_SHARE = 0.2

/** What activity `id` (1-based) is, and on which pair (0 for author). */
export function activityAt(id: number): { kind: ActivityKind; pair: number } {
  if (id <= 1) return { kind: 'deploy-author', pair: 0 }
  const k = id - 2
  return { kind: PAIR_KINDS[k % 4] as ActivityKind, pair: Math.floor(k / 4) + 1 }
}

const descriptions: string[] = []

/** The activity's description; interned, since every production deploy repeats them. */
export function describeActivity(id: number): string {
  const cached = descriptions[id]
  if (cached !== undefined) return cached
  const text = writeActivity(id)
  descriptions[id] = text
  return text
}

function writeActivity(id: number): string {
  const { kind, pair } = activityAt(id)
  switch (kind) {
    case 'deploy-author':
      return 'Deploy AEM packages to author'
    case 'detach':
      return `Detach dispatcher${pair} from the load balancer`
    case 'deploy-pair':
      return `Deploy AEM packages to publish${pair} and the Dispatcher package to dispatcher${pair}`
    case 'flush':
      return `Flush the Dispatcher cache of dispatcher${pair}`
    case 'attach':
      return `Put dispatcher${pair} back into the load balancer`
  }
}

/** The API's `stepAction`/`instanceId` for an activity, as `deployCommands` lists them. */
export function activityCommand(id: number): { stepAction: string; instanceId: string } {
  const { kind, pair } = activityAt(id)
  switch (kind) {
    case 'deploy-author':
      return { stepAction: 'install-client-packages', instanceId: 'author1' }
    case 'detach':
      return { stepAction: 'manage-elb-links-detach', instanceId: `dispatcher${pair}` }
    case 'deploy-pair':
      return { stepAction: 'install-client-packages', instanceId: `publish${pair}` }
    case 'flush':
      return { stepAction: 'flush-dispatcher-cache', instanceId: `dispatcher${pair}` }
    case 'attach':
      return { stepAction: 'manage-elb-links-attach', instanceId: `dispatcher${pair}` }
  }
}

export function planActivities(pairs: number): DeployActivity[] {
  const count = 1 + 4 * Math.max(1, pairs)
  const out: DeployActivity[] = []
  for (let id = 1; id <= count; id++) out.push({ id, description: describeActivity(id), status: 'NOT_STARTED' })
  return out
}

/** How long activity `id` of `count` takes when the whole deploy takes `totalMs`. */
export function activityDuration(id: number, count: number, totalMs: number): number {
  const pairs = (count - 1) / 4
  if (id <= 1) return Math.round(totalMs * AUTHOR_SHARE)
  const pairMs = (totalMs * (1 - AUTHOR_SHARE)) / pairs
  return Math.max(1, Math.round(pairMs * (PAIR_WEIGHTS[(id - 2) % 4] as number)))
}
