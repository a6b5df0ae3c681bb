import type { VariableType } from './variables-form'

export const VARIABLE_TYPE_OPTIONS: ReadonlyArray<{ id: VariableType; label: string }> = [
  { id: 'string', label: 'Plain text' },
  { id: 'secretString', label: 'Secret' },
]

export const variableTypeLabel = (type: string): string => VARIABLE_TYPE_OPTIONS.find((t) => t.id === type)?.label ?? type
