import { paths } from '../config/paths'

/**
 * The program's pages, in navigation order; `label` is also the breadcrumb. `amsOnly` pages are
 * offered on Managed Services programs only (spec §A.2: "AMS also shows Audit").
 */
export const PROGRAM_SECTIONS = [
  { key: 'overview', label: 'Overview', href: paths.overview.getHref, amsOnly: false },
  { key: 'pipelines', label: 'Pipelines', href: paths.pipelines.getHref, amsOnly: false },
  { key: 'environments', label: 'Environments', href: paths.environments.getHref, amsOnly: false },
  { key: 'activity', label: 'Activity', href: paths.activity.getHref, amsOnly: false },
  { key: 'audit', label: 'Audit', href: paths.audit.getHref, amsOnly: true },
] as const

export type ProgramSectionKey = (typeof PROGRAM_SECTIONS)[number]['key']

export function sectionOf(pathname: string): (typeof PROGRAM_SECTIONS)[number] | undefined {
  const parts = pathname.split('/').filter(Boolean)
  // An environment's details page (`…/environment/:id`) belongs to Environments.
  const last = parts.at(-2) === 'environment' ? 'environments' : parts.at(-1)
  return PROGRAM_SECTIONS.find((s) => s.key === last)
}
