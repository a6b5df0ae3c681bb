/**
 * How long simulated steps take (spec §D.15), in virtual ms, and how long a step may wait.
 */
import type { StepAction } from '../model'

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Every WAITING step times out after this long (spec §D.7, Cloud Service). */
export const WAIT_TIMEOUT_MS = 14 * DAY
/** AMS quality gates (code scanning, security and performance testing) and the stage approval (spec §D.7, §K.5). */
export const AMS_SHORT_WAIT_TIMEOUT_MS = 7 * DAY
/**
 * [AMS] A paused deploy: §D.7's table has no row for it; it waits as long as the other AMS waits
 * that are not production decisions (ADR 012).
 */
export const PAUSED_DEPLOY_TIMEOUT_MS = AMS_SHORT_WAIT_TIMEOUT_MS

/** Durations vary by up to ±this fraction, from the seeded random source. */
export const DURATION_JITTER = 0.1

export const STEP_DURATION_MS: Readonly<Record<StepAction, number>> = {
  validate: 5 * SECOND,
  build: 6 * MINUTE,
  codeQuality: 3 * MINUTE,
  buildImage: 4 * MINUTE,
  deploy: 8 * MINUTE,
  productTest: 6 * MINUTE,
  functionalTest: 5 * MINUTE,
  uiTest: 5 * MINUTE,
  contentAudit: 3 * MINUTE,
  securityTest: 1 * MINUTE,
  // A 30-minute test with up to 10 virtual users (spec §D.5).
  loadTest: 30 * MINUTE,
  assetsTest: 30 * MINUTE,
  reportPerformanceTest: 1 * MINUTE,
  approval: 0,
  schedule: 0,
  managed: 0,
}

export const PROD_DEPLOY_MS = 12 * MINUTE
/** A build that reuses artifacts built earlier for the same commit. */
export const REUSED_BUILD_MS = 14 * SECOND
/** Re-execution: the build step copies the original execution's artifacts. */
export const COPY_ARTIFACTS_MS = 14 * SECOND
/** Prod-only: the build step prepares the promoted stage-only artifacts. */
export const ARTIFACT_PREPARATION_MS = 9 * SECOND
