import { expect, type Page, test } from '@playwright/test'
import { DEMO_PASSWORD } from './accounts.ts'
import { checkPage, expectNoAxeViolations, settled } from './checks.ts'

const NIGHT_SUPERVISION = 'Digitalt tilsyn om natten i hjemmetjenesten'
const DISPENSERS = 'Elektroniske medisindispensere for hjemmeboende'

async function search(page: Page, words: string) {
  await page.goto('/')
  await page.getByRole('combobox', { name: 'Søk etter forsøk' }).fill(words)
  await page.getByRole('button', { name: 'Søk', exact: true }).click()
  await settled(page)
}

// A member of Stavanger kommune finds pilots by Norwegian searches and copies one into a local
// draft; a pilot Stavanger has already adopted is refused in plain words. The public then sees
// Stavanger among the adopters.
test('a municipality copies another organisation’s pilot into a local draft', async ({ page }) => {
  await test.step('signed out, the pilot page offers to sign in to copy', async () => {
    await page.goto('/sok?q=tilsyn+natten')
    await page.getByRole('link', { name: NIGHT_SUPERVISION }).click()
    await expect(page.getByRole('heading', { level: 1, name: NIGHT_SUPERVISION })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Logg inn for å kopiere' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Kopier forsøket' })).toHaveCount(0)
  })

  await test.step('Stavanger signs in and comes back to the pilot', async () => {
    await page.getByRole('link', { name: 'Logg inn for å kopiere' }).click()
    await expect(page).toHaveURL(/\/logg-inn\?neste=/)
    await page.getByLabel('E-postadresse').fill('kommune2@demo.example')
    await page.getByLabel('Passord').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Logg inn' }).click()
    await expect(page.getByRole('heading', { level: 1, name: NIGHT_SUPERVISION })).toBeVisible()
  })

  const dialog = page.getByRole('dialog', { name: 'Kopier forsøket' })

  await test.step('a Norwegian search finds the night supervision pilot; copying it again is refused', async () => {
    await search(page, 'tilsyn natten')
    await page.getByRole('link', { name: NIGHT_SUPERVISION }).click()
    await expect(page.getByRole('heading', { level: 1, name: NIGHT_SUPERVISION })).toBeVisible()
    const open = page.getByRole('button', { name: 'Kopier forsøket' })
    await open.click()
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('radio', { name: 'Kopiert slik det var' })).toBeChecked()
    await settled(page)
    await expectNoAxeViolations(page, 'copy dialog')
    await page.screenshot({ path: 'test-results/screenshots/copy-dialog.png' })

    // Escape closes the dialog, and focus goes back to the button.
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(open).toBeFocused()

    await open.click()
    await dialog.getByRole('button', { name: 'Kopier til et utkast' }).click()
    await expect(dialog.getByRole('heading', { name: 'Forsøket ble ikke kopiert' })).toBeVisible()
    await expect(
      dialog.getByText('Stavanger kommune har allerede tatt i bruk dette forsøket.', {
        exact: false,
      })
    ).toBeVisible()
    await page.screenshot({ path: 'test-results/screenshots/copy-already-adopted.png' })
    await dialog.getByRole('button', { name: 'Avbryt' }).click()
    await expect(dialog).toBeHidden()
  })

  let originUrl = ''
  await test.step('copying a pilot Stavanger has not adopted leads to a new local draft', async () => {
    await search(page, 'medisindispensere')
    await page.getByRole('link', { name: DISPENSERS }).click()
    await expect(page.getByRole('heading', { level: 1, name: DISPENSERS })).toBeVisible()
    await expect(page.getByText('Hamar kommune ·', { exact: false })).toBeVisible()
    originUrl = page.url()
    await page.getByRole('button', { name: 'Kopier forsøket' }).click()
    await dialog.getByRole('radio', { name: 'Tilpasset' }).check()
    await dialog.getByLabel('Notat (valgfritt)').fill('Vi prøver det i to soner først.')
    await dialog.getByRole('button', { name: 'Kopier til et utkast' }).click()

    await expect(page).not.toHaveURL(originUrl)
    await expect(page).toHaveURL(/\/forsok\/[0-9a-f-]{36}$/)
    await expect(page.getByRole('heading', { level: 1, name: DISPENSERS })).toBeVisible()
    await expect(
      page.getByRole('heading', {
        name: 'Forsøket er kopiert. Dette er utkastet til Stavanger kommune.',
      })
    ).toBeVisible()
    await expect(page.getByText('Stavanger kommune ·', { exact: false })).toBeVisible()
    // Whom to ask: the origin's contact, with an e-mail link.
    await expect(page.getByText('Spør gjerne Ola Nordmann i Hamar kommune om råd:')).toBeVisible()
    await expect(page.getByRole('link', { name: 'ola.nordmann@example.no' })).toBeVisible()
    // Stavanger owns the draft: the copy button is gone and the stage panel is there.
    await expect(page.getByRole('button', { name: 'Kopier forsøket' })).toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Flytt til neste fase' })).toBeVisible()
    await checkPage(page, 'copy-local-draft')
  })

  await test.step('signed out, the public sees Stavanger among the adopters', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).click()
    await expect(page.getByRole('banner').getByRole('link', { name: 'Logg inn' })).toBeVisible()
    await page.goto(originUrl)
    await expect(page.getByRole('heading', { level: 1, name: DISPENSERS })).toBeVisible()
    const adopters = page.getByRole('region', { name: 'Hvem har tatt det i bruk' })
    await expect(adopters.getByRole('heading', { name: 'Stavanger kommune' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Logg inn for å kopiere' })).toBeVisible()
    await checkPage(page, 'copy-origin-adopters')
  })
})
