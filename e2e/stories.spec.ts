/**
 * Stories (issue 13): each one played by itself (`?story=<id>&autoplay=1`), and each one driven
 * by hand by pressing only what `data-story-target="current"` marks — with the keyboard alone
 * for two of them — with axe on the narration panel along the way. Play runs at
 * `?story-pace=0.02` (fifty times the human pace; by hand it shortens only the moment a story waits
 * after a press); `npm run bench` times the human pace.
 */
import type { Locator, Page } from '@playwright/test'
import type { AxeResults } from 'axe-core'
import { STORIES } from '../src/features/stories/stories/index'
import type { Story } from '../src/features/stories/story-model'
import { expect, injectAxe, test, untilNothingAnimates } from './fixtures'
import { tabTo } from './keyboard'

test.describe.configure({ timeout: 120_000 })

const TEST_PACE = 0.02

const panelOf = (page: Page) => page.getByRole('region', { name: 'Story' })

/**
 * Serious or critical axe violations inside the narration panel, scanned settled: colours blend
 * while something fades in or out (a dialog opening under Play, a button that changes state, as
 * Next does when a step is done), so the scan waits until nothing on the page animates, and is
 * taken again if anything animated or the panel changed while it ran (Play moves on by itself).
 */
async function expectPanelAccessible(page: Page): Promise<void> {
  await injectAxe(page)
  let violations: string[] = []
  for (let attempt = 0; attempt < 5; attempt++) {
    await untilNothingAnimates(page)
    const scan = await page.evaluate(async () => {
      const panel = () => document.querySelector('[data-story-panel]')?.outerHTML
      // A change rendered since the poll starts its transitions only now (getAnimations brings styles up to date).
      const animating = () =>
        document
          .getAnimations()
          .some((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
      const before = panel()
      const movedBefore = animating()
      const { axe } = window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }
      const results = await axe.run({ include: [['[data-story-panel]']] }, { resultTypes: ['violations'] })
      return {
        settled: !movedBefore && panel() === before && !animating(),
        violations: results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      }
    })
    violations = scan.violations
    if (scan.settled) break
  }
  expect(violations, 'serious or critical accessibility violations in the Story panel').toEqual([])
}

async function expectComplete(page: Page, story: Story): Promise<void> {
  const panel = panelOf(page)
  await expect(panel.getByText('Story complete')).toBeVisible({ timeout: 60_000 })
  await expect(panel.getByRole('button', { name: 'Play again' })).toBeVisible()
  await expectPanelAccessible(page)
  // The summary links to the executions the story ran; the newest opens.
  const links = panel.getByRole('link')
  if (story.id !== 'second-staging') {
    await expect(links.last()).toBeVisible()
    await links.last().click()
    await expect(page.getByRole('region', { name: 'Execution summary' })).toBeVisible()
  }
}

/** What each story leaves behind, read from the page as a user sees it. */
async function expectOutcome(page: Page, story: Story): Promise<void> {
  switch (story.id) {
    case 'promote-build':
      await expect(page.getByText('Production Only').first()).toBeVisible()
      await expect(page.getByText(/Artifacts validated by: execution ID/)).toBeVisible()
      break
    case 're-execute':
      await expect(page.getByText('re-execute', { exact: true })).toBeVisible()
      break
    case 'timeout':
      await expect(page.getByText('Cancelled').first()).toBeVisible()
      break
    case 'second-staging':
      await expect(page.getByRole('row', { name: /Second Stage Deploy/ })).toContainText('fresh-stage-2')
      break
    default:
      await expect(page.getByText('Finished').first()).toBeVisible()
      break
  }
}

for (const story of STORIES) {
  test(`story ${story.id} plays by itself`, async ({ page }) => {
    await page.goto(`/?story=${story.id}&autoplay=1&story-pace=${TEST_PACE}`)
    const panel = panelOf(page)
    // At the test pace a step may last a fraction of a second: look for any step, then the end.
    await expect(panel.getByText(new RegExp(`^Step \\d+ of ${story.steps.length}`))).toBeVisible({ timeout: 30_000 })
    await expectPanelAccessible(page)
    await expectComplete(page, story)
    await expectOutcome(page, story)
  })
}

const KEYBOARD_ONLY = new Set(['approval-handoff', 'timeout'])

/** The value a `fill` target wants, from the story's own data (the narration says to name it). */
function fillValue(story: Story, name: string): string {
  for (const step of story.steps) for (const t of step.targets) if ('fill' in t && t.name === name) return t.value
  throw new Error(`${story.id} fills no field named ${name}`)
}

async function operate(page: Page, story: Story, current: Locator, keyboard: boolean): Promise<void> {
  const { role, name, type } = await current.evaluate((el) => ({
    role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
    type: el.getAttribute('type'),
    name: el.closest('label')?.textContent ?? el.getAttribute('aria-label') ?? '',
  }))
  const label = await current.evaluate((el) => {
    const id = el.getAttribute('id')
    const byFor = id ? document.querySelector(`label[for="${id}"]`)?.textContent : undefined
    return (byFor ?? '').replace(/\s*\*$/, '').trim()
  })
  if (keyboard) {
    // The panel's own controls: F6 moves the focus into the panel (ADR 013), then Tab within it.
    const panelTarget = await current.evaluate((el) => el.closest('[data-story-panel]') !== null)
    if (panelTarget && !(await page.evaluate(() => document.activeElement?.closest('[data-story-panel]') !== null))) {
      await page.keyboard.press('F6')
    }
    // Tab towards it: backwards when it comes before the focus in the page's order.
    // From nowhere (the page's body), Shift+Tab reaches the Story panel, last in the page, at once.
    const backwards = await current.evaluate((el) => {
      const active = document.activeElement
      if (!active || active === document.body) return el.closest('[data-story-panel]') !== null
      return (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0
    })
    await tabTo(page, current, { backwards, max: 200 })
    await page.keyboard.press('Enter')
    return
  }
  // S2 draws its own radio over the native one, which takes the click through its label.
  if (role === 'input' && type === 'radio') return current.check({ force: true })
  if (role === 'input' || role === 'textarea') return current.fill(fillValue(story, label || name))
  await current.click()
}

for (const story of STORIES) {
  const keyboard = KEYBOARD_ONLY.has(story.id)
  test(`story ${story.id} driven by hand${keyboard ? ', keyboard only' : ''}`, async ({ page }) => {
    // The test pace shortens only the moment the story waits after a press before its next step.
    await page.goto(`/?story=${story.id}&story-pace=${TEST_PACE}`)
    const panel = panelOf(page)
    const stepText = panel.getByText(/^Step \d+ of \d+/)
    const current = page.locator('[data-story-target="current"]')
    await expect(stepText).toContainText('Step 1 of', { timeout: 30_000 })
    await expectPanelAccessible(page)
    for (let presses = 0; presses < 40; presses++) {
      if (await panel.getByText('Story complete').isVisible()) break
      await expect(current.or(panel.getByText('Story complete'))).toHaveCount(1, { timeout: 20_000 })
      if (await panel.getByText('Story complete').isVisible()) break
      // The panel as it reads now: its step line, or "Story complete" once there is none.
      const stepLine = async () => /Step \d+ of \d+( · done)?|Story complete/.exec(await panel.innerText())?.[0] ?? ''
      const before = await stepLine()
      const handle = await current.elementHandle()
      // React may reuse one button for the next control (Continue becomes Save): its text tells them apart.
      const text = await current.textContent()
      const dialog = page.getByRole('alertdialog', { name: 'Run Pipeline' })
      if (story.id === 'promote-build' && text === 'Run' && (await dialog.count()) > 0) {
        // Production runs the coupled pipeline's newer build: the dialog compares the two and warns.
        await expect(dialog.getByRole('heading', { name: 'Possible code rollback' })).toBeVisible()
        await expect(dialog).toContainText(/would roll production back/)
      }
      await operate(page, story, current, keyboard)
      // Moved on: another control is marked, or another step is shown.
      await expect
        .poll(
          async () =>
            (await stepLine()) !== before ||
            !(await handle?.evaluate(
              (el, was) => el.isConnected && el.getAttribute('data-story-target') === 'current' && el.textContent === was,
              text,
            )),
          { timeout: 20_000, intervals: [50, 100, 200] },
        )
        .toBe(true)
      if (presses === 3) await expectPanelAccessible(page)
    }
    await expectComplete(page, story)
  })
}

test('the Story panel stays on top, readable and usable while a step opens a modal dialog', async ({ page }) => {
  await page.goto('/?story=re-execute')
  const panel = panelOf(page)
  const current = page.locator('[data-story-target="current"]')
  // Step 1 is read and confirmed with Next; step 2 marks Deploy, whose dialog asks for Build.
  await expect(current).toHaveText('Next', { timeout: 30_000 })
  await current.click()
  await expect(current).toHaveText('Deploy')
  await current.click()
  const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'))
  await expect(dialog.getByRole('button', { name: 'Build' })).toBeVisible()
  // Not hidden from assistive technology or made inert by the modal, and drawn above its underlay.
  await expect(panel).toBeVisible()
  expect(
    await panel.evaluate((el) => {
      const exit = [...el.querySelectorAll('button')].find((b) => b.textContent === 'Exit')
      const box = exit?.getBoundingClientRect()
      const top = box ? document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) : null
      return {
        hidden: el.closest('[inert], [aria-hidden="true"]') !== null,
        onTop: top !== null && el.contains(top),
      }
    }),
  ).toEqual({ hidden: false, onTop: true })
  // Nor does it cover the dialog: beside it when the dialog reaches into its corner.
  const build = dialog.getByRole('button', { name: 'Build' })
  expect(
    await build.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2))
    }),
  ).toBe(true)
  await expectPanelAccessible(page)
  // The keyboard: the dialog holds the focus; F6 reaches the panel, Tab from its last button goes back into the dialog.
  await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true)
  const inPanel = () => page.evaluate(() => document.activeElement?.closest('[data-story-panel]') !== null)
  const inDialog = () => dialog.evaluate((el) => el.contains(document.activeElement))
  await page.keyboard.press('F6')
  expect(await inPanel(), 'F6 moves the focus into the Story panel').toBe(true)
  await page.keyboard.press('F6')
  expect(await inDialog(), 'F6 in the panel gives the focus back to the dialog').toBe(true)
  await page.keyboard.press('Shift+F6')
  expect(await inPanel()).toBe(true)
  for (let i = 0; i < 8 && !(await inDialog()); i++) await page.keyboard.press('Tab')
  expect(await inDialog(), 'Tab from the panel goes on into the dialog').toBe(true)
  // A press on the panel reaches it and leaves the dialog open.
  await panel.getByRole('button', { name: 'Exit' }).click({ timeout: 5_000 })
  await expect(panel).toBeHidden()
  await expect(dialog.getByRole('button', { name: 'Build' })).toBeVisible()
})
