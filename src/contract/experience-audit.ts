/**
 * The Experience Audit step's results file (artifact type `CONTENT_AUDIT_RESULTS`, spec §D.6):
 * the summary scores (the step's metrics), every audited page's Lighthouse scores on mobile and
 * desktop with the change against the previous audit, and the slowest pages of each device.
 */
import type { Metric } from './executions'

export type AuditDevice = 'mobile' | 'desktop'
export type AuditPageKpi = 'performance' | 'accessibility' | 'best-practices' | 'seo'

export interface AuditPage {
  /** The page's path, relative to the site (e.g. `/content/site/en.html`). */
  path: string
  device: AuditDevice
  /** Whole numbers from 0 to 100. */
  scores: Record<AuditPageKpi, number>
  /** Against the pipeline's previous audit of the same page and device; `null` when there is none (N/A). */
  change: Record<AuditPageKpi, number | null>
}

export interface ExperienceAuditResults {
  metrics: Metric[]
  pages: AuditPage[]
  /** Up to five pages per device with the lowest performance score, lowest first. */
  slowestPages: Record<AuditDevice, AuditPage[]>
}
