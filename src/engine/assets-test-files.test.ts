/**
 * [AMS] Custom test files of the Assets performance test (spec §C.3, Stage Testing tab): which
 * lists are accepted, that an edit cannot remove a saved file, and what the `assetsTest` step uploads.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SYSTEM_ACTOR } from './actors'
import { ASSETS_TEST_EXTENSIONS, MAX_ASSETS_TEST_FILES } from './assets-test-files'
import { Engine } from './engine'
import { DomainError } from './errors'
import { startExecution } from './executions'
import { amsFixture } from './executions/ams-fixtures'
import { DM, freshFixture, settle } from './executions/fixtures'
import { stepLog } from './logs'
import type { AssetsTestFile } from './model'
import { CURRENT_STATE_VERSION, parseState } from './snapshot'

const pdf = (fileName: string): AssetsTestFile => ({ format: 'PDF', fileName })
const image = (fileName: string): AssetsTestFile => ({ format: 'IMAGE', fileName })

function fieldErrors(fn: () => unknown): Array<[string, string]> {
  try {
    fn()
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors.map((e) => [e.field, e.message])
    throw error
  }
  throw new Error('expected the call to be refused')
}

describe('which test files a pipeline accepts', () => {
  it('a coupled AMS pipeline stores PDFs and images with fitting extensions, in the order given', () => {
    const files = [pdf('brochure.pdf'), image('hero.JPG'), image('banner.png'), pdf('Manual.PDF')]
    const p = amsFixture().coupled({ stageTesting: { assetsTestFiles: files } })
    expect(p.stageTesting.assetsTestFiles).toEqual(files)
  })

  it('refuses a name whose extension does not fit its format, naming the file and the accepted extensions', () => {
    const errors = fieldErrors(() =>
      amsFixture().coupled({ stageTesting: { assetsTestFiles: [pdf('photo.png'), image('report.pdf'), pdf('ok.pdf')] } }),
    )
    expect(errors).toEqual([
      ['stageTesting.assetsTestFiles[0].fileName', '"photo.png" is not a PDF file: use .pdf.'],
      ['stageTesting.assetsTestFiles[1].fileName', expect.stringMatching(/^"report.pdf" is not an image file: use \.jpg/)],
    ])
  })

  it('refuses an empty name, a folder in the name and the same name twice (whatever its case)', () => {
    const errors = fieldErrors(() =>
      amsFixture().coupled({
        stageTesting: { assetsTestFiles: [pdf(' '), pdf('docs/a.pdf'), pdf('a.pdf'), pdf('A.pdf')] },
      }),
    )
    expect(errors.map(([field]) => field)).toEqual([
      'stageTesting.assetsTestFiles[0].fileName',
      'stageTesting.assetsTestFiles[1].fileName',
      'stageTesting.assetsTestFiles[3].fileName',
    ])
    expect(errors[2]?.[1]).toBe('"A.pdf" is already a test file of this pipeline.')
    expect(fieldErrors(() => amsFixture().coupled({ stageTesting: { assetsTestFiles: [pdf('a\u0007b.pdf')] } }))).toEqual([
      ['stageTesting.assetsTestFiles[0].fileName', 'Give the file name only, without a folder or control characters.'],
    ])
  })

  it(`accepts up to ${MAX_ASSETS_TEST_FILES} files and refuses one more`, () => {
    const files = (n: number) => Array.from({ length: n }, (_, i) => image(`asset-${i}.png`))
    expect(
      amsFixture().coupled({ stageTesting: { assetsTestFiles: files(MAX_ASSETS_TEST_FILES) } }).stageTesting.assetsTestFiles,
    ).toHaveLength(MAX_ASSETS_TEST_FILES)
    expect(
      fieldErrors(() => amsFixture().coupled({ stageTesting: { assetsTestFiles: files(MAX_ASSETS_TEST_FILES + 1) } })),
    ).toEqual([['stageTesting.assetsTestFiles', `Add at most ${MAX_ASSETS_TEST_FILES} test files.`]])
  })

  it("any name ending in one of its format's extensions is accepted; any other extension is refused", () => {
    const extensions = [...ASSETS_TEST_EXTENSIONS.PDF, ...ASSETS_TEST_EXTENSIONS.IMAGE, '.doc', '.txt', '.svg', '']
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        fc.constantFrom(...extensions),
        fc.constantFrom<'PDF' | 'IMAGE'>('PDF', 'IMAGE'),
        (stem, ext, format) => {
          const fits = ASSETS_TEST_EXTENSIONS[format].includes(ext)
          const attempt = () =>
            amsFixture().stageOnly({ stageTesting: { assetsTestFiles: [{ format, fileName: `${stem}${ext}` }] } })
          if (fits) expect(attempt().stageTesting.assetsTestFiles).toHaveLength(1)
          else expect(fieldErrors(attempt)[0]?.[0]).toBe('stageTesting.assetsTestFiles[0].fileName')
        },
      ),
      { numRuns: 40 },
    )
  })

  it('a pipeline without an Assets performance test takes no test files: Sites-only programs, development deployments', () => {
    const sitesOnly = amsFixture()
    sitesOnly.program.solutions = ['sites']
    expect(fieldErrors(() => sitesOnly.coupled({ stageTesting: { assetsTestFiles: [pdf('a.pdf')] } }))).toEqual([
      ['stageTesting.assetsTestFiles', 'This pipeline runs no Assets performance test, so it takes no test files.'],
    ])
    const f = amsFixture()
    const dev = () =>
      f.add({
        name: 'Dev',
        category: 'nonProduction',
        nonProdKind: 'deployment',
        repositoryId: f.repoId,
        branch: 'main',
        environmentIds: [f.devId],
        stageTesting: { assetsTestFiles: [pdf('a.pdf')] },
      })
    expect(fieldErrors(dev)[0]?.[0]).toBe('stageTesting.assetsTestFiles')
  })

  it('a Cloud Service pipeline refuses them as an AMS option', () => {
    expect(fieldErrors(() => freshFixture().coupled({ stageTesting: { assetsTestFiles: [pdf('a.pdf')] } }))).toContainEqual([
      'stageTesting.assetsTestFiles',
      'Uploading custom assets test files is an AMS option; Cloud Service programs do not offer it.',
    ])
  })
})

describe('editing keeps the uploaded files', () => {
  it('an edit may add test files, keeping the saved ones', () => {
    const f = amsFixture()
    const p = f.coupled({ stageTesting: { assetsTestFiles: [pdf('a.pdf')] } })
    const edited = f.engine.updatePipeline(DM, f.programId, p.id, {
      stageTesting: { assetsTestFiles: [pdf('a.pdf'), image('b.png')] },
    })
    expect(edited.stageTesting.assetsTestFiles).toEqual([pdf('a.pdf'), image('b.png')])
  })

  it('an edit that leaves out a saved file is refused, naming it, and nothing changes', () => {
    const f = amsFixture()
    const p = f.coupled({ stageTesting: { assetsTestFiles: [pdf('a.pdf'), image('b.png')] } })
    const errors = fieldErrors(() =>
      f.engine.updatePipeline(DM, f.programId, p.id, { name: 'Renamed', stageTesting: { assetsTestFiles: [image('b.png')] } }),
    )
    expect(errors).toEqual([
      ['stageTesting.assetsTestFiles', '"a.pdf" was uploaded with the pipeline and cannot be removed while editing it.'],
    ])
    expect(p.name).toBe('AMS Production')
    expect(p.stageTesting.assetsTestFiles).toEqual([pdf('a.pdf'), image('b.png')])
  })

  it("changing a saved file's format counts as removing it", () => {
    const f = amsFixture()
    const p = f.coupled({ stageTesting: { assetsTestFiles: [image('scan.png')] } })
    expect(
      fieldErrors(() => f.engine.updatePipeline(DM, f.programId, p.id, { stageTesting: { assetsTestFiles: [pdf('scan.png')] } })),
    ).toContainEqual(['stageTesting.assetsTestFiles', expect.stringContaining('"scan.png" was uploaded')])
  })

  it('an edit that does not mention the files keeps them', () => {
    const f = amsFixture()
    const p = f.coupled({ stageTesting: { assetsTestFiles: [pdf('a.pdf')] } })
    expect(f.engine.updatePipeline(DM, f.programId, p.id, { name: 'Renamed' }).stageTesting.assetsTestFiles).toEqual([
      pdf('a.pdf'),
    ])
  })
})

describe('what the Assets performance test uploads', () => {
  const assetsStep = (f: ReturnType<typeof amsFixture>, files: AssetsTestFile[]) => {
    const p = f.coupled({ stageTesting: { assetsTestFiles: files } })
    const run = startExecution(f.engine.ctx, SYSTEM_ACTOR, f.programId, p.id)
    settle(f.engine, run)
    return { p, run, step: run.steps.find((s) => s.action === 'assetsTest')! }
  }

  it('the uploaded files, named in its log in order, instead of the default assets', () => {
    const f = amsFixture()
    const { run, step } = assetsStep(f, [pdf('brochure.pdf'), image('hero.jpg')])
    expect(run.status).toBe('FINISHED')
    expect(step.testAssets).toEqual([pdf('brochure.pdf'), image('hero.jpg')])
    const log = stepLog(f.engine.ctx, run, step)!
    expect(log).toContain('Using 2 uploaded test files instead of the default assets:')
    expect(log).toMatch(/PDF: brochure\.pdf[\s\S]*Image: hero\.jpg[\s\S]*Uploaded brochure\.pdf[\s\S]*Uploaded hero\.jpg/)
    expect(log).not.toContain('default assets\n')
  })

  it('the default assets when the pipeline has no test files', () => {
    const f = amsFixture()
    const { run, step } = assetsStep(f, [])
    expect(step.testAssets).toEqual([])
    expect(stepLog(f.engine.ctx, run, step)).toContain('No custom test files were uploaded: using the default assets')
  })

  it("the files saved when the step started: a later edit does not change a finished run's result or log", () => {
    const f = amsFixture()
    const { p, run, step } = assetsStep(f, [pdf('a.pdf')])
    const before = stepLog(f.engine.ctx, run, step)
    f.engine.updatePipeline(DM, f.programId, p.id, { stageTesting: { assetsTestFiles: [pdf('a.pdf'), pdf('b.pdf')] } })
    expect(step.testAssets).toEqual([pdf('a.pdf')])
    expect(stepLog(f.engine.ctx, run, step)).toBe(before)
  })

  it('the same seed and commands give the same log', () => {
    const logs = [1, 2].map(() => {
      const f = amsFixture(7)
      const { run, step } = assetsStep(f, [image('x.png')])
      return stepLog(f.engine.ctx, run, step)
    })
    expect(logs[0]).toBe(logs[1])
  })
})

describe('snapshots', () => {
  it('keep the test files through export and import', () => {
    const f = amsFixture()
    f.coupled({ stageTesting: { assetsTestFiles: [pdf('a.pdf')] } })
    const text = f.engine.exportState()
    expect(new Engine(parseState(JSON.parse(text))).exportState()).toBe(text)
  })

  it('a version-2 snapshot is migrated: its pipelines have no test files and use the default assets', () => {
    const state = JSON.parse(Engine.create('demo').exportState())
    state.version = 2
    for (const p of state.pipelines) delete p.stageTesting.assetsTestFiles
    const migrated = parseState(state)
    expect(migrated.version).toBe(CURRENT_STATE_VERSION)
    expect(migrated.pipelines.every((p) => p.stageTesting.assetsTestFiles.length === 0)).toBe(true)
  })

  it('refuses a stored test file of an unknown format, naming the field', () => {
    const f = amsFixture()
    f.coupled({ stageTesting: { assetsTestFiles: [pdf('a.pdf')] } })
    const state = JSON.parse(f.engine.exportState())
    state.pipelines[0].stageTesting.assetsTestFiles[0].format = 'WORD'
    expect(() => parseState(state)).toThrow(/assetsTestFiles/)
  })
})
