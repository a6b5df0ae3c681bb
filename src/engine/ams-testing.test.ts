/** The AMS Edit dialogs' read-only Testing list (spec §C.4, §C.7): what a pipeline's steps test. */
import { describe, expect, it } from 'vitest'
import { amsTestingCategories } from './ams-testing'
import { amsFixture } from './executions/ams-fixtures'
import { freshFixture } from './executions/fixtures'

describe('the test categories an AMS pipeline runs', () => {
  it('a full-stack production pipeline on a Sites and Assets program runs static code, performance and security testing', () => {
    expect(amsTestingCategories(amsFixture().coupled())).toEqual(['STATIC_CODE', 'PERFORMANCE', 'SECURITY'])
  })

  it('a stage-only pipeline runs the same three, whatever its approval or audit options', () => {
    const p = amsFixture().stageOnly({ approveAfterStageDeployment: true, stageTesting: { experienceAudit: true } })
    expect(amsTestingCategories(p)).toEqual(['STATIC_CODE', 'PERFORMANCE', 'SECURITY'])
  })

  it('without Sites or Assets licensed there is no performance testing; security testing remains', () => {
    const f = amsFixture()
    f.program.solutions = ['forms']
    expect(amsTestingCategories(f.coupled())).toEqual(['STATIC_CODE', 'SECURITY'])
  })

  it('with Sites alone or Assets alone, performance testing still runs', () => {
    for (const solutions of [['sites'], ['assets']] as const) {
      const f = amsFixture()
      f.program.solutions = [...solutions]
      expect(amsTestingCategories(f.coupled())).toContain('PERFORMANCE')
    }
  })

  it('a development deployment and a code quality pipeline run static code testing only', () => {
    const f = amsFixture()
    const source = { repositoryId: f.repoId, branch: 'main' }
    const dev = f.add({ name: 'Dev', category: 'nonProduction', nonProdKind: 'deployment', ...source, environmentIds: [f.devId] })
    const quality = f.add({
      name: 'Quality',
      category: 'nonProduction',
      nonProdKind: 'codeQuality',
      ...source,
      environmentIds: [],
    })
    expect(amsTestingCategories(dev)).toEqual(['STATIC_CODE'])
    expect(amsTestingCategories(quality)).toEqual(['STATIC_CODE'])
  })

  it('a Web Tier Config pipeline and a production only pipeline run no tests', () => {
    expect(amsTestingCategories(amsFixture().coupled({ codeSource: 'webTierConfig' }))).toEqual([])
    const f = amsFixture()
    f.stageOnly()
    expect(amsTestingCategories(f.prodOnly())).toEqual([])
  })

  it('follows an edit: the list is read off the steps the pipeline now has', () => {
    const f = amsFixture()
    const p = f.coupled()
    f.program.solutions = ['forms']
    const edited = f.engine.updatePipeline({ roles: ['deployment-manager'], userId: 'dm' }, f.programId, p.id, {
      name: 'Renamed',
    })
    expect(amsTestingCategories(edited)).toEqual(['STATIC_CODE', 'SECURITY'])
  })

  it('a Cloud Service pipeline reads the same way (the representation shows the list on AMS only)', () => {
    expect(amsTestingCategories(freshFixture().coupled())).toEqual(['STATIC_CODE'])
  })
})
