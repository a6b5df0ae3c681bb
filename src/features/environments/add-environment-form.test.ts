import { expect, test } from 'vitest'
import {
  type AddEnvironmentForm,
  createSteps,
  emptyForm,
  regionOptions,
  stepErrorsOf,
  typeOptions,
  validateAddEnvironment,
} from './add-environment-form'

const allowed = { allowed: true }
const offer = (stage = allowed, prod = allowed) => ({ allowed: true, types: { dev: allowed, rde: allowed, stage, prod } })

const pairForm = (patch: Partial<AddEnvironmentForm> = {}): AddEnvironmentForm => ({
  ...emptyForm(typeOptions(offer()), 'va7'),
  type: 'prodStage',
  prodName: 'shop-prod',
  prodDescription: ' Live ',
  stageName: 'shop-stage',
  ...patch,
})

test('Production + Stage is offered only when both are, with the first refusal as its reason', () => {
  const noStage = { allowed: false, reason: 'Already has a stage.' }
  const noProd = { allowed: false, reason: 'Already has a production.' }
  expect(typeOptions(offer(noStage, noProd)).find((o) => o.id === 'prodStage')).toMatchObject({
    allowed: false,
    reason: 'Already has a stage.',
  })
  expect(typeOptions(offer(allowed, noProd)).find((o) => o.id === 'prodStage')?.reason).toBe('Already has a production.')
  expect(typeOptions(offer()).every((o) => o.allowed)).toBe(true)
})

test('the program region is offered even when it is not in the short list', () => {
  expect(regionOptions('va7')).toEqual(['va7', 'nld2', 'aus5', 'jpn4', 'gbr9', 'can2'])
  expect(regionOptions('bra3')[0]).toBe('bra3')
})

test('the pair is two POSTs, stage first, in one region, with trimmed names and descriptions', () => {
  expect(createSteps(pairForm({ region: 'nld2' })).map((s) => s.body)).toEqual([
    { name: 'shop-stage', type: 'stage', region: 'nld2' },
    { name: 'shop-prod', type: 'prod', region: 'nld2', description: 'Live' },
  ])
})

test('the two halves of the pair need different names, and only the chosen type’s fields are checked', () => {
  expect(validateAddEnvironment(pairForm({ stageName: 'Shop-Prod ' }), typeOptions(offer()))).toEqual({
    stageName: 'Stage and Production need different names.',
  })
  expect(validateAddEnvironment(pairForm(), typeOptions(offer()))).toEqual({})
})

test('server field errors land on the fields of the POST that failed; others are general', () => {
  const [, prod] = createSteps(pairForm())
  expect(stepErrorsOf(prod!, { name: 'Taken.', region: 'Wrong region.', copyFrom: 'No.' })).toEqual({
    fields: { prodName: 'Taken.', region: 'Wrong region.' },
    general: ['No.'],
  })
})
