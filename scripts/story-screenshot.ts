/**
 * Takes docs/story.png: the promote-build story at its Promote Build step, 1440×900, driven by
 * pressing what the story marks, with no toast over anything (a notification toast with an action
 * stays until dismissed, so the script dismisses them). After a build:
 * `npx tsx scripts/story-screenshot.ts [dist]` (`STORY_SHOT_PORT` picks the port, 4396 by default).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { serveStatic } from './static-server.ts'

const ROOT = resolve(import.meta.dirname, '..')
const PORT = Number(process.env.STORY_SHOT_PORT ?? 4396)
const STEP = 'Step 5 of 6'
const TARGET = 'Promote Build'

/** Dismisses every toast and waits until none is left and nothing moves. */
async function clearToasts(page: Page): Promise<void> {
  const region = page.locator('[role="region"][aria-label*="notification"]')
  for (let i = 0; i < 10 && (await region.count()) > 0; i++) {
    const close = region.getByRole('button', { name: /close|dismiss/i })
    if ((await close.count()) === 0) break
    await close.first().click()
    await page.waitForTimeout(300)
  }
  await page.waitForFunction(() => !document.querySelector('[role="region"][aria-label*="notification"]'), null, {
    timeout: 10_000,
  })
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
    timeout: 10_000,
  })
}

const server = await serveStatic(resolve(process.argv[2] ?? resolve(ROOT, 'dist')), PORT)
const executablePath = ['/usr/bin/chromium'].find((p) => existsSync(p))
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.goto(`http://127.0.0.1:${PORT}/?story=promote-build`)
  const panel = page.getByRole('region', { name: 'Story' })
  const current = page.locator('[data-story-target="current"]')
  const arrived = async () => (await panel.getByText(STEP).isVisible()) && (await current.textContent()) === TARGET
  for (let presses = 0; presses < 20 && !(await arrived()); presses++) {
    await current.waitFor({ timeout: 60_000 })
    if (await arrived()) break
    const text = await current.textContent()
    await current.click()
    await page.waitForFunction(
      (was) => {
        const el = document.querySelector('[data-story-target="current"]')
        return !el || el.textContent !== was
      },
      text,
      { timeout: 60_000 },
    )
  }
  await page.waitForFunction(
    ({ step, target }) =>
      document.querySelector('[data-story-panel]')?.textContent?.includes(step) === true &&
      document.querySelector('[data-story-target="current"]')?.textContent === target,
    { step: STEP, target: TARGET },
    { timeout: 60_000 },
  )
  await clearToasts(page)
  await page.screenshot({ path: resolve(ROOT, 'docs/story.png') })
  console.log(`docs/story.png: ${STEP} of promote-build, ${TARGET} marked, no toast.`)
} finally {
  await browser.close()
  server.close()
}
