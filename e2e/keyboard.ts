/**
 * Keyboard-only moves for the journeys: every control is reached with Tab (or arrow keys inside a
 * composite widget) and operated with the keys its role defines — no clicks, no programmatic focus.
 */
import { type ElementHandle, expect, type Locator, type Page } from '@playwright/test'

/**
 * Asks, after each key, whether `target` holds the focus. The element is looked up once and
 * asked directly (a role lookup per key press is what made keyboard journeys slow); it is looked
 * up again if React replaced it, and counts as unfocused while not rendered (a virtualised grid
 * renders only the columns in view).
 */
function focusProbe(target: Locator): () => Promise<boolean> {
  let handle: ElementHandle | null = null
  return async () => {
    const answer = handle
      ? await handle.evaluate((el) =>
          el.isConnected ? el === document.activeElement || el.contains(document.activeElement) : null,
        )
      : null
    if (answer !== null) return answer
    if ((await target.count()) === 0) return false
    handle = await target.elementHandle()
    return handle !== null && handle.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
  }
}

/** Presses `key` until `target` holds the focus; false if it never does within `max` presses. */
async function pressUntilFocused(page: Page, target: Locator, key: string, max: number): Promise<boolean> {
  const holdsFocus = focusProbe(target)
  for (let i = 0; i < max; i++) {
    if (await holdsFocus()) return true
    await page.keyboard.press(key)
  }
  return holdsFocus()
}

/** Presses Tab (or Shift+Tab) until `target` holds the focus. */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}): Promise<void> {
  await expect(target).toBeAttached()
  if (!(await pressUntilFocused(page, target, backwards ? 'Shift+Tab' : 'Tab', max))) {
    throw new Error(`Tab never reached ${target.toString()}`)
  }
}

/** Presses an arrow key until `target` holds the focus (menus, list boxes, grids, tabs). */
export async function arrowTo(page: Page, target: Locator, key = 'ArrowDown', max = 25): Promise<void> {
  if (!(await pressUntilFocused(page, target, key, max))) throw new Error(`${key} never reached ${target.toString()}`)
}

/** Tabs to a button or link and presses Enter. */
export async function press(page: Page, target: Locator, options?: { backwards?: boolean }): Promise<void> {
  await tabTo(page, target, options)
  await page.keyboard.press('Enter')
}

/** Tabs to a text field, selects what it holds and types `text` over it. */
export async function typeInto(page: Page, field: Locator, text: string, options?: { backwards?: boolean }): Promise<void> {
  await tabTo(page, field, options)
  await page.keyboard.press('ControlOrMeta+a')
  // Long strings arrive the way a paste does; short ones key by key.
  if (text.length > 20) await page.keyboard.insertText(text)
  else await page.keyboard.type(text)
}

/** Opens the menu of `trigger` with Enter and returns it, focus on its first item. */
export async function openMenu(page: Page, trigger: Locator, options?: { backwards?: boolean }): Promise<Locator> {
  await press(page, trigger, options)
  const menu = page.getByRole('menu')
  await expect(menu).toBeVisible()
  return menu
}

/** Walks a menu with the arrow keys to `item` and chooses it with Enter. */
export async function chooseMenuItem(page: Page, item: Locator): Promise<void> {
  await arrowTo(page, item)
  await page.keyboard.press('Enter')
}

/** Opens a picker with the keyboard, walks to `option` and chooses it. */
export async function pickOption(page: Page, picker: Locator, option: string, options?: { backwards?: boolean }): Promise<void> {
  await press(page, picker, options)
  const item = page.getByRole('option', { name: option, exact: true })
  await expect(item).toBeVisible()
  // The list opens on the current choice: the wanted one may be above or below it.
  await arrowTo(page, item).catch(() => arrowTo(page, item, 'ArrowUp'))
  await page.keyboard.press('Enter')
  await expect(item).toHaveCount(0)
}

/** Tabs into the radio's group, walks to it with the arrow keys and checks it. */
export async function checkRadio(page: Page, radio: Locator): Promise<void> {
  await tabTo(page, radio.locator('xpath=ancestor::*[@role="radiogroup"][1]'))
  await arrowTo(page, radio, 'ArrowRight', 8)
  // A radio group selects as focus moves; a segmented control waits for Space.
  if (!(await radio.isChecked())) await page.keyboard.press('Space')
  await expect(radio).toBeChecked()
}

/**
 * Moves through a grid to `target` inside `row`: Tab into the grid, arrows up or down to the row,
 * then left or right to the control.
 */
export async function gridTo(page: Page, grid: Locator, row: Locator, target: Locator): Promise<void> {
  await tabTo(page, grid)
  if (!(await focusProbe(row)())) await arrowTo(page, row, 'ArrowDown').catch(() => arrowTo(page, row, 'ArrowUp'))
  await arrowTo(page, target, 'ArrowRight', 12).catch(() => arrowTo(page, target, 'ArrowLeft', 12))
}

/** The header's role picker, reached backwards from wherever the focus is. */
export async function switchRoleByKeyboard(page: Page, role: string): Promise<void> {
  const picker = page.getByRole('button', { name: /Role$/ })
  await pickOption(page, picker, role, { backwards: true })
  await expect(picker).toContainText(role)
}
