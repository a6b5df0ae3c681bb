/**
 * Journeys for the last gaps of the screens (issue 12): the Activity page's Details column at
 * desktop widths, Review Summary and Download Details, View slowest pages, the Overview's
 * execution popover, notification toasts, the Promote Build phase and the phase links' type.
 */
import { expect, expectAccessible, test } from './fixtures'

test.describe.configure({ timeout: 120_000 })
test.use({ timezoneId: 'UTC', locale: 'en-US' })

/** Where to save screenshots for a visual check (unset: none are taken). */
const SHOTS = process.env.GAPS_SHOTS

for (const width of [1280, 1440]) {
  test(`Activity at ${width} px: Details shows branch, short commit and trigger in full`, async ({ page, sim }) => {
    await page.setViewportSize({ width, height: 900 })
    await sim.reset('demo', { path: '/program/1/activity' })
    const grid = page.getByRole('grid', { name: 'Activity' })
    await expect(grid.getByRole('row').nth(1)).toBeVisible()
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/activity-${width}.png` })
    // Every text of every rendered Details cell fits: nothing is cut off or ellipsed.
    const details = await grid.getByRole('row').evaluateAll((rows) =>
      rows.slice(1).map((row) => {
        const cell = row.querySelectorAll('[role="gridcell"]')[4] as HTMLElement
        const texts = [...cell.querySelectorAll('span')].filter((s) => s.children.length === 0)
        return {
          text: cell.textContent ?? '',
          clipped: texts.filter((s) => s.scrollWidth > s.clientWidth + 1).map((s) => s.textContent),
        }
      }),
    )
    expect(details.length).toBeGreaterThan(5)
    for (const d of details) {
      expect(d.text).toMatch(/^Branch: \S+ · Commit: [0-9a-f]{7}Trigger: (Manual|On Git Changes)$/)
      expect(d.clipped, d.text).toEqual([])
    }
    await expectAccessible(page)
  })
}
