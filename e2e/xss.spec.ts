import { expect, test } from '@playwright/test'
import { signedInApi, signIn } from './accounts.ts'
import {
  EVALUATOR,
  MEMBER,
  ORG,
  PARTNER,
  PDF_NAME,
  REPORT,
  registerHostileCorner,
  STOPPED,
  TEXT,
  TITLE,
} from './hostile-registry.ts'
import { P, RUN, watch } from './hostile-text.ts'

// Stored and reflected XSS: hostile text goes in through the API wherever a user may write it,
// and every page that shows it must show it as text, with nothing run and no element made.

const STAVANGER_ORG_NUMBER = '964965226'

test('the app’s answers carry a strict Content-Security-Policy and their right content types', async ({
  request,
}) => {
  const page = await request.get('/')
  const html = await page.text()
  const csp = page.headers()['content-security-policy'] ?? ''
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? ''
  expect(scriptSrc.trim()).toBe("script-src 'self'")
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp).toContain(directive)

  const asset = html.match(/src="(\/assets\/[\w.-]+\.js)"/)?.[1] ?? ''
  const types: [string, RegExp][] = [
    ['/', /^text\/html; charset=utf-8$/i],
    [`/sok?q=${encodeURIComponent(P.script)}`, /^text\/html; charset=utf-8$/i],
    ['/forsok/5a000000-0000-4000-8000-000000000001', /^text\/html; charset=utf-8$/i],
    [asset, /^text\/javascript/],
    ['/api/v1/pilots?limit=1', /^application\/json/],
    [`/api/v1/pilots?q=${encodeURIComponent(P.img)}`, /^application\/json/],
    [`/api/v1/${encodeURIComponent(P.script)}`, /^application\/problem\+json$/],
    ['/api/v1/pilots/not-an-id', /^application\/problem\+json$/],
    [`/api/v1/feeds/pilots.atom?q=${encodeURIComponent(P.svg)}`, /^application\/atom\+xml/],
    ['/api/v1/export/pilots.csv', /^text\/csv/],
    ['/api/docs', /^text\/html; charset=utf-8$/i],
  ]
  for (const [path, type] of types) {
    const res = await request.get(path)
    const headers = res.headers()
    expect(headers['content-type'], path).toMatch(type)
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['content-security-policy'], path).toBe(csp)
  }
  // An echoed path stays in JSON: never markup a browser would render.
  const echoed = await request.get(`/api/v1/${encodeURIComponent(P.script)}`)
  expect(echoed.status()).toBe(404)
  expect((await echoed.json()).code).toBe('not_found')
})

test('hostile text stored through the API shows as text on every page, and never runs', async ({
  page,
  browser,
  baseURL,
}) => {
  const expectInert = await watch(page)
  const origin = baseURL ?? ''
  const admin = await signedInApi(origin, 'admin@demo.example')

  const { orgId, pilotId, stoppedId } =
    await test.step('an administrator stores hostile text through the API', () =>
      registerHostileCorner(admin))

  // Stavanger copies in its own browser: the reader's page below must not reuse its answers.
  await test.step('another municipality copies the pilot with a hostile note, and is shown the advisor', async () => {
    const context = await browser.newContext({ baseURL: origin })
    const other = await context.newPage()
    const expectInertThere = await watch(other)
    await signIn(other, 'kommune2@demo.example')
    await other.goto(`/forsok/${pilotId}`)
    await expect(other.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
    await other.getByRole('button', { name: 'Kopier forsøket' }).click()
    const dialog = other.getByRole('dialog', { name: 'Kopier forsøket' })
    await dialog.getByRole('radio', { name: 'Tilpasset' }).check()
    await dialog.getByLabel('Notat (valgfritt)').fill(TEXT.adoption)
    await dialog.getByRole('button', { name: 'Kopier til et utkast' }).click()
    await expect(other).not.toHaveURL(new RegExp(pilotId))
    await expect(
      other.getByRole('heading', {
        name: 'Forsøket er kopiert. Dette er utkastet til Stavanger kommune.',
      })
    ).toBeVisible()
    await expectInertThere('the local draft', [
      TITLE,
      `Spør gjerne ${TEXT.contact} i ${ORG} om råd:`,
    ])
    await context.close()
  })

  await test.step('the public pilot page shows every hostile field as text', async () => {
    await page.goto(`/forsok/${pilotId}`)
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
    await expect(page).toHaveTitle(`${TITLE} – Forsøksregisteret`)
    const report = page.getByRole('link', { name: 'Les rapporten' })
    await expect(report).toHaveAttribute('href', REPORT)
    const pdf = page.getByRole('link', { name: `Last ned rapporten (${PDF_NAME}, PDF)` })
    await expect(pdf).toHaveAttribute('download', PDF_NAME)
    await expectInert('the pilot page', [
      ORG,
      TEXT.summary,
      TEXT.problem,
      TEXT.hypothesis,
      TEXT.amended,
      TEXT.amendment,
      `${PARTNER} (forskning)`,
      TEXT.funding,
      TEXT.reference,
      TEXT.decision,
      TEXT.metric,
      TEXT.unit,
      TEXT.contact,
      TEXT.role,
      TEXT.evaluation,
      TEXT.lessons,
      TEXT.factors,
      TEXT.note,
      TEXT.benefit,
      TEXT.benefitUnit,
      TEXT.adoption,
    ])

    // The map's panel and table, and the lineage, name the origin as whom Stavanger learned from.
    const spread = page.locator('pilot-spread')
    await spread
      .locator('spread-map')
      .getByRole('listitem', { name: /^Stavanger/ })
      .focus()
    await expect(spread.locator('spread-map .info')).toContainText(`Lærte av ${ORG}`)
    for (const details of await spread.locator('details.chart-table summary').all())
      await details.click()
    await expect(spread.getByRole('table', { name: /^Kommuner og status/ })).toContainText(ORG)
    await expect(spread.getByRole('table', { name: /^Hvem lærte av hvem/ })).toContainText(ORG)
    await expectInert('the pilot page’s spread', [`Lærte av ${ORG}`])

    await page.goto(`/forsok/${stoppedId}`)
    await expectInert('the stopped pilot', [STOPPED, TEXT.stopped])
  })

  await test.step('lists, search and suggestions show the titles as text', async () => {
    await page.goto('/')
    await expectInert('the overview', [TITLE])

    await page.goto('/sok?q=Xsstittel')
    await expect(page.getByRole('link', { name: TITLE })).toBeVisible()
    await expectInert('the search results', [TITLE, ORG])

    // The query is echoed back as text, in the results and the search field.
    await page.goto(`/sok?q=${encodeURIComponent(TEXT.query)}`)
    await expect(page.getByRole('combobox', { name: 'Søk etter forsøk' })).toHaveValue(TEXT.query)
    await expectInert('an echoed search', [`«${TEXT.query}»`])

    const box = page.getByRole('combobox', { name: 'Søk etter forsøk' })
    await box.fill('Xsstittel')
    await expect(page.getByRole('option', { name: new RegExp(`^${literal(TITLE)}`) })).toBeVisible()
    await expectInert('the suggestions', [TITLE])

    await page.goto(`/virksomhet/${orgId}`)
    await expect(page.getByRole('heading', { level: 1, name: ORG })).toBeVisible()
    await expectInert('the organisation page', [ORG, TITLE, STOPPED])

    // What Stavanger took up, on its page.
    const found = await page.request.get(`/api/v1/organisations?orgNumber=${STAVANGER_ORG_NUMBER}`)
    await page.goto(`/virksomhet/${(await found.json()).items[0].id}`)
    await expectInert('the adopter’s organisation page', [TITLE])

    await page.goto('/forlop')
    await expectInert('the pipeline', [STOPPED, TEXT.stopped])

    // The national spread names municipalities (reference data) and the ten pilots tried most,
    // so no hostile text shows there; its map panel must still make nothing of it.
    await page.goto('/spredning')
    await page
      .locator('spread-map')
      .getByRole('listitem', { name: /^Stavanger/ })
      .focus()
    await expect(page.locator('spread-map .info')).toContainText('Stavanger')
    await expectInert('the spread', [])
  })

  await test.step('the Atom feed carries the title as text, escaped', async () => {
    const res = await page.request.get('/api/v1/feeds/pilots.atom?q=Xsstittel')
    expect(res.headers()['content-type']).toMatch(/^application\/atom\+xml/)
    const parsed = await page.evaluate(
      (xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml')
        return {
          broken: doc.getElementsByTagName('parsererror').length > 0,
          titles: [...doc.querySelectorAll('entry > title')].map((t) => t.textContent),
          hostile: doc.querySelectorAll('script, img, svg, iframe').length,
        }
      },
      await res.text()
    )
    expect(parsed.broken).toBe(false)
    expect(parsed.titles).toContain(`Nytt forsøk: ${TITLE}`)
    expect(parsed.hostile).toBe(0)
  })

  await test.step('signed in, the owner’s, account and administration lists show names as text', async () => {
    await signIn(page, 'admin@demo.example')
    await page.goto(`/forsok/${pilotId}`)
    await expect(page.getByRole('region', { name: 'Evaluatorer' })).toContainText(EVALUATOR)
    await expectInert('the owner’s pilot page', [EVALUATOR])

    await page.goto(`/forsok/${pilotId}/endre`)
    await expect(page.getByLabel('Tittel', { exact: true })).toHaveValue(TITLE)
    await expectInert('the edit form', [])

    await page.goto(`/virksomhet/${orgId}`)
    await expect(page.getByRole('heading', { name: 'Medlemmer' })).toBeVisible()
    await expectInert('the organisation’s members', [MEMBER])

    await page.goto('/konto')
    await expectInert('the account', [ORG])

    await page.goto('/admin')
    const organisations = page.getByRole('list', { name: 'Registrerte virksomheter' })
    const more = page.getByRole('button', { name: 'Vis flere virksomheter' })
    await expect(organisations).toBeVisible()
    while (await more.isVisible()) {
      const before = await organisations.getByRole('listitem').count()
      await more.click()
      await expect.poll(() => organisations.getByRole('listitem').count()).toBeGreaterThan(before)
    }
    await expectInert('the organisations', [ORG, PARTNER])

    await page.goto('/admin/brukere')
    await page.getByLabel('Søk etter navn eller e-postadresse').fill('xss')
    await page.getByRole('button', { name: 'Søk', exact: true }).click()
    await expect(page.getByRole('list', { name: 'Brukere' })).toContainText(MEMBER)
    await expectInert('the users', [MEMBER, EVALUATOR])

    await page.goto('/admin/forsok')
    await page.getByLabel('Forsøkets adresse eller ID').fill(pilotId)
    await page.getByRole('button', { name: 'Finn forsøket' }).click()
    await expect(page.getByRole('link', { name: TITLE })).toBeVisible()
    await expectInert('the administrator’s pilot tools', [TITLE, EVALUATOR])

    // After signing in, a script address as the place to return to becomes the front page.
    await page.goto(`/logg-inn?neste=${encodeURIComponent(`javascript:${RUN}`)}`)
    await expect(page.getByRole('link', { name: 'Gå videre' })).toHaveAttribute('href', '/')
    await expectInert('the sign-in page', [])
  })
})

/** `text` as a regular expression that matches it literally. */
function literal(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
