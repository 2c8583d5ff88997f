// Messages of one area of the app (charts) in bokmål, the source of the keys: charts.nn.ts and
// charts.en.ts must have every one (the type checker and i18n.test.ts see to it). Each language is
// a file of its own, so that a reader downloads only the language they read.

export const nb = {
  'charts.nav.pipeline': 'Forløp',
  'charts.nav.spread': 'Spredning',
  'charts.showTable': 'Vis tallene som tabell',

  'charts.pipeline.title': 'Forløpet fra idé til varig løsning',
  'charts.pipeline.intro':
    'Hvor langt kommer forsøkene, hvor lenge blir de i hver fase, og hvor stopper de opp? Velg tjenesteområde, fylke, type virksomhet og periode for å se en del av bildet.',
  'charts.pipeline.none': 'Ingen publiserte forsøk passer til filtrene.',
  'charts.pipeline.more': 'Se hele forløpet med filtre',
  'charts.filters.label': 'Filtrer forløpet',
  'charts.filters.serviceArea': 'Tjenesteområde',
  'charts.filters.county': 'Fylke (eierens)',
  'charts.filters.orgKind': 'Type virksomhet',
  'charts.filters.from': 'Registrert fra og med',
  'charts.filters.to': 'Registrert til og med',
  'charts.filters.all': 'Alle',
  'charts.filters.apply': 'Vis',
  'charts.filters.clear': 'Fjern filtrene',

  'charts.funnel.title': 'Fra fase til fase',
  'charts.funnel.summary':
    'Av {pilots} publiserte forsøk har {lasting} blitt varige løsninger ({share} av alle som ble registrert), og {stopped} er avsluttet underveis.',
  'charts.funnel.median': 'median {days}',
  'charts.funnel.onwards': '{rate} videre',
  'charts.funnel.markReached': '{stage}: {count} forsøk har vært i fasen, {current} er der nå',
  'charts.funnel.markMedian': 'Median tid i fasen {days}',
  'charts.funnel.markConversion': '{rate} gikk videre til {next}',
  'charts.funnel.tableCaption':
    'Forsøk per fase: hvor mange som nådde fasen, og hvor mange som gikk videre',

  'charts.stopped.title': 'Avsluttede forsøk og hvorfor',
  'charts.stopped.from': 'stoppet i fasen {stage}',
  'charts.stopped.none': 'Ingen forsøk er avsluttet underveis.',
  'charts.stopped.shown': 'Viser de {shown} sist avsluttede av {count}.',
  'charts.stopped.all': 'Se alle avsluttede forsøk i søket',
  'charts.stuck.shown': 'Viser de {shown} som har ventet lengst, av {count}.',
  'charts.stuck.title': 'Vellykkede forsøk som ikke er tatt i bruk',
  'charts.stuck.intro':
    'Forsøk som ga gode resultater, men som verken er gjort varige eller tatt i bruk av andre tolv måneder etter at de ble avsluttet.',
  'charts.stuck.since': 'Konkludert {date}',
  'charts.stuck.none': 'Ingen vellykkede forsøk står fast akkurat nå.',

  'charts.spread.title': 'Spredning av forsøk',
  'charts.spread.intro':
    'Hvor i landet er forsøkene tatt i bruk, hvor fort sprer de seg, og hva har de gitt? Dra i tidslinjen for å se spredningen år for år.',
  'charts.map.title': 'Kart over kommuner som har tatt forsøk i bruk',
  'charts.map.pilotTitle': 'Hvor forsøket er tatt i bruk',
  'charts.map.label': 'Kommuner med registrert interesse eller bruk',
  'charts.map.loading': 'Henter kartet …',
  'charts.map.failed': 'Kartet kunne ikke hentes. Tallene står i tabellen under.',
  'charts.map.empty': 'Ingen har tatt forsøket i bruk ennå.',
  'charts.map.year': 'Vis spredningen ved utgangen av {year}',
  'charts.map.yearValue': 'Utgangen av {year}',
  'charts.map.play': 'Spill av år for år',
  'charts.map.pause': 'Stopp avspillingen',
  'charts.map.legend': 'Tegnforklaring',
  'charts.map.none': 'Ingen',
  'charts.map.hint':
    'Pek på eller gå med tabulatortasten til en farget kommune for å se status og hvem de lærte av.',
  'charts.map.adoptions': '{count} registrert',
  'charts.map.learnedFrom': 'Lærte av {from}',
  'charts.map.learnedFromHeader': 'Lærte av',
  'charts.map.municipality': 'Kommune',
  'charts.map.total': 'I alt',
  'charts.map.summaryPilot':
    'Ved utgangen av {year} var forsøket registrert i {places} kommuner; {took} av dem prøvde det ut eller hadde tatt det i bruk.',
  'charts.map.summaryAll':
    'Ved utgangen av {year} var det registrert {count} interesser, utprøvinger og innføringer i {places} kommuner.',
  'charts.map.tableCaption': 'Kommuner og status ved utgangen av {year}',
  'charts.map.attribution': 'Kartgrunnlag: © Kartverket (CC BY 4.0)',

  'charts.lineage.title': 'Hvem lærte av hvem',
  'charts.lineage.origin': 'Opprinnelig forsøk',
  'charts.lineage.outcome': 'lokalt resultat: {outcome}',
  'charts.lineage.noOutcome': 'lokalt resultat ikke oppgitt',
  'charts.lineage.empty': 'Ingen har lært av dette forsøket ennå.',
  'charts.lineage.summary':
    '{count} virksomheter har lært av {origin}; {further} av dem lærte av en annen enn opphavet, i opptil {generations} ledd.',
  'charts.lineage.tableCaption': 'Hvem lærte av hvem, med grad og lokalt resultat',
  'charts.lineage.organisation': 'Virksomhet',
  'charts.lineage.learnedFrom': 'Lærte av',
  'charts.lineage.step': 'Ledd',
  'charts.lineage.degree': 'Grad',
  'charts.lineage.status': 'Status',
  'charts.lineage.localOutcome': 'Lokalt resultat',

  'charts.diffusion.title': 'Spredning over tid',
  'charts.diffusion.empty': 'Ingen har prøvd ut eller tatt i bruk forsøket ennå.',
  'charts.diffusion.summary':
    '{total} virksomheter har prøvd ut eller tatt i bruk forsøket fra {first} til {last}.',
  'charts.diffusion.summaryAll':
    'Fra {first} til {last} har virksomheter prøvd ut eller tatt i bruk et forsøk fra registeret {total} ganger.',
  'charts.diffusion.perPeriod': 'Nye i perioden',
  'charts.diffusion.cumulative': 'Til sammen',
  'charts.diffusion.fitted': 'Bass-modellen',
  'charts.diffusion.forecast': 'Prognose',
  'charts.diffusion.forecastShort': 'prognose',
  'charts.diffusion.period': 'Periode',
  'charts.diffusion.mark': '{period}: {adoptions} nye, {cumulative} til sammen',
  'charts.diffusion.markFitted': 'Modellen gir {value} til sammen',
  'charts.diffusion.markForecast': '{period}, prognose: om lag {value} til sammen',
  'charts.diffusion.noFit':
    'Det er for få tall ennå til å tilpasse en spredningskurve; prognosen kommer når flere har tatt forsøket i bruk.',
  'charts.diffusion.m':
    'Modellen anslår at om lag {m} virksomheter vil ta dette i bruk til slutt (m).',
  'charts.diffusion.p':
    'p = {p}: hvor mye som tas i bruk på eget initiativ, uten å ha sett andre gjøre det.',
  'charts.diffusion.q': 'q = {q}: hvor mye som tas i bruk fordi andre allerede har gjort det.',
  'charts.diffusion.imitation': 'Her sprer det seg mest ved at noen lærer av andre.',
  'charts.diffusion.innovation': 'Her sprer det seg mest ved at hver enkelt finner det selv.',
  'charts.diffusion.rSquared': 'Kurven forklarer tallene med R² = {r2} (1 er perfekt).',
  'charts.diffusion.tableCaption': 'Nye og samlede per periode, med modellens kurve og prognose',

  'charts.replication.title': 'Hvor godt virker det hos andre',
  'charts.replication.summary':
    'Forsøkene har virket hos {succeeded} av {tried} virksomheter som har prøvd dem ut.',
  'charts.replication.pilot': 'virket hos {succeeded} av {tried} som prøvde',
  'charts.highlights.title': 'Spredning',
  'charts.highlights.summary':
    'Forsøk er registrert tatt opp i {places} kommuner, og har virket hos {succeeded} av {tried} som prøvde dem ut.',
  'charts.highlights.most': 'Mest kopiert',
  'charts.highlights.more': 'Se kartet og spredningen år for år',

  'charts.benefits.title': 'Planlagte og realiserte gevinster',
  'charts.benefits.intro':
    'Gevinster per år for alle publiserte forsøk og de som har tatt dem i bruk, fordelt på hvem som bærer kostnaden og hvem som får gevinsten.',
  'charts.benefits.empty': 'Ingen gevinster er registrert.',
  'charts.benefits.planned': 'Planlagt per år',
  'charts.benefits.realised': 'Realisert per år',
  'charts.benefits.total': 'I alt',
  'charts.benefits.byBearer': 'Hvem bærer kostnaden',
  'charts.benefits.byBeneficiary': 'Hvem får gevinsten',
  'charts.benefits.summary': 'Planlagt {planned}, realisert {realised} ({share} av det planlagte).',
  'charts.benefits.mark': '{who}: planlagt {planned}, realisert {realised}',
  'charts.benefits.tableCaption': 'Gevinster per år: planlagt og realisert',
  'charts.benefits.kind': 'Gevinst',
  'charts.benefits.who': 'Fordeling',

  'charts.pilot.spreadTitle': 'Spredning',
} as const
