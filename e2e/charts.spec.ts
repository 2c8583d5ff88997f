import { expect, type Locator, type Page, test } from '@playwright/test'
import { checkPage, settled } from './checks.ts'

// The charts show what the statistics API answers: each test reads the numbers off a chart's
// table (and its marks' accessible names) and compares them with the API for the same filters.

const api = '/api/v1'
const digits = (text: string) => text.replace(/[^\d]/g, '')
/** The first number in a formatted amount ("kr 1 200", "3 timer", "4 poeng (1–5)"), as digits. */
const amount = (text: string) =>
  text.replace(/(\d)\s+(?=\d)/g, '$1').match(/\d+(?:,\d+)?/)?.[0] ?? ''

/** Opens a chart's table alternative (inside `scope`) and reads its body rows as cell texts. */
async function tableRows(scope: Locator, caption: string | RegExp): Promise<string[][]> {
  const table = scope.getByRole('table', { name: caption })
  const details = scope.locator('details.chart-table').first()
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click()
  await expect(table).toBeVisible()
  const rows = table.locator('tbody tr')
  const out: string[][] = []
  for (const row of await rows.all()) {
    out.push(
      (await row.locator('th, td').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())
    )
  }
  return out
}

/** The view as a reader first sees it (tables closed), at desktop width and at 375 px. */
async function screenshots(page: Page, name: string) {
  await settled(page)
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true })
  const wide = page.viewportSize()
  await page.setViewportSize({ width: 375, height: 800 })
  await settled(page)
  await page.screenshot({ path: `test-results/screenshots/${name}-375.png`, fullPage: true })
  if (wide) await page.setViewportSize(wide)
  await settled(page)
}

type Pipeline = {
  pilots: number
  stages: { stage: string; current: number; reached: number }[]
  conversion: { from: string; to: string; rate: number | null }[]
  discontinued: { pilots: { title: string }[] }
  stuckSuccesses: { title: string }[]
}

const STAGE_NAMES: Record<string, string> = {
  hypothesis: 'Hypotese',
  planned: 'Planlagt',
  running: 'Pågår',
  evaluating: 'Evalueres',
  concluded: 'Konkludert',
  adopted: 'Varig løsning',
  discontinued: 'Avbrutt',
}

async function expectFunnel(page: Page, stats: Pipeline) {
  const funnel = page.locator('pipeline-funnel')
  const rows = await tableRows(funnel, /^Forsøk per fase: hvor mange/)
  const byStage = new Map(rows.map((r) => [r[0], r]))
  for (const s of stats.stages) {
    const row = byStage.get(STAGE_NAMES[s.stage] as string)
    expect(row, s.stage).toBeDefined()
    expect([digits(row?.[1] ?? ''), digits(row?.[2] ?? '')], s.stage).toEqual([
      String(s.reached),
      String(s.current),
    ])
  }
  // The bars say the same in their accessible names.
  const adopted = stats.stages.find((s) => s.stage === 'adopted')
  await expect(
    funnel.getByRole('listitem', {
      name: new RegExp(`^Varig løsning: ${adopted?.reached} forsøk har vært i fasen`),
    })
  ).toBeVisible()
}

test('the pipeline: the funnel, stopped pilots and stuck successes match the API, with filters in the URL', async ({
  page,
  request,
}) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Forløp', exact: true }).click()
  await expect(page).toHaveURL(/\/forlop$/)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Forløpet fra idé til varig løsning' })
  ).toBeVisible()
  const all: Pipeline = await (await request.get(`${api}/stats/pipeline`)).json()
  await expect(page.locator('pipeline-funnel figcaption')).toBeVisible()
  await screenshots(page, 'view-pipeline')
  await expectFunnel(page, all)
  for (const p of all.discontinued.pilots)
    await expect(page.getByRole('link', { name: p.title })).toBeVisible()
  const stuck = page.getByRole('region', { name: 'Vellykkede forsøk som ikke er tatt i bruk' })
  await expect(stuck.getByRole('listitem')).toHaveCount(all.stuckSuccesses.length)
  await checkPage(page, 'charts-pipeline')

  // A filter goes into the address, and the chart shows the API's numbers for it.
  await page.getByLabel('Tjenesteområde').selectOption({ label: 'Helse og omsorg' })
  await page.getByLabel('Type virksomhet').selectOption('municipality')
  await page.getByRole('button', { name: 'Vis', exact: true }).click()
  await expect(page).toHaveURL(/\/forlop\?serviceArea=health_care&orgKind=municipality$/)
  const filtered: Pipeline = await (
    await request.get(`${api}/stats/pipeline?serviceArea=health_care&orgKind=municipality`)
  ).json()
  expect(filtered.pilots).toBeLessThan(all.pilots)
  await expect(page.locator('pipeline-funnel figcaption')).toContainText(
    `Av ${filtered.pilots} publiserte forsøk`
  )
  await expectFunnel(page, filtered)

  // The address alone brings the same view back.
  await page.reload()
  await expect(page.getByLabel('Tjenesteområde')).toHaveValue('health_care')
  await expectFunnel(page, filtered)
})

type Spread = {
  overTime: { period: string; adoptions: number; cumulative: number }[]
  byMunicipality: { municipalityNumber: string; name: string; total: number }[]
  replication: { tried: number; succeeded: number }
}

async function expectMap(scope: Locator, spread: Spread, year: number) {
  const rows = await tableRows(scope, `Kommuner og status ved utgangen av ${year}`)
  expect(
    rows
      .map((r) => [r[0], digits(r[1] ?? '')])
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
  ).toEqual(
    spread.byMunicipality
      .map((m) => [m.name, String(m.total)])
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
  )
}

test('the spread: map, time slider and curve match the API, and work by keyboard', async ({
  page,
  request,
}) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Spredning', exact: true }).first().click()
  await expect(page).toHaveURL(/\/spredning$/)
  const now: Spread = await (await request.get(`${api}/stats/spread`)).json()
  const thisYear = new Date().getFullYear()
  const explorer = page.locator('spread-explorer')
  await expect(explorer.getByRole('listitem').first()).toBeVisible()
  await screenshots(page, 'view-spread')
  await expectMap(explorer, now, thisYear)

  // The slider by keyboard: Home goes to the first year, the arrow one year on.
  const slider = page.getByRole('slider', { name: /Vis spredningen ved utgangen av/ })
  const first = Number(now.overTime[0]?.period)
  await slider.focus()
  await page.keyboard.press('Home')
  await expect(slider).toHaveValue(String(first))
  const then: Spread = await (await request.get(`${api}/stats/spread?until=${first}-12-31`)).json()
  await expectMap(explorer, then, first)
  expect(then.byMunicipality.length).toBeLessThanOrEqual(now.byMunicipality.length)
  await page.keyboard.press('ArrowRight')
  const next: Spread = await (
    await request.get(`${api}/stats/spread?until=${first + 1}-12-31`)
  ).json()
  await expectMap(explorer, next, first + 1)
  await page.keyboard.press('End')
  await expectMap(explorer, now, thisYear)

  // The map by keyboard: past the play button, Tab reaches the first municipality, and the
  // panel beside the map names it.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Spill av år for år' })).toBeFocused()
  await page.keyboard.press('Tab')
  const firstPlace = [...now.byMunicipality].sort((a, b) => a.name.localeCompare(b.name, 'nb'))[0]
  const mark = explorer.getByRole('listitem', {
    name: new RegExp(`^${firstPlace?.name}: ${firstPlace?.total} registrert`),
  })
  await expect(mark).toBeFocused()
  await expect(explorer.getByRole('heading', { level: 3, name: firstPlace?.name })).toBeVisible()

  // The curve: new and total per year, as the API counts them.
  const curve = page.locator('diffusion-chart')
  const rows = await tableRows(curve, /^Nye og samlede per periode/)
  expect(
    rows
      .filter((r) => /^\d{4}$/.test(r[0] ?? ''))
      .map((r) => [r[0], digits(r[1] ?? ''), digits(r[2] ?? '')])
  ).toEqual(now.overTime.map((p) => [p.period, String(p.adoptions), String(p.cumulative)]))
  await expect(
    page.getByText(
      `Forsøkene har virket hos ${now.replication.succeeded} av ${now.replication.tried}`
    )
  ).toBeVisible()

  // Benefits: the national totals, planned and realised.
  const benefits: { groups: { kind: string; planned: number; realised: number }[] } = await (
    await request.get(`${api}/stats/benefits`)
  ).json()
  const benefitRows = await tableRows(
    page.locator('benefit-chart'),
    'Gevinster per år: planlagt og realisert'
  )
  const totals = benefitRows.filter((r) => r[1] === 'I alt')
  const shown = totals.map((r) => [amount(r[2] ?? ''), amount(r[3] ?? '')])
  const groups = benefits.groups.filter((g) => g.planned || g.realised)
  expect(shown).toHaveLength(groups.length)
  groups.forEach((g, i) => {
    // Amounts are shown rounded: to whole kroner and hours, to one decimal otherwise.
    const [planned, realised] = (shown[i] ?? []).map((v) => Number(v.replace(',', '.')))
    expect(Math.abs((planned ?? Number.NaN) - g.planned), g.kind).toBeLessThanOrEqual(0.5)
    expect(Math.abs((realised ?? Number.NaN) - g.realised), g.kind).toBeLessThanOrEqual(0.5)
  })

  await checkPage(page, 'charts-spread')
})

test("a pilot's page: its map, lineage and diffusion curve match the API", async ({
  page,
  request,
}) => {
  const search = await (
    await request.get(`${api}/pilots?q=${encodeURIComponent('tilsyn natten')}`)
  ).json()
  const pilot = search.items[0] as { id: string; title: string }
  await page.goto(`/forsok/${pilot.id}`)
  await expect(page.getByRole('heading', { level: 1, name: pilot.title })).toBeVisible()
  const spreadView = page.locator('pilot-spread')
  await expect(spreadView.locator('spread-map').getByRole('listitem').first()).toBeVisible()
  await screenshots(page, 'view-pilot')

  const spread: Spread = await (await request.get(`${api}/stats/spread?pilot=${pilot.id}`)).json()

  // By keyboard, past the slider and the play button, the first adopter on the map says its
  // status and whom it learned from, and the panel beside the map shows the same.
  const pilotMap = spreadView.locator('spread-explorer')
  await pilotMap.getByRole('slider').focus()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  const firstAdopter = [...spread.byMunicipality].sort((a, b) =>
    a.name.localeCompare(b.name, 'nb')
  )[0]
  await expect(
    pilotMap.getByRole('listitem', {
      name: new RegExp(`^${firstAdopter?.name}: .+\\. Lærte av .+`),
    })
  ).toBeFocused()
  await expect(pilotMap.getByRole('heading', { level: 3, name: firstAdopter?.name })).toBeVisible()
  await expect(pilotMap.locator('.info')).toContainText('Lærte av ')
  const rows = await tableRows(
    spreadView.locator('spread-explorer'),
    /^Kommuner og status ved utgangen av/
  )
  expect(rows.map((r) => r[0]).sort()).toEqual(spread.byMunicipality.map((m) => m.name).sort())

  const lineage: {
    origin: { organisationName: string }
    nodes: { organisationName: string; depth: number }[]
  } = await (await request.get(`${api}/pilots/${pilot.id}/lineage`)).json()
  const tree = spreadView.locator('lineage-tree')
  const lineageRows = await tableRows(tree, 'Hvem lærte av hvem, med grad og lokalt resultat')
  expect(lineageRows.map((r) => [r[0], r[2]]).sort()).toEqual(
    lineage.nodes.map((n) => [n.organisationName, String(n.depth)]).sort()
  )
  await expect(
    tree.getByRole('listitem', {
      name: new RegExp(`^${lineage.origin.organisationName}: Opprinnelig forsøk`),
    })
  ).toBeVisible()

  const diffusion = await request.get(`${api}/pilots/${pilot.id}/diffusion`)
  const series: Spread['overTime'] =
    diffusion.status() === 200 ? (await diffusion.json()).series : spread.overTime
  const curveRows = await tableRows(
    spreadView.locator('diffusion-chart'),
    /^Nye og samlede per periode/
  )
  expect(
    curveRows.filter((r) => !r[0]?.includes('prognose')).map((r) => [r[0], digits(r[2] ?? '')])
  ).toEqual(series.map((p) => [p.period, String(p.cumulative)]))
  if (diffusion.status() === 200) {
    const { fit } = await diffusion.json()
    await expect(spreadView.getByText(`om lag ${Math.round(fit.m)} virksomheter`)).toBeVisible()
  }

  await checkPage(page, 'charts-pilot')
})
