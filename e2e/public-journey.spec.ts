import { expect, test } from '@playwright/test'
import { checkPage, settled } from './checks.ts'

const NIGHT_SUPERVISION = 'Digitalt tilsyn om natten i hjemmetjenesten'

// The public finds a pilot by a Norwegian search, reads the evidence and who copied it, in all
// three languages, and finds the way back; every page passes axe and fits on a 320 px screen.
test('the public finds the night supervision pilot, reads the evidence and the adopters', async ({
  page,
  request,
}) => {
  await test.step('the overview', async () => {
    await page.goto('/')
    await expect(
      page.getByRole('heading', { level: 1, name: 'Forsøk i offentlig sektor' })
    ).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb')
    await expect(
      page.getByText('Eksempeldata: forsøkene, personene og tallene er oppdiktet')
    ).toBeVisible()
    const pipeline = page.getByRole('table', { name: 'Forsøk per fase' })
    // Counts, not exact numbers: the evaluator journey, on the same server, adopts another pilot.
    await expect(pipeline.getByRole('row', { name: /^Varig løsning \d+ \d+ / })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Sist oppdatert' })).toBeVisible()
    await expect(page).toHaveTitle('Forsøk i offentlig sektor – Forsøksregisteret')
    await checkPage(page, 'overview')
  })

  await test.step('a Norwegian search finds it, with the matching words marked', async () => {
    await page.getByRole('combobox', { name: 'Søk etter forsøk' }).fill('tilsyn natten')
    await page.getByRole('button', { name: 'Søk', exact: true }).click()
    await expect(page).toHaveURL(/\/sok\?q=tilsyn\+natten$/)
    await expect(page.getByRole('heading', { name: '1 forsøk for «tilsyn natten»' })).toBeVisible()
    const result = page.getByRole('link', { name: NIGHT_SUPERVISION })
    await expect(result).toBeVisible()
    // Matches are marked with <mark>, which has no role Playwright can query by.
    await expect(result.locator('mark').first()).toHaveText('tilsyn')

    // A facet narrows the search and goes into the address.
    await page.getByRole('checkbox', { name: /Helse og omsorg/ }).check()
    await expect(page).toHaveURL(/serviceArea=health_care/)
    await expect(page.getByRole('checkbox', { name: /Helse og omsorg/ })).toBeChecked()
    await expect(result).toBeVisible()
    await checkPage(page, 'discover')
  })

  await test.step('the pilot page shows the evidence and the adopters', async () => {
    await page.getByRole('link', { name: NIGHT_SUPERVISION }).click()
    await expect(page).toHaveURL(/\/forsok\/5a000000-0000-4000-8000-000000000001$/)
    await expect(page.getByRole('heading', { level: 1, name: NIGHT_SUPERVISION })).toBeVisible()
    await expect(page).toHaveTitle(`${NIGHT_SUPERVISION} – Forsøksregisteret`)

    // The evidence: its level in words, the measured results against the pre-registered targets.
    await expect(page.getByText('Nivå 2 av 5: Målt endring')).toBeVisible()
    await expect(
      page.getByText('Vi har data som viser en positiv endring, men kan ikke slå fast')
    ).toBeVisible()
    const metrics = page.getByRole('table', { name: 'Suksesskriterier' })
    const falls = metrics.getByRole('row', { name: /Andel fall som oppdages innen 15 minutter/ })
    await expect(falls.getByRole('cell')).toHaveText(['40', '80', '83', 'Ja'])
    await expect(
      page.getByText('Hypotesen og de primære suksesskriteriene ble låst 16. januar 2023')
    ).toBeVisible()

    // The adopters, and how many of those who tried succeeded.
    const adopters = page.getByRole('region', { name: 'Hvem har tatt det i bruk' })
    await expect(adopters.getByText('Virket hos 4 av 6 virksomheter som prøvde.')).toBeVisible()
    await expect(adopters.getByRole('heading', { name: 'Stavanger kommune' })).toBeVisible()
    await expect(adopters.getByRole('heading', { name: 'Tromsø kommune' })).toBeVisible()
    await expect(adopters.getByText('Lærte av Stavanger kommune.', { exact: false })).toBeVisible()
    await checkPage(page, 'pilot')
  })

  await test.step('in nynorsk, in English, and back to bokmål, remembered across a reload', async () => {
    await page.getByRole('button', { name: 'Nynorsk' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn')
    await expect(page.getByRole('button', { name: 'Nynorsk' })).toHaveAttribute(
      'aria-pressed',
      'true'
    )
    await expect(page.getByRole('heading', { name: 'Kven har teke det i bruk' })).toBeVisible()
    const adoptersNn = page.getByRole('region', { name: 'Kven har teke det i bruk' })
    await expect(adoptersNn.getByText('Verka hos 4 av 6 verksemder som prøvde.')).toBeVisible()
    await expect(page.getByText('Nivå 2 av 5: Målt endring')).toBeVisible()
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn')
    await expect(page.getByRole('heading', { name: 'Suksesskriterium', exact: true })).toBeVisible()
    await checkPage(page, 'pilot-nn')

    await page.getByRole('button', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { name: 'Who took it up' })).toBeVisible()
    await expect(page.getByText('Level 2 of 5: Change measured')).toBeVisible()
    const adoptersEn = page.getByRole('region', { name: 'Who took it up' })
    await expect(
      adoptersEn.getByText('Worked in 4 of 6 organisations that tried it.')
    ).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible()

    await page.getByRole('button', { name: 'Bokmål' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb')
    await expect(page.getByRole('heading', { name: 'Hvem har tatt det i bruk' })).toBeVisible()
  })

  await test.step('the back button returns to the search, as it was', async () => {
    await page.goBack()
    await expect(page).toHaveURL(/\/sok\?q=tilsyn\+natten&serviceArea=health_care$/)
    await expect(page.getByRole('combobox', { name: 'Søk etter forsøk' })).toHaveValue(
      'tilsyn natten'
    )
    await expect(page.getByRole('checkbox', { name: /Helse og omsorg/ })).toBeChecked()
    await page.goBack()
    await expect(page).toHaveURL(/\/sok\?q=tilsyn\+natten$/)
    await expect(page.getByRole('checkbox', { name: /Helse og omsorg/ })).not.toBeChecked()
    await expect(page.getByRole('link', { name: NIGHT_SUPERVISION })).toBeVisible()
    await page.goBack()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Forsøk i offentlig sektor' })
    ).toBeVisible()
    await page.goForward()
    await expect(page.getByRole('heading', { name: '1 forsøk for «tilsyn natten»' })).toBeVisible()
  })

  await test.step('the accessibility statement, from the footer', async () => {
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Tilgjengelighetserklæring' })
      .click()
    await expect(page).toHaveURL(/\/tilgjengelighet$/)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' })
    ).toBeVisible()
    await expect(page.getByText('Kartgrunnlag: © Kartverket (CC BY 4.0)')).toBeVisible()
    await checkPage(page, 'accessibility')
  })

  await test.step('a page whose code is gone after a deploy says so, and a reload brings it', async () => {
    // Each page's code is fetched when it is first opened; a new build removes the old files.
    const pipelineCode = '**/assets/pipeline-page-*.js'
    await page.route(pipelineCode, (route) => route.fulfill({ status: 404 }))
    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Forløp' })
      .click()
    const alert = page.getByRole('alert')
    await expect(alert.getByRole('heading', { name: 'Siden kunne ikke lastes' })).toBeVisible()
    await expect(page).toHaveTitle('Siden kunne ikke lastes – Forsøksregisteret')
    await page.unroute(pipelineCode)
    await alert.getByRole('button', { name: 'Last inn siden på nytt' }).click()
    await expect(
      page.getByRole('heading', { level: 1, name: 'Forløpet fra idé til varig løsning' })
    ).toBeVisible()
  })

  await test.step('unknown addresses: a page that says so, and the API keeps its own 404', async () => {
    await page.goto('/finnes-ikke')
    await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeVisible()
    await checkPage(page, 'not-found')

    await page.goto('/forsok/00000000-0000-4000-8000-000000000000')
    await expect(page.getByRole('heading', { level: 1, name: 'Fant ikke forsøket' })).toBeVisible()
    await settled(page)

    const api = await request.get('/api/v1/nothing-here')
    expect(api.status()).toBe(404)
    expect(api.headers()['content-type']).toContain('application/problem+json')
  })
})
