import { paths } from '../config/paths'

/** The program's pages, in navigation order; `label` is also the breadcrumb. */
export const PROGRAM_SECTIONS = [
  { key: 'overview', label: 'Overview', href: paths.overview.getHref },
  { key: 'pipelines', label: 'Pipelines', href: paths.pipelines.getHref },
  { key: 'environments', label: 'Environments', href: paths.environments.getHref },
  { key: 'activity', label: 'Activity', href: paths.activity.getHref },
] as const

export type ProgramSectionKey = (typeof PROGRAM_SECTIONS)[number]['key']

export function sectionOf(pathname: string): (typeof PROGRAM_SECTIONS)[number] | undefined {
  const parts = pathname.split('/').filter(Boolean)
  // An environment's details page (`…/environment/:id`) belongs to Environments.
  const last = parts.at(-2) === 'environment' ? 'environments' : parts.at(-1)
  return PROGRAM_SECTIONS.find((s) => s.key === last)
}
