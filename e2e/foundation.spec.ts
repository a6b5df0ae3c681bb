import { expect, expectAccessible, test } from './fixtures'

test('the console registers its simulated backend before the first paint', async ({ page }) => {
  await page.goto('/programs')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const worker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')
  expect(worker).toMatch(/\/sim-service-worker\.js$/)
  await expectAccessible(page)
})

test('the console keeps answering after a hard reload and after the browser stops its idle service worker', async ({
  page,
  context,
  sim,
}) => {
  await sim.reset('fresh-program')
  const cdp = await context.newCDPSession(page)
  // Shift+reload: the page starts without its service worker, which then takes it over.
  await cdp.send('Page.reload', { ignoreCache: true })
  await expect(page.getByRole('link', { name: 'Fresh Program' }).first()).toBeVisible()
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/sim-service-worker/)
  // A stopped worker has forgotten the page's port to the backend: it asks the page for another.
  await cdp.send('ServiceWorker.enable')
  await cdp.send('ServiceWorker.stopAllWorkers')
  await page.getByRole('link', { name: 'Fresh Program' }).first().click()
  await page.getByRole('link', { name: 'Pipelines', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()
  await expect(page.getByText(/no pipelines/i).first()).toBeVisible()
})

test('a release manager opens Fresh Program, finds its pipelines and environments, and sees the same after a reload', async ({
  page,
  sim,
}) => {
  await sim.reset('fresh-program')
  await page.getByRole('link', { name: 'Fresh Program' }).first().click()

  await page.getByRole('link', { name: 'Pipelines', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible()
  await expect(page.getByText(/no pipelines/i).first()).toBeVisible()
  await expectAccessible(page)

  await page.getByRole('link', { name: 'Environments', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Environments' })).toBeVisible()
  for (const name of ['fresh-dev', 'fresh-stage', 'fresh-prod']) {
    await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible()
  }
  await expectAccessible(page)

  // Change the backend through its API, then reload: the change must still be there.
  const created = await page.evaluate(async () => {
    const res = await fetch('/api/program/1/pipelines', {
      method: 'POST',
      headers: { Authorization: 'Bearer deployment-manager', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Survives reloads',
        category: 'nonProduction',
        nonProdKind: 'codeQuality',
        repositoryId: '5',
        branch: 'main',
      }),
    })
    return res.status
  })
  expect(created).toBe(201)
  await sim.waitUntilSaved()
  await page.goto('/program/1/pipelines')
  await expect(page.getByRole('row').filter({ hasText: 'Survives reloads' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('row').filter({ hasText: 'Survives reloads' })).toBeVisible()
  await page.getByRole('link', { name: 'Environments', exact: true }).first().click()
  await expect(page.getByRole('row').filter({ hasText: 'fresh-stage' })).toBeVisible()
})
