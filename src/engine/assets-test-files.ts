/**
 * [AMS] Custom test files of the Assets performance test (spec §C.3, Stage Testing tab): images
 * and PDFs a pipeline's `assetsTest` step uploads instead of the default assets. The simulator
 * keeps each file's name and format only, never its contents.
 */
import type { FieldError } from './errors'
import type { AssetsTestFile, AssetsTestFormat } from './model'

/** The test uploads 5 assets a minute for 30 minutes; 20 distinct files are plenty to cycle through. */
export const MAX_ASSETS_TEST_FILES = 20
export const MAX_ASSETS_TEST_FILE_NAME = 255

/** File name extensions each format accepts (compared without regard to case). */
export const ASSETS_TEST_EXTENSIONS: Readonly<Record<AssetsTestFormat, readonly string[]>> = {
  PDF: ['.pdf'],
  IMAGE: ['.jpg', '.jpeg', '.png', '.gif', '.tif', '.tiff', '.webp'],
}

const FORMAT_WORD: Record<AssetsTestFormat, string> = { PDF: 'a PDF', IMAGE: 'an image' }
const FIELD = 'stageTesting.assetsTestFiles'

const hasExtension = (format: AssetsTestFormat, fileName: string) =>
  ASSETS_TEST_EXTENSIONS[format].some((ext) => fileName.toLowerCase().endsWith(ext))

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20) return true
  return false
}

/** The problem with one file name for its format, if any. */
export function assetsTestFileNameProblem(format: AssetsTestFormat, fileName: string): string | undefined {
  if (fileName.trim().length === 0) return 'Choose a file.'
  if (fileName.length > MAX_ASSETS_TEST_FILE_NAME) return `A file name may have at most ${MAX_ASSETS_TEST_FILE_NAME} characters.`
  if (/[/\\]/.test(fileName) || hasControlCharacter(fileName))
    return 'Give the file name only, without a folder or control characters.'
  if (!hasExtension(format, fileName))
    return `"${fileName}" is not ${FORMAT_WORD[format]} file: use ${ASSETS_TEST_EXTENSIONS[format].join(', ')}.`
  return undefined
}

/**
 * Every problem of a list of test files, field by field: the count, each name against its format,
 * and names listed twice. `runsAssetsTest` says whether the pipeline has an Assets performance
 * test at all (stage testing of a full-stack pipeline on a program licensing Assets).
 */
export function assetsTestFileProblems(files: readonly AssetsTestFile[], runsAssetsTest: boolean): FieldError[] {
  if (files.length === 0) return []
  if (!runsAssetsTest)
    return [
      {
        field: FIELD,
        message: 'This pipeline runs no Assets performance test, so it takes no test files.',
        invalidValue: files.length,
      },
    ]
  const errors: FieldError[] = []
  if (files.length > MAX_ASSETS_TEST_FILES)
    errors.push({ field: FIELD, message: `Add at most ${MAX_ASSETS_TEST_FILES} test files.`, invalidValue: files.length })
  const seen = new Set<string>()
  files.forEach((file, i) => {
    const problem = assetsTestFileNameProblem(file.format, file.fileName)
    if (problem) errors.push({ field: `${FIELD}[${i}].fileName`, message: problem, invalidValue: file.fileName })
    else if (seen.has(file.fileName.toLowerCase()))
      errors.push({
        field: `${FIELD}[${i}].fileName`,
        message: `"${file.fileName}" is already a test file of this pipeline.`,
        invalidValue: file.fileName,
      })
    seen.add(file.fileName.toLowerCase())
  })
  return errors
}

const sameFile = (a: AssetsTestFile, b: AssetsTestFile) => a.format === b.format && a.fileName === b.fileName

/**
 * An edit may add test files but not remove one saved with the pipeline (spec §C.3: removing an
 * uploaded asset during edit shows an error). The saved files an edit leaves out are refused in
 * one field error (a problem keys its errors by field), naming each.
 */
export function removedAssetsTestFileProblems(saved: readonly AssetsTestFile[], edited: readonly AssetsTestFile[]): FieldError[] {
  const removed = saved.filter((file) => !edited.some((e) => sameFile(e, file))).map((f) => `"${f.fileName}"`)
  if (removed.length === 0) return []
  const names = removed.length === 1 ? `${removed[0]} was` : `${removed.slice(0, -1).join(', ')} and ${removed.at(-1)} were`
  return [
    {
      field: FIELD,
      message: `${names} uploaded with the pipeline and cannot be removed while editing it.`,
      invalidValue: removed.length,
    },
  ]
}

/** What an `assetsTest` step uploads: the pipeline's test files, or the default assets when it has none. */
export function testAssetsOf(files: readonly AssetsTestFile[]): AssetsTestFile[] {
  return files.map((f) => ({ format: f.format, fileName: f.fileName }))
}
