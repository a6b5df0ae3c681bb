/** Small user-level steps shared by the UI tests. */
import { screen, waitFor } from '@testing-library/react'
import { expect } from 'vitest'
import type { SimRuntime } from '../sim/runtime'
import { firstProgramId, type renderApp } from './render-app'

type App = ReturnType<typeof renderApp>

/** A page of the scenario's first program, for `renderApp`. */
export const programPage = (section: string) => (runtime: SimRuntime) => `/program/${firstProgramId(runtime)}/${section}`

/** Disabled natively or through ARIA (React Aria uses both). */
export const isDisabled = (el: HTMLElement) => el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true'

/** Opens an Add Pipeline menu entry once the program (and with it the menu's rules) has loaded. */
export async function openAddPipelineDialog({ user }: App, entry: string): Promise<HTMLElement> {
  const add = await screen.findByRole('button', { name: 'Add Pipeline' })
  await waitFor(() => expect(isDisabled(add)).toBe(false))
  await user.click(add)
  await user.click(await screen.findByRole('menuitem', { name: entry }))
  return screen.findByRole('dialog', { name: entry })
}

/**
 * Opens a pipeline's Variables Configuration from its … menu and returns the dialog once its editor
 * is in: until the variables arrive the dialog shows its loading state, which the editor replaces.
 */
export async function openPipelineVariables({ user }: App, pipelineName: string): Promise<HTMLElement> {
  await user.click(await screen.findByRole('button', { name: `Actions for ${pipelineName}` }))
  await user.click(await screen.findByRole('menuitem', { name: /^View\/Edit variables/ }))
  await screen.findByRole('dialog', { name: 'Variables Configuration' })
  await waitFor(() => expect(screen.queryByRole('progressbar', { name: /^Loading pipeline variables/ })).toBeNull())
  return screen.getByRole('dialog', { name: 'Variables Configuration' })
}
