/**
 * The Managed Services (AMS) options of the Add / Edit Pipeline dialogs (spec §C.3–§C.7): where
 * they differ from Cloud Service, which flavour a program is, and their client-side checks. The
 * flavour always comes from the program's `type`, never from a switch of the console.
 */
import type { AssetsTestFile, CseOversight, DispatcherPath, Program, SitesPageSet } from '../../../contract/resources'

export type { AssetsTestFile, DispatcherPath }

export const MAX_DISPATCHER_PATHS = 100

export type Flavour = 'cs' | 'ams'

export const flavourOf = (program: Pick<Program, 'type'> | undefined): Flavour =>
  program?.type === 'aem_managed_services' ? 'ams' : 'cs'

export type PageSet = SitesPageSet

export const PAGE_SETS: ReadonlyArray<{ id: PageSet; label: string }> = [
  { id: 'POPULAR', label: 'Popular Live Pages' },
  { id: 'OTHER', label: 'Other Live Pages' },
  { id: 'NEW', label: 'New Pages' },
]

export type CseChoice = CseOversight

/** What the AMS dialogs add to the common form. */
export interface AmsOptions {
  /** Approve after Stage Deployment: an approval right after the stage deploy, before testing. */
  approveAfterStage: boolean
  /** Skip Load Balancer changes: dispatchers stay attached while deploying. */
  skipLoadBalancer: boolean
  /** Dispatcher paths of the environment before production (stage, or a dev/stage target). */
  lowerPaths: DispatcherPath[]
  /** Dispatcher paths of production. */
  prodPaths: DispatcherPath[]
  goLiveApproval: boolean
  cseOversight: boolean
  cse: CseChoice
  /** Sites performance test page sets; traffic is split equally among them. */
  pageSets: PageSet[]
  /** Assets performance test: share of images in percent; PDFs take the rest. */
  imagesPercent: number
  /** Assets performance test: custom test files (names only), uploaded instead of the default assets. */
  testFiles: AssetsTestFile[]
}

export const emptyAmsOptions = (): AmsOptions => ({
  approveAfterStage: false,
  skipLoadBalancer: false,
  lowerPaths: [],
  prodPaths: [],
  goLiveApproval: false,
  cseOversight: false,
  cse: 'ANY_CSE',
  pageSets: ['POPULAR', 'OTHER', 'NEW'],
  imagesPercent: 70,
  testFiles: [],
})

export function validateDispatcherPath(path: string, existing: readonly DispatcherPath[]): string | undefined {
  if (!path.startsWith('/')) return 'A dispatcher path must start with "/".'
  if (/\s/.test(path)) return 'A dispatcher path may not contain spaces.'
  if (existing.some((p) => p.path === path)) return 'Each path may be listed once.'
  if (existing.length >= MAX_DISPATCHER_PATHS) return `Add at most ${MAX_DISPATCHER_PATHS} paths per environment.`
  return undefined
}

/** The share of traffic each enabled page set gets: 3 → 33%, 2 → 50%, 1 → 100%. */
export function pageSetShare(enabled: number): number {
  return enabled === 0 ? 0 : Math.floor(100 / enabled)
}

export function validatePageSets(sets: readonly PageSet[]): string | undefined {
  return sets.length === 0 ? 'Enable at least one page set.' : undefined
}

export function validateImagesPercent(images: number): string | undefined {
  return Number.isInteger(images) && images >= 0 && images <= 100
    ? undefined
    : 'The images share must be a whole percentage from 0 to 100.'
}

/** The server's limits for custom assets test files (checked again there; a test keeps them equal). */
export const MAX_ASSETS_TEST_FILES = 20
export const ASSETS_TEST_EXTENSIONS: Readonly<Record<AssetsTestFile['format'], readonly string[]>> = {
  PDF: ['.pdf'],
  IMAGE: ['.jpg', '.jpeg', '.png', '.gif', '.tif', '.tiff', '.webp'],
}
export const ASSETS_TEST_FORMAT_LABEL: Record<AssetsTestFile['format'], string> = { PDF: 'PDF', IMAGE: 'Image' }

/** Why a chosen file cannot be added as a test file of this format, if it cannot. */
export function validateTestFile(file: AssetsTestFile, existing: readonly AssetsTestFile[]): string | undefined {
  const name = file.fileName.toLowerCase()
  if (!ASSETS_TEST_EXTENSIONS[file.format].some((ext) => name.endsWith(ext)))
    return `"${file.fileName}" is not ${file.format === 'PDF' ? 'a PDF' : 'an image'} file: use ${ASSETS_TEST_EXTENSIONS[file.format].join(', ')}.`
  if (existing.some((f) => f.fileName.toLowerCase() === name)) return `"${file.fileName}" is already a test file.`
  if (existing.length >= MAX_ASSETS_TEST_FILES) return `Add at most ${MAX_ASSETS_TEST_FILES} test files.`
  return undefined
}

/** Saved test files cannot be removed while editing (spec §C.3); the ones added in this dialog can. */
export const isSavedTestFile = (file: AssetsTestFile, saved: readonly AssetsTestFile[]) =>
  saved.some((s) => s.format === file.format && s.fileName === file.fileName)
