import { describe, expect, it } from 'vitest'
import { Engine } from './engine'
import { DomainError } from './errors'
import { isFavoriteOf, setFavorite } from './favorites'
import type { Actor, Role } from './model'

const as = (...roles: Role[]): Actor => ({ roles, userId: `${roles.join('+')}@AdobeID` })

function fresh() {
  const engine = Engine.create('fresh-program')
  const program = engine.listPrograms()[0]!
  const repo = engine.repositories(program.id)[0]!
  const pipeline = engine.createPipeline(as('deployment-manager'), program.id, {
    name: 'Quality',
    category: 'nonProduction',
    nonProdKind: 'codeQuality',
    repositoryId: repo.id,
    branch: 'main',
  })
  return { engine, programId: program.id, pipeline }
}

describe('favourites', () => {
  it('are per role: starring for one role leaves the others untouched', () => {
    const { engine, programId, pipeline } = fresh()
    setFavorite(engine.ctx, as('developer'), programId, pipeline.id, true)
    expect(isFavoriteOf(pipeline, as('developer'))).toBe(true)
    expect(isFavoriteOf(pipeline, as('business-owner'))).toBe(false)
    setFavorite(engine.ctx, as('developer'), programId, pipeline.id, false)
    expect(pipeline.favoriteOf).toEqual([])
  })

  it('are idempotent and only a real change counts as one', () => {
    const { engine, programId, pipeline } = fresh()
    const before = engine.revision
    setFavorite(engine.ctx, as('program-manager'), programId, pipeline.id, true)
    const starred = engine.revision
    expect(starred).toBeGreaterThan(before)
    setFavorite(engine.ctx, as('program-manager'), programId, pipeline.id, true)
    expect(engine.revision).toBe(starred)
    expect(pipeline.favoriteOf).toEqual(['program-manager'])
    setFavorite(engine.ctx, as('business-owner'), programId, pipeline.id, false)
    expect(engine.revision).toBe(starred)
  })

  it('a caller with several roles stars and unstars for each of them', () => {
    const { engine, programId, pipeline } = fresh()
    setFavorite(engine.ctx, as('developer'), programId, pipeline.id, true)
    setFavorite(engine.ctx, as('developer', 'business-owner'), programId, pipeline.id, true)
    expect([...pipeline.favoriteOf].sort()).toEqual(['business-owner', 'developer'])
    setFavorite(engine.ctx, as('developer', 'business-owner'), programId, pipeline.id, false)
    expect(pipeline.favoriteOf).toEqual([])
  })

  it('an unknown pipeline is not found', () => {
    const { engine, programId } = fresh()
    expect(() => setFavorite(engine.ctx, as('developer'), programId, '999', true)).toThrow(DomainError)
  })
})
