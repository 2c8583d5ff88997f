import type { nb } from './charts.ts'

// Messages of one area of the app (charts) in nynorsk.
export const nn: Record<keyof typeof nb, string> = {
  'charts.nav.pipeline': 'Forløp',
  'charts.nav.spread': 'Spreiing',
  'charts.showTable': 'Vis tala som tabell',

  'charts.pipeline.title': 'Forløpet frå idé til varig løysing',
  'charts.pipeline.intro':
    'Kor langt kjem forsøka, kor lenge blir dei i kvar fase, og kvar stoppar dei opp? Vel tenesteområde, fylke, type verksemd og periode for å sjå ein del av biletet.',
  'charts.pipeline.none': 'Ingen publiserte forsøk passar til filtera.',
  'charts.pipeline.more': 'Sjå heile forløpet med filter',
  'charts.filters.label': 'Filtrer forløpet',
  'charts.filters.serviceArea': 'Tenesteområde',
  'charts.filters.county': 'Fylke (eigaren sitt)',
  'charts.filters.orgKind': 'Type verksemd',
  'charts.filters.from': 'Registrert frå og med',
  'charts.filters.to': 'Registrert til og med',
  'charts.filters.all': 'Alle',
  'charts.filters.apply': 'Vis',
  'charts.filters.clear': 'Fjern filtera',

  'charts.funnel.title': 'Frå fase til fase',
  'charts.funnel.summary':
    'Av {pilots} publiserte forsøk har {lasting} vorte varige løysingar ({share} av alle som vart registrerte), og {stopped} er avslutta undervegs.',
  'charts.funnel.median': 'median {days}',
  'charts.funnel.onwards': '{rate} vidare',
  'charts.funnel.markReached': '{stage}: {count} forsøk har vore i fasen, {current} er der no',
  'charts.funnel.markMedian': 'Median tid i fasen {days}',
  'charts.funnel.markConversion': '{rate} gjekk vidare til {next}',
  'charts.funnel.tableCaption':
    'Forsøk per fase: kor mange som nådde fasen, og kor mange som gjekk vidare',

  'charts.stopped.title': 'Avslutta forsøk og kvifor',
  'charts.stopped.from': 'stoppa i fasen {stage}',
  'charts.stopped.none': 'Ingen forsøk er avslutta undervegs.',
  'charts.stopped.shown': 'Viser dei {shown} sist avslutta av {count}.',
  'charts.stopped.all': 'Sjå alle avslutta forsøk i søket',
  'charts.stuck.shown': 'Viser dei {shown} som har venta lengst, av {count}.',
  'charts.stuck.title': 'Vellukka forsøk som ikkje er tekne i bruk',
  'charts.stuck.intro':
    'Forsøk som gav gode resultat, men som verken er gjorde varige eller tekne i bruk av andre tolv månader etter at dei vart avslutta.',
  'charts.stuck.since': 'Konkludert {date}',
  'charts.stuck.none': 'Ingen vellukka forsøk står fast akkurat no.',

  'charts.spread.title': 'Spreiing av forsøk',
  'charts.spread.intro':
    'Kvar i landet er forsøka tekne i bruk, kor fort spreier dei seg, og kva har dei gitt? Dra i tidslinja for å sjå spreiinga år for år.',
  'charts.map.title': 'Kart over kommunar som har teke forsøk i bruk',
  'charts.map.pilotTitle': 'Kvar forsøket er teke i bruk',
  'charts.map.label': 'Kommunar med registrert interesse eller bruk',
  'charts.map.loading': 'Hentar kartet …',
  'charts.map.failed': 'Kartet kunne ikkje hentast. Tala står i tabellen under.',
  'charts.map.empty': 'Ingen har teke forsøket i bruk enno.',
  'charts.map.year': 'Vis spreiinga ved utgangen av {year}',
  'charts.map.yearValue': 'Utgangen av {year}',
  'charts.map.play': 'Spel av år for år',
  'charts.map.pause': 'Stopp avspelinga',
  'charts.map.legend': 'Teiknforklaring',
  'charts.map.none': 'Ingen',
  'charts.map.hint':
    'Peik på eller gå med tabulatortasten til ein farga kommune for å sjå status og kven dei lærte av.',
  'charts.map.adoptions': '{count} registrert',
  'charts.map.learnedFrom': 'Lærte av {from}',
  'charts.map.learnedFromHeader': 'Lærte av',
  'charts.map.municipality': 'Kommune',
  'charts.map.total': 'I alt',
  'charts.map.summaryPilot':
    'Ved utgangen av {year} var forsøket registrert i {places} kommunar; {took} av dei prøvde det ut eller hadde teke det i bruk.',
  'charts.map.summaryAll':
    'Ved utgangen av {year} var det registrert {count} interesser, utprøvingar og innføringar i {places} kommunar.',
  'charts.map.tableCaption': 'Kommunar og status ved utgangen av {year}',
  'charts.map.attribution': 'Kartgrunnlag: © Kartverket (CC BY 4.0)',

  'charts.lineage.title': 'Kven lærte av kven',
  'charts.lineage.origin': 'Opphavleg forsøk',
  'charts.lineage.outcome': 'lokalt resultat: {outcome}',
  'charts.lineage.noOutcome': 'lokalt resultat ikkje oppgitt',
  'charts.lineage.empty': 'Ingen har lært av dette forsøket enno.',
  'charts.lineage.summary':
    '{count} verksemder har lært av {origin}; {further} av dei lærte av ein annan enn opphavet, i opptil {generations} ledd.',
  'charts.lineage.tableCaption': 'Kven lærte av kven, med grad og lokalt resultat',
  'charts.lineage.organisation': 'Verksemd',
  'charts.lineage.learnedFrom': 'Lærte av',
  'charts.lineage.step': 'Ledd',
  'charts.lineage.degree': 'Grad',
  'charts.lineage.status': 'Status',
  'charts.lineage.localOutcome': 'Lokalt resultat',

  'charts.diffusion.title': 'Spreiing over tid',
  'charts.diffusion.empty': 'Ingen har prøvd ut eller teke i bruk forsøket enno.',
  'charts.diffusion.summary':
    '{total} verksemder har prøvd ut eller teke i bruk forsøket frå {first} til {last}.',
  'charts.diffusion.summaryAll':
    'Frå {first} til {last} har verksemder prøvd ut eller teke i bruk eit forsøk frå registeret {total} gonger.',
  'charts.diffusion.perPeriod': 'Nye i perioden',
  'charts.diffusion.cumulative': 'Til saman',
  'charts.diffusion.fitted': 'Bass-modellen',
  'charts.diffusion.forecast': 'Prognose',
  'charts.diffusion.forecastShort': 'prognose',
  'charts.diffusion.period': 'Periode',
  'charts.diffusion.mark': '{period}: {adoptions} nye, {cumulative} til saman',
  'charts.diffusion.markFitted': 'Modellen gir {value} til saman',
  'charts.diffusion.markForecast': '{period}, prognose: om lag {value} til saman',
  'charts.diffusion.noFit':
    'Det er for få tal enno til å tilpasse ei spreiingskurve; prognosen kjem når fleire har teke forsøket i bruk.',
  'charts.diffusion.m':
    'Modellen reknar med at om lag {m} verksemder vil ta dette i bruk til slutt (m).',
  'charts.diffusion.p':
    'p = {p}: kor mykje som blir teke i bruk på eige initiativ, utan å ha sett andre gjere det.',
  'charts.diffusion.q': 'q = {q}: kor mykje som blir teke i bruk fordi andre alt har gjort det.',
  'charts.diffusion.imitation': 'Her spreier det seg mest ved at nokon lærer av andre.',
  'charts.diffusion.innovation': 'Her spreier det seg mest ved at kvar enkelt finn det sjølv.',
  'charts.diffusion.rSquared': 'Kurva forklarer tala med R² = {r2} (1 er perfekt).',
  'charts.diffusion.tableCaption': 'Nye og samla per periode, med kurva og prognosen til modellen',

  'charts.replication.title': 'Kor godt verkar det hos andre',
  'charts.replication.summary':
    'Forsøka har verka hos {succeeded} av {tried} verksemder som har prøvd dei ut.',
  'charts.replication.pilot': 'verka hos {succeeded} av {tried} som prøvde',
  'charts.highlights.title': 'Spreiing',
  'charts.highlights.summary':
    'Forsøk er registrert tekne opp i {places} kommunar, og har verka hos {succeeded} av {tried} som prøvde dei ut.',
  'charts.highlights.most': 'Mest kopiert',
  'charts.highlights.more': 'Sjå kartet og spreiinga år for år',

  'charts.benefits.title': 'Planlagde og realiserte gevinstar',
  'charts.benefits.intro':
    'Gevinstar per år for alle publiserte forsøk og dei som har teke dei i bruk, fordelte på kven som ber kostnaden og kven som får gevinsten.',
  'charts.benefits.empty': 'Ingen gevinstar er registrerte.',
  'charts.benefits.planned': 'Planlagt per år',
  'charts.benefits.realised': 'Realisert per år',
  'charts.benefits.total': 'I alt',
  'charts.benefits.byBearer': 'Kven ber kostnaden',
  'charts.benefits.byBeneficiary': 'Kven får gevinsten',
  'charts.benefits.summary': 'Planlagt {planned}, realisert {realised} ({share} av det planlagde).',
  'charts.benefits.mark': '{who}: planlagt {planned}, realisert {realised}',
  'charts.benefits.tableCaption': 'Gevinstar per år: planlagt og realisert',
  'charts.benefits.kind': 'Gevinst',
  'charts.benefits.who': 'Fordeling',

  'charts.pilot.spreadTitle': 'Spreiing',
}
