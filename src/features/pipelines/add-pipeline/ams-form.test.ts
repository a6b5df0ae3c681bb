import { describe, expect, test } from 'vitest'
import type { Environment } from '../../../contract/resources'
import * as engineRules from '../../../engine/assets-test-files'
import {
  ASSETS_TEST_EXTENSIONS,
  flavourOf,
  isSavedTestFile,
  MAX_ASSETS_TEST_FILES,
  pageSetShare,
  validateDispatcherPath,
  validateImagesPercent,
  validatePageSets,
  validateTestFile,
} from './ams-form'
import {
  emptyForm,
  fieldOfServerError,
  type PipelineForm,
  tabsOf,
  testingTabTitle,
  toCreateBody,
  validateTab,
} from './pipeline-form'

const env = (id: string, type: Environment['type']): Environment => ({
  id,
  programId: '5',
  name: `ams-${type}`,
  description: '',
  type,
  status: 'ready',
  region: 'va7',
  availableLogOptions: [],
  _links: {},
})
const ENVS = [env('1', 'dev'), env('2', 'stage'), env('3', 'prod')]

const form = (patch: Partial<PipelineForm> = {}): PipelineForm => ({
  ...emptyForm(),
  name: 'Release',
  repositoryId: 'r1',
  branch: 'main',
  ...patch,
})

describe('the flavour comes from the program type', () => {
  test('aem_managed_services is AMS; Cloud Service and an unknown program are CS', () => {
    expect(flavourOf({ type: 'aem_managed_services' })).toBe('ams')
    expect(flavourOf({ type: 'aem_cloud_service' })).toBe('cs')
    expect(flavourOf(undefined)).toBe('cs')
  })
})

describe('an AMS production pipeline', () => {
  const ams = {
    ...emptyForm().ams,
    approveAfterStage: true,
    skipLoadBalancer: true,
    lowerPaths: [{ path: '/content/site', type: 'INVALIDATE' as const }],
    prodPaths: [{ path: '/content', type: 'FLUSH' as const }],
    goLiveApproval: true,
    cseOversight: true,
    cse: 'MY_CSE' as const,
    pageSets: ['POPULAR' as const, 'NEW' as const],
    imagesPercent: 60,
    testFiles: [{ format: 'PDF' as const, fileName: 'brochure.pdf' }],
  }

  test('sends its AMS options in the shapes of spec §C and turns every CS-only option off', () => {
    const body = toCreateBody(
      'production',
      form({ ams, pauseBeforeProd: true, buildStrategy: 'SMART', scheduled: true }),
      ENVS,
      'ams',
    )
    expect(body.productionOptions).toEqual({
      pauseBeforeProd: false,
      scheduled: true,
      goLiveApproval: true,
      cseOversight: 'MY_CSE',
    })
    expect(body.approveAfterStageDeployment).toBe(true)
    expect(body.skipDetachingDispatchers).toBe(true)
    expect(body.dispatcherPaths).toEqual({ stage: ams.lowerPaths, prod: ams.prodPaths })
    expect(body.buildStrategy).toBe('FULL')
    expect(body.stageTesting).toEqual({
      productFunctional: false,
      customFunctional: false,
      customUi: false,
      experienceAudit: false,
      experienceAuditPaths: [],
      sitesPageSets: ['POPULAR', 'NEW'],
      assetsSplit: { images: 60, pdfs: 40 },
      assetsTestFiles: [{ format: 'PDF', fileName: 'brochure.pdf' }],
    })
    expect(body.environmentIds).toEqual(['2', '3'])
  })

  test('without CSE oversight sends cseOversight null', () => {
    const body = toCreateBody('production', form({ ams: { ...ams, cseOversight: false } }), ENVS, 'ams')
    expect(body.productionOptions?.cseOversight).toBeNull()
  })

  test('has a Stage Testing tab, and a page set and a whole images share are required there', () => {
    expect(tabsOf('production', form(), ENVS, 'ams')).toEqual(['configuration', 'source', 'testing'])
    expect(testingTabTitle(false, 'ams')).toBe('Stage Testing')
    expect(testingTabTitle(false, 'cs')).toBe('Experience Audit')
    const none = form({ ams: { ...ams, pageSets: [], imagesPercent: 101 } })
    expect(validateTab('testing', 'production', none, ['main'], 'ams')).toEqual({
      pageSets: 'Enable at least one page set.',
      assetsSplit: 'The images share must be a whole percentage from 0 to 100.',
    })
    expect(validateTab('testing', 'production', form({ ams }), ['main'], 'ams')).toEqual({})
  })
})

describe('a CS pipeline', () => {
  test('sends none of the AMS options', () => {
    const body = toCreateBody('production', form({ pauseBeforeProd: true }), ENVS, 'cs')
    expect(body.productionOptions).toEqual({ pauseBeforeProd: true, scheduled: false })
    for (const key of ['approveAfterStageDeployment', 'skipDetachingDispatchers', 'dispatcherPaths'] as const) {
      expect(body).not.toHaveProperty(key)
    }
    expect(body.stageTesting).not.toHaveProperty('sitesPageSets')
  })
})

describe('AMS non-production and production only pipelines', () => {
  test('a development deployment keeps its dispatcher paths under dev and has no testing tab', () => {
    const f = form({
      nonProdKind: 'deployment',
      environmentId: '1',
      ams: { ...emptyForm().ams, lowerPaths: [{ path: '/a', type: 'FLUSH' }] },
    })
    const body = toCreateBody('nonProduction', f, ENVS, 'ams')
    expect(body.category).toBe('nonProduction')
    expect(body.dispatcherPaths).toEqual({ dev: [{ path: '/a', type: 'FLUSH' }] })
    expect(body.stageTesting?.productFunctional).toBe(false)
    expect(tabsOf('nonProduction', f, ENVS, 'ams')).toEqual(['configuration', 'source'])
  })

  test('a stage-only pipeline is manual only (spec §C.5), said on its environment', () => {
    const f = form({ nonProdKind: 'deployment', environmentId: '2', trigger: 'ON_COMMIT' })
    expect(validateTab('source', 'nonProduction', f, ['main'], 'ams', ENVS).environment).toMatch(/runs manually/)
    expect(validateTab('source', 'nonProduction', f, ['main'], 'cs', ENVS).environment).toBeUndefined()
    expect(validateTab('source', 'nonProduction', { ...f, trigger: 'MANUAL' }, ['main'], 'ams', ENVS)).toEqual({})
    expect(toCreateBody('nonProduction', { ...f, trigger: 'MANUAL' }, ENVS, 'ams').category).toBe('stageOnly')
  })

  test('a code quality pipeline gets no deployment options', () => {
    const body = toCreateBody('nonProduction', form({ nonProdKind: 'codeQuality' }), ENVS, 'ams')
    expect(body).not.toHaveProperty('dispatcherPaths')
    expect(body).not.toHaveProperty('skipDetachingDispatchers')
  })

  test('a production only pipeline sends Go Live Approval, Scheduled, CSE oversight and the production paths', () => {
    const f = form({
      scheduled: true,
      ams: { ...emptyForm().ams, goLiveApproval: true, prodPaths: [{ path: '/p', type: 'INVALIDATE' }] },
    })
    const body = toCreateBody('prodOnly', f, ENVS, 'ams')
    expect(body.productionOptions).toEqual({ pauseBeforeProd: false, scheduled: true, goLiveApproval: true, cseOversight: null })
    expect(body.dispatcherPaths).toEqual({ prod: [{ path: '/p', type: 'INVALIDATE' }] })
    expect(body).not.toHaveProperty('skipDetachingDispatchers')
  })
})

describe('dispatcher paths and stage testing settings', () => {
  test('a path starts with "/", has no spaces, is listed once, and at most 100 per environment', () => {
    expect(validateDispatcherPath('content', [])).toBe('A dispatcher path must start with "/".')
    expect(validateDispatcherPath('/a b', [])).toBe('A dispatcher path may not contain spaces.')
    expect(validateDispatcherPath('/a', [{ path: '/a', type: 'FLUSH' }])).toBe('Each path may be listed once.')
    const hundred = Array.from({ length: 100 }, (_, i) => ({ path: `/p${i}`, type: 'FLUSH' as const }))
    expect(validateDispatcherPath('/new', hundred)).toBe('Add at most 100 paths per environment.')
    expect(validateDispatcherPath('/new', hundred.slice(1))).toBeUndefined()
  })

  test('traffic splits equally among the enabled page sets; none is refused', () => {
    expect([3, 2, 1, 0].map(pageSetShare)).toEqual([33, 50, 100, 0])
    expect(validatePageSets([])).toBe('Enable at least one page set.')
    expect(validatePageSets(['OTHER'])).toBeUndefined()
    expect(validateImagesPercent(70)).toBeUndefined()
    expect(validateImagesPercent(-1)).toBeDefined()
    expect(validateImagesPercent(12.5)).toBeDefined()
  })

  test("the server's field errors land on the AMS fields", () => {
    expect(fieldOfServerError('dispatcherPaths.prod[3].path')).toBe('dispatcherProd')
    expect(fieldOfServerError('dispatcherPaths.stage')).toBe('dispatcherLower')
    expect(fieldOfServerError('dispatcherPaths.dev[0].type')).toBe('dispatcherLower')
    expect(fieldOfServerError('productionOptions.cseOversight')).toBe('cse')
    expect(fieldOfServerError('stageTesting.sitesPageSets')).toBe('pageSets')
    expect(fieldOfServerError('stageTesting.assetsSplit.images')).toBe('assetsSplit')
  })
})

describe('custom assets test files (checked before the server checks them again)', () => {
  test("the dialog uses the server's limits and extensions", () => {
    expect(MAX_ASSETS_TEST_FILES).toBe(engineRules.MAX_ASSETS_TEST_FILES)
    expect(ASSETS_TEST_EXTENSIONS).toEqual(engineRules.ASSETS_TEST_EXTENSIONS)
  })

  test('a file fits its format by extension, whatever the case; each name once; at most the limit', () => {
    expect(validateTestFile({ format: 'PDF', fileName: 'A.PDF' }, [])).toBeUndefined()
    expect(validateTestFile({ format: 'IMAGE', fileName: 'a.jpeg' }, [])).toBeUndefined()
    expect(validateTestFile({ format: 'IMAGE', fileName: 'a.pdf' }, [])).toBe(
      '"a.pdf" is not an image file: use .jpg, .jpeg, .png, .gif, .tif, .tiff, .webp.',
    )
    expect(validateTestFile({ format: 'PDF', fileName: 'a.pdf' }, [{ format: 'PDF', fileName: 'A.pdf' }])).toBe(
      '"a.pdf" is already a test file.',
    )
    const full = Array.from({ length: MAX_ASSETS_TEST_FILES }, (_, i) => ({ format: 'PDF' as const, fileName: `${i}.pdf` }))
    expect(validateTestFile({ format: 'PDF', fileName: 'new.pdf' }, full)).toBe(
      `Add at most ${MAX_ASSETS_TEST_FILES} test files.`,
    )
  })

  test('a saved file is one with the same format and name', () => {
    const saved = [{ format: 'PDF' as const, fileName: 'a.pdf' }]
    expect(isSavedTestFile({ format: 'PDF', fileName: 'a.pdf' }, saved)).toBe(true)
    expect(isSavedTestFile({ format: 'IMAGE', fileName: 'a.pdf' }, saved)).toBe(false)
  })

  test('server errors about the files land on the test files table', () => {
    expect(fieldOfServerError('stageTesting.assetsTestFiles')).toBe('testFiles')
    expect(fieldOfServerError('stageTesting.assetsTestFiles[2].fileName')).toBe('testFiles')
  })
})
