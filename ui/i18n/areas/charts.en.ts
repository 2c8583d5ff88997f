import type { nb } from './charts.ts'

// Messages of one area of the app (charts) in English.
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
  'charts.stopped.shown': 'Showing the {shown} stopped most recently, of {count}.',
  'charts.stopped.all': 'See all stopped pilots in search',
  'charts.stuck.shown': 'Showing the {shown} that have waited longest, of {count}.',
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
