// Messages of one area of the app (charts), in the three languages. Bokmål is the source of the keys;
// nynorsk and English must have every one (the type checker and i18n.test.ts see to it).

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

export const en: Record<keyof typeof nb, string> = {
  'charts.nav.pipeline': 'Pipeline',
  'charts.nav.spread': 'Spread',
  'charts.showTable': 'Show the numbers as a table',

  'charts.pipeline.title': 'From idea to lasting solution',
  'charts.pipeline.intro':
    'How far do pilots get, how long do they stay in each stage, and where do they stall? Choose a service area, county, kind of organisation and period to see part of the picture.',
  'charts.pipeline.none': 'No published pilots match the filters.',
  'charts.pipeline.more': 'See the whole pipeline with filters',
  'charts.filters.label': 'Filter the pipeline',
  'charts.filters.serviceArea': 'Service area',
  'charts.filters.county': "County (the owner's)",
  'charts.filters.orgKind': 'Kind of organisation',
  'charts.filters.from': 'Registered from',
  'charts.filters.to': 'Registered until',
  'charts.filters.all': 'All',
  'charts.filters.apply': 'Show',
  'charts.filters.clear': 'Clear the filters',

  'charts.funnel.title': 'From stage to stage',
  'charts.funnel.summary':
    'Of {pilots} published pilots, {lasting} have become lasting solutions ({share} of all registered), and {stopped} were stopped along the way.',
  'charts.funnel.median': 'median {days}',
  'charts.funnel.onwards': '{rate} onwards',
  'charts.funnel.markReached':
    '{stage}: {count} pilots reached this stage, {current} are there now',
  'charts.funnel.markMedian': 'Median time in the stage {days}',
  'charts.funnel.markConversion': '{rate} went on to {next}',
  'charts.funnel.tableCaption': 'Pilots per stage: how many reached it and how many went on',

  'charts.stopped.title': 'Stopped pilots and why',
  'charts.stopped.from': 'stopped while {stage}',
  'charts.stopped.none': 'No pilot has been stopped along the way.',
  'charts.stuck.title': 'Successful pilots nobody has taken up',
  'charts.stuck.intro':
    'Pilots with good results that have neither become lasting solutions nor been taken up by others twelve months after they concluded.',
  'charts.stuck.since': 'Concluded {date}',
  'charts.stuck.none': 'No successful pilot is stuck right now.',

  'charts.spread.title': 'How pilots spread',
  'charts.spread.intro':
    'Where in the country have pilots been taken up, how fast do they spread, and what did they bring? Move the time slider to see the spread year by year.',
  'charts.map.title': 'Map of municipalities that took pilots up',
  'charts.map.pilotTitle': 'Where the pilot has been taken up',
  'charts.map.label': 'Municipalities with recorded interest or use',
  'charts.map.loading': 'Loading the map …',
  'charts.map.failed': 'The map could not be loaded. The numbers are in the table below.',
  'charts.map.empty': 'Nobody has taken the pilot up yet.',
  'charts.map.year': 'Show the spread at the end of {year}',
  'charts.map.yearValue': 'End of {year}',
  'charts.map.play': 'Play year by year',
  'charts.map.pause': 'Stop playing',
  'charts.map.legend': 'Legend',
  'charts.map.none': 'None',
  'charts.map.hint':
    'Point at or tab to a coloured municipality to see its status and whom it learned from.',
  'charts.map.adoptions': '{count} recorded',
  'charts.map.learnedFrom': 'Learned from {from}',
  'charts.map.learnedFromHeader': 'Learned from',
  'charts.map.municipality': 'Municipality',
  'charts.map.total': 'Total',
  'charts.map.summaryPilot':
    'At the end of {year} the pilot was recorded in {places} municipalities; {took} of them were trialling it or had adopted it.',
  'charts.map.summaryAll':
    'At the end of {year}, {count} interests, trials and adoptions were recorded in {places} municipalities.',
  'charts.map.tableCaption': 'Municipalities and status at the end of {year}',
  'charts.map.attribution': 'Map data: © Kartverket (CC BY 4.0)',

  'charts.lineage.title': 'Who learned from whom',
  'charts.lineage.origin': 'Original pilot',
  'charts.lineage.outcome': 'local outcome: {outcome}',
  'charts.lineage.noOutcome': 'local outcome not given',
  'charts.lineage.empty': 'Nobody has learned from this pilot yet.',
  'charts.lineage.summary':
    '{count} organisations learned from {origin}; {further} of them learned from someone other than the origin, up to {generations} steps away.',
  'charts.lineage.tableCaption': 'Who learned from whom, with degree and local outcome',
  'charts.lineage.organisation': 'Organisation',
  'charts.lineage.learnedFrom': 'Learned from',
  'charts.lineage.step': 'Step',
  'charts.lineage.degree': 'Degree',
  'charts.lineage.status': 'Status',
  'charts.lineage.localOutcome': 'Local outcome',

  'charts.diffusion.title': 'Spread over time',
  'charts.diffusion.empty': 'Nobody has trialled or adopted the pilot yet.',
  'charts.diffusion.summary':
    '{total} organisations have trialled or adopted the pilot from {first} to {last}.',
  'charts.diffusion.summaryAll':
    'From {first} to {last}, organisations trialled or adopted a pilot from the registry {total} times.',
  'charts.diffusion.perPeriod': 'New in the period',
  'charts.diffusion.cumulative': 'In total',
  'charts.diffusion.fitted': 'Bass model',
  'charts.diffusion.forecast': 'Forecast',
  'charts.diffusion.forecastShort': 'forecast',
  'charts.diffusion.period': 'Period',
  'charts.diffusion.mark': '{period}: {adoptions} new, {cumulative} in total',
  'charts.diffusion.markFitted': 'The model gives {value} in total',
  'charts.diffusion.markForecast': '{period}, forecast: about {value} in total',
  'charts.diffusion.noFit':
    'There are too few numbers yet to fit a diffusion curve; the forecast comes once more have taken the pilot up.',
  'charts.diffusion.m':
    'The model estimates that about {m} organisations will take this up in the end (m).',
  'charts.diffusion.p':
    'p = {p}: how much is taken up on own initiative, without seeing others do it.',
  'charts.diffusion.q': 'q = {q}: how much is taken up because others already have.',
  'charts.diffusion.imitation': 'Here it spreads mostly by organisations learning from each other.',
  'charts.diffusion.innovation':
    'Here it spreads mostly by each organisation finding it on its own.',
  'charts.diffusion.rSquared': 'The curve explains the numbers with R² = {r2} (1 is perfect).',
  'charts.diffusion.tableCaption': "New and total per period, with the model's curve and forecast",

  'charts.replication.title': 'How well it works elsewhere',
  'charts.replication.summary':
    'The pilots worked for {succeeded} of {tried} organisations that tried them.',
  'charts.replication.pilot': 'worked for {succeeded} of {tried} that tried it',
  'charts.highlights.title': 'Spread',
  'charts.highlights.summary':
    'Pilots have been taken up in {places} municipalities, and worked for {succeeded} of {tried} that tried them.',
  'charts.highlights.most': 'Copied the most',
  'charts.highlights.more': 'See the map and the spread year by year',

  'charts.benefits.title': 'Planned and realised benefits',
  'charts.benefits.intro':
    'Benefits per year of all published pilots and of those that took them up, split by who bears the cost and who gets the benefit.',
  'charts.benefits.empty': 'No benefits are recorded.',
  'charts.benefits.planned': 'Planned per year',
  'charts.benefits.realised': 'Realised per year',
  'charts.benefits.total': 'Total',
  'charts.benefits.byBearer': 'Who bears the cost',
  'charts.benefits.byBeneficiary': 'Who gets the benefit',
  'charts.benefits.summary': 'Planned {planned}, realised {realised} ({share} of the plan).',
  'charts.benefits.mark': '{who}: planned {planned}, realised {realised}',
  'charts.benefits.tableCaption': 'Benefits per year: planned and realised',
  'charts.benefits.kind': 'Benefit',
  'charts.benefits.who': 'Split',

  'charts.pilot.spreadTitle': 'Spread',
}
