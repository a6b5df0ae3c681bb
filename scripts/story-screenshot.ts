/**
 * Takes docs/story.png: the promote-build story at its Promote Build step, 1440×900, driven by
 * pressing what the story marks. `npx tsx scripts/story-screenshot.ts [dist]` (after a build).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { serveStatic } from './static-server.ts'

const ROOT = resolve(import.meta.dirname, '..')
const PORT = 4396
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
  while (!(await panel.getByText('Step 4 of 5').isVisible())) {
    await current.waitFor({ timeout: 60_000 })
    const text = await current.textContent()
    await current.click()
    await page.waitForFunction(
      (was) => {
        const el = document.querySelector('[data-story-target="current"]')
        return !el || el.textContent !== was || document.body.innerText.includes('Step 4 of 5')
      },
      text,
      { timeout: 60_000 },
    )
  }
  await page.getByRole('button', { name: 'Promote Build' }).waitFor()
  // Let the "started" toast time out and the scroll settle.
  await page.waitForTimeout(6_000)
  await page.screenshot({ path: resolve(ROOT, 'docs/story.png') })
} finally {
  await browser.close()
  server.close()
}
