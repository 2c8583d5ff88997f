import type { z } from 'zod'
import type { BenefitCreate } from '../schema/benefit.ts'
import type {
  EvaluationMethod,
  Factor,
  FactorEffect,
  InnovationType,
  ServiceArea,
} from '../schema/enums.ts'

// The kinds of innovation Norwegian public services really try, as themes for the larger sample
// set. Each theme is tried by two real organisations; every title, person, figure and result
// built from these themes is invented (sample data). `{sted}` is the owner's place name.

export interface SampleTheme {
  key: string
  title: string
  summary: string
  problem: string
  hypothesis: string
  serviceArea: ServiceArea
  innovationType: InnovationType
  tags: string[]
  method: EvaluationMethod
  /** The evidence level the final evaluation reaches (1 anecdote … 5 randomised trial). */
  evidence: 1 | 2 | 3 | 4 | 5
  /** [name, unit, direction, baseline, target]; the first is the primary metric. */
  metrics: [string, string, 'increase' | 'decrease', number, number][]
  benefit: z.input<typeof BenefitCreate>
  lesson: string
  factors: { factor: Factor; effect: FactorEffect; note?: string }[]
  /** The two owners, by organisation number; the first is the one that tried it first. */
  owners: [string, string]
  legal?: 'forsoksloven' | 'sector_pilot_clause'
  /** How widely it spreads once it has worked: the number of adopters of its first pilot. */
  spread: number
}

export const SAMPLE_THEMES: SampleTheme[] = [
  {
    key: 'hverdagsrehabilitering',
    title: 'Hverdagsrehabilitering i {sted}',
    summary:
      'Et tverrfaglig team med fysioterapeut, ergoterapeut og sykepleier trener sammen med brukeren på det brukeren selv vil mestre, hjemme og i eget nærmiljø, i en tidsavgrenset periode på fire til ti uker.',
    problem:
      'Mange som søker hjemmetjenester, får praktisk bistand som overtar oppgaver de kunne ha mestret selv med litt trening. Behovet for tjenester vokser raskere enn antallet ansatte.',
    hypothesis:
      'Hvis nye søkere av hjemmetjenester først får hverdagsrehabilitering, så vil flere mestre hverdagen selv, målt ved andelen som ikke trenger praktisk bistand etter tre måneder.',
    serviceArea: 'health_care',
    innovationType: 'service',
    tags: ['hverdagsrehabilitering', 'mestring', 'hjemmetjeneste', 'rehabilitering'],
    method: 'quasi_experimental',
    evidence: 4,
    metrics: [
      ['Andel som ikke trenger praktisk bistand etter tre måneder', 'prosent', 'increase', 35, 55],
      ['Egenvurdert mestring (COPM)', 'poeng 1–10', 'increase', 4, 6],
    ],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Færre timer praktisk bistand i hjemmetjenesten',
      plannedAnnual: 6000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    },
    lesson:
      'Det viktigste var å spørre brukeren «Hva er viktig for deg?» og la målene styre treningen. Tverrfaglig team og tett kontakt med hjemmetjenesten må på plass før oppstart.',
    factors: [
      { factor: 'staff', effect: 'promoted', note: 'Motiverte terapeuter og sykepleiere' },
      { factor: 'users', effect: 'promoted' },
    ],
    owners: ['945578564', '938801363'], // Lillehammer, Sarpsborg
    spread: 40,
  },
  {
    key: 'chatbot',
    title: 'Chatbot for innbyggernes spørsmål i {sted}',
    summary:
      'En chatbot på kommunens nettsider svarer på de vanligste spørsmålene om eiendomsskatt, renovasjon, barnehageplass og byggesaker, døgnet rundt, og setter over til servicetorget når den ikke kan svare.',
    problem:
      'Servicetorget får mange like telefoner og e-poster som kan besvares ut fra informasjon som allerede ligger på nettsidene, og innbyggerne venter lenge i telefonkø i travle perioder.',
    hypothesis:
      'Hvis innbyggerne kan spørre en chatbot på nettsidene, så vil færre ringe servicetorget om enkle spørsmål, målt ved antall telefoner per uke.',
    serviceArea: 'administration',
    innovationType: 'communication',
    tags: ['chatbot', 'kunstig intelligens', 'servicetorg', 'digitalisering'],
    method: 'before_after',
    evidence: 2,
    metrics: [
      ['Telefoner til servicetorget per uke', 'antall', 'decrease', 1400, 1000],
      ['Andel samtaler chatboten løser selv', 'prosent', 'increase', 0, 60],
    ],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Redusert tid i servicetorget på enkle henvendelser',
      plannedAnnual: 900000,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Chatboten ble bare god når fagavdelingene selv eide svarene og oppdaterte dem. Innbyggerne godtok chatboten når det var lett å komme videre til et menneske.',
    factors: [
      { factor: 'new_technology', effect: 'promoted' },
      { factor: 'leadership', effect: 'hindered', note: 'Uklart hvem som eide innholdet' },
    ],
    owners: ['921383681', '920125298'], // Tønsberg, Asker
    spread: 30,
  },
  {
    key: 'hjemmeoppfolging',
    title: 'Digital hjemmeoppfølging av pasienter med kols og hjertesvikt',
    summary:
      'Pasienter med kols eller hjertesvikt måler selv puls, oksygenmetning, vekt og symptomer hjemme med et nettbrett, og sykepleiere i en oppfølgingssentral følger med og tar kontakt ved forverring.',
    problem:
      'Pasienter med kronisk sykdom blir ofte akutt innlagt med forverring som kunne vært fanget opp tidligere. Reisene til kontroller er lange for mange.',
    hypothesis:
      'Hvis pasientene følges opp digitalt hjemmefra, så vil færre bli akutt innlagt, målt ved antall akutte innleggelser per pasient per år.',
    serviceArea: 'health_care',
    innovationType: 'service',
    tags: ['medisinsk avstandsoppfølging', 'velferdsteknologi', 'kols', 'hjertesvikt'],
    method: 'rct',
    evidence: 5,
    metrics: [
      ['Akutte innleggelser per pasient per år', 'antall', 'decrease', 1.4, 1.0],
      ['Opplevd trygghet', 'poeng 1–5', 'increase', 3, 4],
    ],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Færre liggedøgn ved sykehuset',
      plannedAnnual: 3500000,
      bearer: 'health_trust',
      beneficiary: 'health_trust',
    },
    lesson:
      'Samarbeidsavtalen mellom sykehus og kommune om hvem som følger opp hva, måtte være ferdig før første pasient. Pasientene ble tryggere enn vi ventet.',
    factors: [
      { factor: 'partners', effect: 'promoted', note: 'God samhandling med kommunene' },
      { factor: 'regulation', effect: 'hindered', note: 'Uavklart finansiering av oppfølgingen' },
    ],
    owners: ['983974899', '883974832'], // UNN, St. Olavs
    spread: 34,
  },
  {
    key: 'heltid',
    title: 'Heltidskultur i helse og omsorg i {sted}',
    summary:
      'Sykehjemmene lager turnus med lengre vakter i helgene og årsturnus, slik at flere ansatte kan få hele stillinger, og nye stillinger lyses ut som hele.',
    problem:
      'Mange ansatte i omsorgstjenestene jobber deltid mot sin vilje, og brukerne møter mange ulike ansatte. Det er vanskelig å rekruttere sykepleiere til små stillinger.',
    hypothesis:
      'Hvis turnusen bygges for hele stillinger, så vil flere ansatte ha heltid og brukerne møte færre ulike ansatte, målt ved andelen heltidsstillinger.',
    serviceArea: 'health_care',
    innovationType: 'organisation',
    tags: ['heltid', 'turnus', 'rekruttering', 'sykehjem'],
    method: 'before_after',
    evidence: 3,
    metrics: [
      ['Andel ansatte i hel stilling', 'prosent', 'increase', 32, 50],
      ['Sykefravær', 'prosent', 'decrease', 11, 9],
    ],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Mindre bruk av vikarbyrå og overtid',
      plannedAnnual: 1200000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    },
    lesson:
      'Tillitsvalgte var med fra første dag, og det gjorde at langvakter i helgene ble akseptert. Ledere trengte hjelp til å lage turnus med årsplanlegging.',
    factors: [
      { factor: 'leadership', effect: 'promoted' },
      { factor: 'staff', effect: 'hindered', note: 'Noen ønsket å beholde deltid' },
    ],
    owners: ['952857991', '938759839'], // Elverum, Skien
    spread: 22,
  },
  {
    key: 'tidlig-innsats-skole',
    title: 'Tidlig innsats i regning på 1.–4. trinn i {sted}',
    summary:
      'Lærere kartlegger tallforståelse tidlig og gir elever som strever, korte økter med konkreter i små grupper, samtidig som hele klassen får mer muntlig regning.',
    problem:
      'Mange elever henger etter i regning allerede på småtrinnet, og spesialundervisningen settes inn sent. Lærerne mangler felles verktøy for å oppdage det tidlig.',
    hypothesis:
      'Hvis elever som strever i regning, får intensiv oppfølging på småtrinnet, så vil færre være under kritisk grense på kartleggingsprøven på 3. trinn.',
    serviceArea: 'education',
    innovationType: 'process',
    tags: ['tidlig innsats', 'regning', 'skole', 'kartlegging'],
    method: 'quasi_experimental',
    evidence: 3,
    metrics: [
      ['Andel elever under kritisk grense på 3. trinn', 'prosent', 'decrease', 22, 15],
      ['Elever med vedtak om spesialundervisning på 4. trinn', 'prosent', 'decrease', 9, 7],
    ],
    benefit: {
      kind: 'quality',
      description: 'Bedre grunnleggende ferdigheter i regning',
      unit: 'prosentpoeng',
      plannedAnnual: 5,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Korte, hyppige økter virket bedre enn lange. Kartleggingen må følges av en plan for hver elev, ellers blir den bare en test.',
    factors: [
      { factor: 'staff', effect: 'promoted', note: 'Lærerspesialister i regning' },
      { factor: 'funding', effect: 'hindered' },
    ],
    owners: ['944588132', '872418032'], // Alta, Rana
    spread: 18,
  },
  {
    key: 'byggesak',
    title: 'Automatisk behandling av enkle byggesøknader i {sted}',
    summary:
      'Søknader om enkle tiltak som garasjer og tilbygg sjekkes automatisk mot reguleringsplanen og kartdata, og saksbehandleren får et forslag til vedtak med avvikene markert.',
    problem:
      'Saksbehandlingstiden for enkle byggesaker er lang, og mye tid går med til å sjekke de samme tingene mot plan og kart for hver søknad.',
    hypothesis:
      'Hvis enkle byggesøknader forhåndssjekkes automatisk, så vil saksbehandlingstiden gå ned, målt ved median saksbehandlingstid for enkle tiltak.',
    serviceArea: 'technical_services',
    innovationType: 'process',
    tags: ['byggesak', 'automatisering', 'saksbehandling', 'digitale planer'],
    method: 'before_after',
    evidence: 2,
    metrics: [
      ['Median saksbehandlingstid for enkle tiltak', 'dager', 'decrease', 28, 10],
      ['Andel søknader som må suppleres', 'prosent', 'decrease', 45, 30],
    ],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Mindre tid på kontroll av enkle søknader',
      plannedAnnual: 2500,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Reguleringsplanene måtte digitaliseres før automatikken ble til nytte. Saksbehandlerne stolte mer på forslaget når de kunne se hvorfor det var laget.',
    factors: [
      { factor: 'new_technology', effect: 'promoted' },
      { factor: 'regulation', effect: 'hindered', note: 'Planer som ikke var digitale' },
    ],
    owners: ['922092648', '820852982'], // Nordre Follo, Kristiansand
    spread: 14,
  },
  {
    key: 'skatt-automatisering',
    title: 'Automatisk kontroll av fradrag i skattemeldingen',
    summary:
      'Regelbasert og maskinlært utvelgelse av skattemeldinger til kontroll, slik at saksbehandlerne bruker tiden på sakene der feil er mest sannsynlig.',
    problem:
      'Mye tid går til kontroll av skattemeldinger som viser seg å være riktige, mens feil i andre saker ikke blir oppdaget.',
    hypothesis:
      'Hvis skattemeldinger velges ut til kontroll etter risiko, så vil treffsikkerheten i kontrollen øke, målt ved andelen kontrollerte saker med endring.',
    serviceArea: 'administration',
    innovationType: 'process',
    tags: ['automatisering', 'maskinlæring', 'kontroll', 'saksbehandling'],
    method: 'rct',
    evidence: 5,
    metrics: [
      ['Andel kontrollerte saker med endring', 'prosent', 'increase', 30, 45],
      ['Timer per kontrollert sak', 'timer', 'decrease', 6, 4],
    ],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Mindre tid på kontroll av riktige skattemeldinger',
      plannedAnnual: 40000,
      bearer: 'state',
      beneficiary: 'state',
    },
    lesson:
      'Modellen måtte kunne forklares for saksbehandlerne og de skattepliktige. Et tilfeldig utvalg ved siden av modellen var nødvendig for å måle effekten.',
    factors: [{ factor: 'new_technology', effect: 'promoted' }],
    owners: ['974761076', '889640782'], // Skatteetaten, NAV
    spread: 0,
  },
  {
    key: 'ung-aktivitet',
    title: 'Tett oppfølging av unge uten arbeid eller skole',
    summary:
      'Unge under 30 år som søker hjelp fra NAV, får én fast veileder med små porteføljer som møter dem ofte, også utenfor kontoret, og samarbeider med skole og arbeidsgivere.',
    problem:
      'Mange unge blir gående lenge uten arbeid eller utdanning, og møter mange ulike veiledere og tiltak uten sammenheng.',
    hypothesis:
      'Hvis unge får én fast veileder med tid til tett oppfølging, så vil flere være i arbeid eller utdanning etter tolv måneder.',
    serviceArea: 'social_services',
    innovationType: 'service',
    tags: ['ungdom', 'arbeid', 'oppfølging', 'NAV'],
    method: 'rct',
    evidence: 4,
    metrics: [
      ['Andel i arbeid eller utdanning etter tolv måneder', 'prosent', 'increase', 42, 52],
      ['Brukertilfredshet', 'poeng 1–6', 'increase', 4, 5],
    ],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Færre på ytelser',
      plannedAnnual: 20000000,
      bearer: 'state',
      beneficiary: 'state',
    },
    lesson:
      'Relasjonen til veilederen betydde mest. Små porteføljer må prioriteres over tid, ellers forsvinner effekten.',
    factors: [
      { factor: 'staff', effect: 'promoted' },
      { factor: 'funding', effect: 'hindered', note: 'Små porteføljer krever flere veiledere' },
    ],
    owners: ['889640782', '958935420'], // NAV, Oslo
    spread: 10,
  },
  {
    key: 'legemiddelgjennomgang',
    title: 'Strukturert legemiddelgjennomgang for eldre med mange medisiner',
    summary:
      'Fastleger, sykehjemsleger og farmasøyter gjennomgår legemiddellisten til eldre med fem eller flere faste legemidler etter en felles sjekkliste.',
    problem:
      'Eldre som bruker mange legemidler, har høy risiko for bivirkninger, fall og innleggelser, og legemiddellistene er ofte ikke oppdatert.',
    hypothesis:
      'Hvis eldre med mange legemidler får en strukturert gjennomgang, så vil færre ha uheldige legemiddelkombinasjoner, målt ved antall funn per pasient.',
    serviceArea: 'health_care',
    innovationType: 'process',
    tags: ['legemidler', 'eldre', 'pasientsikkerhet', 'sjekkliste'],
    method: 'cost_benefit',
    evidence: 3,
    metrics: [
      ['Uheldige legemiddelkombinasjoner per pasient', 'antall', 'decrease', 2.1, 1.0],
      ['Faste legemidler per pasient', 'antall', 'decrease', 8, 7],
    ],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Færre innleggelser på grunn av legemiddelbruk',
      plannedAnnual: 5000000,
      bearer: 'other_org',
      beneficiary: 'health_trust',
    },
    lesson:
      'Gjennomgangen ga mest når farmasøyt og lege satt sammen. Sjekklisten måtte ligge i journalsystemet for å bli brukt.',
    factors: [
      { factor: 'partners', effect: 'promoted' },
      {
        factor: 'new_technology',
        effect: 'hindered',
        note: 'Journalsystemer som ikke snakker sammen',
      },
    ],
    owners: ['983544622', '993467049'], // Helsedirektoratet, OUS
    spread: 12,
  },
  {
    key: 'vinterdrift',
    title: 'Sensorstyrt strøing og brøyting på riksveg',
    summary:
      'Veistasjoner og sensorer på brøytebilene måler føre og temperatur, og strøingen styres etter målingene i stedet for faste ruter.',
    problem:
      'Det brukes mye salt og sand på strekninger som ikke trenger det, mens glatte partier oppdages for sent.',
    hypothesis:
      'Hvis strøingen styres av sensordata, så vil saltforbruket gå ned uten flere glatteulykker, målt ved tonn salt per kilometer veg.',
    serviceArea: 'technical_services',
    innovationType: 'product',
    tags: ['vinterdrift', 'sensorer', 'trafikksikkerhet', 'miljø'],
    method: 'quasi_experimental',
    evidence: 3,
    metrics: [
      ['Salt per kilometer veg per sesong', 'tonn', 'decrease', 14, 10],
      ['Glatteulykker med personskade', 'antall per sesong', 'decrease', 12, 10],
    ],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Mindre salt og færre unødvendige utrykninger',
      plannedAnnual: 2800000,
      bearer: 'state',
      beneficiary: 'state',
    },
    lesson:
      'Entreprenørene måtte ha insentiv i kontrakten for å bruke dataene. Sensorene krevde mer vedlikehold enn planlagt.',
    factors: [
      { factor: 'partners', effect: 'hindered', note: 'Kontrakter uten insentiver' },
      { factor: 'new_technology', effect: 'promoted' },
    ],
    owners: ['971032081', '817920632'], // Statens vegvesen, Trøndelag fylkeskommune
    spread: 0,
  },
  {
    key: 'sprak-barnehage',
    title: 'Språkløft i barnehagene i {sted}',
    summary:
      'Barnehagene bruker daglige, planlagte samtaler og høytlesing i små grupper og kartlegger språket med foreldrenes samtykke for å gi tidlig hjelp.',
    problem:
      'Mange barn begynner på skolen med svake norskferdigheter, særlig barn med et annet morsmål, og hjelpen settes inn for sent.',
    hypothesis:
      'Hvis barnehagene arbeider systematisk med språk, så vil flere barn ha alderstilpassede norskferdigheter ved skolestart.',
    serviceArea: 'kindergarten',
    innovationType: 'service',
    tags: ['språk', 'barnehage', 'tidlig innsats', 'integrering'],
    method: 'quasi_experimental',
    evidence: 4,
    metrics: [
      [
        'Andel barn med alderstilpassede norskferdigheter ved skolestart',
        'prosent',
        'increase',
        70,
        80,
      ],
      ['Foreldre som deltar i språkmøter', 'prosent', 'increase', 30, 60],
    ],
    benefit: {
      kind: 'quality',
      description: 'Bedre norskferdigheter ved skolestart',
      unit: 'prosentpoeng',
      plannedAnnual: 10,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Små grupper og faste rutiner var viktigere enn nye verktøy. Foreldresamarbeid krevde tolk og tid.',
    factors: [{ factor: 'staff', effect: 'promoted' }],
    owners: ['916882807', '842566142'], // Sandefjord, Lørenskog
    spread: 16,
  },
  {
    key: 'foreldrekommunikasjon',
    title: 'Felles digital kanal mellom barnehage og foreldre i {sted}',
    summary:
      'Alle kommunale og private barnehager bruker samme app for beskjeder, fravær og bilder, med oversettelse til foreldrenes språk.',
    problem:
      'Foreldre får informasjon på lapper, e-post og ulike apper, og mange med et annet morsmål går glipp av viktige beskjeder.',
    hypothesis:
      'Hvis alle barnehager bruker én digital kanal med oversettelse, så vil flere foreldre få med seg viktige beskjeder.',
    serviceArea: 'kindergarten',
    innovationType: 'communication',
    tags: ['barnehage', 'foreldresamarbeid', 'app', 'oversettelse'],
    method: 'qualitative',
    evidence: 1,
    metrics: [
      ['Foreldre som sier de får med seg viktige beskjeder', 'prosent', 'increase', 60, 85],
    ],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Mindre tid på beskjeder og fraværsoppfølging',
      plannedAnnual: 800,
      bearer: 'own_org',
      beneficiary: 'own_org',
    },
    lesson:
      'Private barnehager ble med når de fikk være med å velge løsningen. Oversettelsen var det foreldrene satte mest pris på.',
    factors: [{ factor: 'users', effect: 'promoted' }],
    owners: ['864963552', '939760946'], // Tinn, Volda
    spread: 6,
  },
  {
    key: 'familierad',
    title: 'Familieråd som første tiltak i barnevernet i {sted}',
    summary:
      'Familier i kontakt med barnevernet tilbys familieråd, der familien og nettverket selv lager en plan for barnet sammen med en uavhengig koordinator.',
    problem:
      'Mange barn flyttes ut av hjemmet uten at nettverket rundt familien er prøvd. Familiene opplever at planer lages over hodet på dem.',
    hypothesis:
      'Hvis familieråd tilbys tidlig, så vil færre barn trenge tiltak utenfor hjemmet, målt ved andelen barn plassert utenfor hjemmet etter ett år.',
    serviceArea: 'child_welfare',
    innovationType: 'process',
    tags: ['barnevern', 'familieråd', 'nettverk', 'medvirkning'],
    method: 'quasi_experimental',
    evidence: 3,
    metrics: [
      ['Andel barn plassert utenfor hjemmet etter ett år', 'prosent', 'decrease', 18, 12],
      ['Familienes opplevelse av medvirkning', 'poeng 1–5', 'increase', 2.8, 4],
    ],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Færre plasseringer utenfor hjemmet',
      plannedAnnual: 4000000,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Koordinatoren må være uavhengig av saksbehandleren. Familiene la planer som holdt bedre enn dem vi ville ha laget.',
    factors: [
      { factor: 'users', effect: 'promoted', note: 'Familienettverk som stilte opp' },
      { factor: 'staff', effect: 'hindered', note: 'Stor turnover blant saksbehandlerne' },
    ],
    owners: ['944073787', '840029212'], // Haugesund, Steinkjer
    spread: 12,
  },
  {
    key: 'familieterapi',
    title: 'Hjemmebasert familieterapi for ungdom med atferdsvansker i {sted}',
    summary:
      'En terapeut kommer hjem til familien flere ganger i uken i fire til seks måneder og arbeider med foreldre, skole og venner rundt ungdommen.',
    problem:
      'Ungdom med alvorlige atferdsvansker får ofte tiltak på institusjon langt fra hjemmet, med høye kostnader og usikker effekt.',
    hypothesis:
      'Hvis ungdommen og familien får intensiv hjemmebasert terapi, så vil færre trenge institusjonsplass, målt ved antall institusjonsdøgn per år.',
    serviceArea: 'child_welfare',
    innovationType: 'service',
    tags: ['barnevern', 'ungdom', 'familieterapi', 'hjemmebasert'],
    method: 'rct',
    evidence: 5,
    metrics: [['Institusjonsdøgn per år i målgruppen', 'døgn', 'decrease', 2200, 1400]],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Færre institusjonsdøgn',
      plannedAnnual: 6000000,
      bearer: 'state',
      beneficiary: 'own_org',
    },
    lesson:
      'Avstandene gjorde at terapeutene brukte mye tid på reise; det må planlegges for. Skolen måtte være med for at endringen skulle vare.',
    factors: [{ factor: 'partners', effect: 'promoted' }],
    owners: ['942402465', '921770669'], // Kongsberg, Hammerfest
    spread: 0,
  },
  {
    key: 'housing-first',
    title: 'Bolig først for bostedsløse med rus og psykiske lidelser i {sted}',
    summary:
      'Bostedsløse får tilbud om egen, vanlig leilighet uten krav om rusfrihet først, med et ambulant team som følger opp hjemme.',
    problem:
      'Personer med rusproblemer og psykiske lidelser går i ring mellom midlertidige botilbud, institusjoner og gaten.',
    hypothesis:
      'Hvis bostedsløse først får en egen bolig med oppfølging, så vil flere bo stabilt, målt ved andelen som fortsatt bor i boligen etter ett år.',
    serviceArea: 'social_services',
    innovationType: 'service',
    tags: ['bolig først', 'rus', 'psykisk helse', 'boligsosialt'],
    method: 'before_after',
    evidence: 3,
    metrics: [
      ['Andel som fortsatt bor i boligen etter ett år', 'prosent', 'increase', 40, 75],
      ['Døgn i midlertidig botilbud per år', 'døgn', 'decrease', 3500, 1500],
    ],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Mindre bruk av midlertidige botilbud',
      plannedAnnual: 2500000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    },
    lesson:
      'Boligene må spres i vanlige nabolag. Teamet må kunne rykke ut raskt når det oppstår konflikter med naboer.',
    factors: [
      { factor: 'partners', effect: 'promoted', note: 'Samarbeid med Husbanken' },
      { factor: 'funding', effect: 'hindered' },
    ],
    owners: ['940493021', '918082956'], // Arendal, Larvik
    spread: 10,
  },
  {
    key: 'gjeldsradgivning',
    title: 'Digital økonomisk rådgivning for innbyggere med gjeld i {sted}',
    summary:
      'Innbyggere med betalingsproblemer kan bestille videosamtale med en økonomisk rådgiver og få hjelp til å få oversikt over gjelden i gjeldsregisteret.',
    problem:
      'Mange venter for lenge med å søke hjelp, og ventetiden for økonomisk rådgivning er lang.',
    hypothesis:
      'Hvis innbyggerne kan få rådgivning digitalt og raskt, så vil flere få hjelp før gjelden går til inkasso, målt ved ventetid til første samtale.',
    serviceArea: 'social_services',
    innovationType: 'service',
    tags: ['gjeld', 'økonomisk rådgivning', 'videosamtale', 'NAV-kontor'],
    method: 'qualitative',
    evidence: 2,
    metrics: [['Ventetid til første samtale', 'dager', 'decrease', 21, 7]],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Mindre reisetid for innbyggere og rådgivere',
      plannedAnnual: 600,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Video passet for første samtale, men de fleste ville møtes fysisk når avtalen med kreditorene skulle lages.',
    factors: [{ factor: 'users', effect: 'promoted' }],
    owners: ['972417971', '939991034'], // Harstad, Porsgrunn
    spread: 8,
  },
  {
    key: 'meraapent-bibliotek',
    title: 'Meråpent bibliotek i {sted}',
    summary:
      'Biblioteket er åpent for innbyggerne med bankkort eller lånekort fra tidlig morgen til sent kveld, også når det ikke er betjent.',
    problem:
      'Biblioteket har korte åpningstider, og mange som jobber eller studerer, rekker ikke å bruke det.',
    hypothesis:
      'Hvis biblioteket er åpent uten betjening, så vil flere bruke det, målt ved antall besøk per uke.',
    serviceArea: 'culture',
    innovationType: 'service',
    tags: ['bibliotek', 'meråpent', 'åpningstider', 'møteplass'],
    method: 'before_after',
    evidence: 2,
    metrics: [['Besøk per uke', 'antall', 'increase', 900, 1300]],
    benefit: {
      kind: 'quality',
      description: 'Flere timer åpent for innbyggerne',
      unit: 'timer per uke',
      plannedAnnual: 50,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Ungdom tok biblioteket i bruk som møteplass om kvelden. Vi måtte ha tydelige regler og en vaktordning i starten.',
    factors: [{ factor: 'users', effect: 'promoted' }],
    owners: ['960510542', '940837685'], // Voss, Tynset
    spread: 20,
  },
  {
    key: 'kulturkort',
    title: 'Kulturkort for ungdom i {sted}',
    summary:
      'Ungdom mellom 15 og 20 år får rabatt på konserter, kino og kurs med et digitalt kulturkort, og et ungdomsråd velger deler av programmet.',
    problem:
      'Mange ungdommer deltar ikke i kulturtilbudene, og pris og at tilbudene ikke treffer, er de viktigste grunnene de oppgir.',
    hypothesis:
      'Hvis ungdom får rabatt og medvirkning i programmet, så vil flere delta i kulturtilbud, målt ved antall ungdomsbesøk per år.',
    serviceArea: 'culture',
    innovationType: 'communication',
    tags: ['kultur', 'ungdom', 'medvirkning', 'kulturkort'],
    method: 'other',
    evidence: 1,
    metrics: [['Ungdomsbesøk på kulturarrangementer per år', 'antall', 'increase', 3000, 4500]],
    benefit: {
      kind: 'quality',
      description: 'Flere unge deltar i kulturlivet',
      unit: 'besøk',
      plannedAnnual: 1500,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Ungdomsrådet fikk flere med enn rabatten gjorde. Tilbudet må markedsføres der ungdommen er, ikke på kommunens nettsider.',
    factors: [{ factor: 'users', effect: 'promoted' }],
    owners: ['938587051', '945475056'], // Levanger, Kautokeino
    spread: 6,
  },
  {
    key: 'vannmaler',
    title: 'Smarte vannmålere og lekkasjesøk i {sted}',
    summary:
      'Digitale vannmålere i boliger og sensorer på ledningsnettet viser forbruk og lekkasjer fortløpende.',
    problem:
      'En stor del av drikkevannet lekker ut fra ledningsnettet, og lekkasjer hos abonnentene oppdages sent.',
    hypothesis:
      'Hvis forbruk og trykk måles fortløpende, så vil vanntapet gå ned, målt ved andelen av produsert vann som ikke blir fakturert.',
    serviceArea: 'technical_services',
    innovationType: 'product',
    tags: ['vann', 'lekkasje', 'sensorer', 'klima'],
    method: 'before_after',
    evidence: 2,
    metrics: [['Andel vann som lekker fra nettet', 'prosent', 'decrease', 32, 22]],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Mindre vann som må renses og pumpes',
      plannedAnnual: 1500000,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson: 'Dataene var bare nyttige når driftsoperatørene fikk varsler de kunne handle på.',
    factors: [{ factor: 'new_technology', effect: 'promoted' }],
    owners: ['964338442', '948243113'], // Askøy, Sola
    spread: 12,
  },
  {
    key: 'avfallssensor',
    title: 'Fyllingssensorer i avfallsbeholdere i {sted}',
    summary:
      'Nedgravde containere og returpunkter får sensorer som melder fyllingsgrad, og tømmerutene planlegges etter behov.',
    problem: 'Bilene tømmer halvfulle beholdere på faste ruter, mens andre flyter over.',
    hypothesis:
      'Hvis tømmingen styres av fyllingsgrad, så vil antall kjørte kilometer gå ned, målt ved kilometer per tonn avfall.',
    serviceArea: 'technical_services',
    innovationType: 'product',
    tags: ['avfall', 'sensorer', 'logistikk', 'klima'],
    method: 'cost_benefit',
    evidence: 2,
    metrics: [['Kilometer per tonn avfall', 'km', 'decrease', 9, 7]],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Færre kjørte kilometer',
      plannedAnnual: 700000,
      bearer: 'own_org',
      beneficiary: 'own_org',
    },
    lesson: 'Sensorene tålte ikke kulden. Gevinsten kom først da rutene faktisk ble lagt om.',
    factors: [
      {
        factor: 'new_technology',
        effect: 'hindered',
        note: 'Sensorer som sluttet å virke i kulde',
      },
    ],
    owners: ['820710592', '942110286'], // Lillestrøm, Sør-Varanger
    spread: 0,
  },
  {
    key: 'samlet-tjeneste',
    title: 'Samlet tjeneste for barn og unge i {sted} (forsøk etter forsøksloven)',
    summary:
      'Barnevern, PPT, helsestasjon og skolehelsetjeneste organiseres som én enhet med felles inntak og én kontaktperson per familie, med godkjenning etter forsøksloven.',
    problem:
      'Familier med sammensatte behov må forholde seg til mange tjenester som ikke deler informasjon, og barna faller mellom stolene.',
    hypothesis:
      'Hvis tjenestene for barn og unge samles med felles inntak, så vil familiene få hjelp raskere, målt ved dager fra første henvendelse til tiltak.',
    serviceArea: 'child_welfare',
    innovationType: 'organisation',
    tags: ['forsøksloven', 'barn og unge', 'samhandling', 'felles inntak'],
    method: 'before_after',
    evidence: 3,
    metrics: [['Dager fra første henvendelse til tiltak', 'dager', 'decrease', 60, 30]],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Mindre dobbeltarbeid mellom tjenestene',
      plannedAnnual: 3000,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson:
      'Forsøksloven ga handlingsrom for felles taushetsplikt og inntak. Kulturforskjellene mellom fagene tok lengre tid å bygge ned enn organisasjonskartet.',
    factors: [
      { factor: 'regulation', effect: 'promoted', note: 'Godkjenning etter forsøksloven' },
      { factor: 'leadership', effect: 'promoted' },
    ],
    owners: ['920123899', '921369417'], // Indre Østfold, Senja
    legal: 'forsoksloven',
    spread: 8,
  },
  {
    key: 'tannhelse',
    title: 'Tannhelsetjeneste og kommunal helse under ett tak (forsøk etter forsøksloven)',
    summary:
      'Den offentlige tannhelsetjenesten samarbeider med kommunale helsetjenester om felles lokaler og journalsamarbeid for eldre i institusjon, med godkjenning etter forsøksloven.',
    problem:
      'Eldre på sykehjem får for sjelden tannhelsehjelp, og tjenestene kjenner ikke hverandres pasienter.',
    hypothesis:
      'Hvis tannhelse og kommunal helse samarbeider tett, så vil flere sykehjemsbeboere få jevnlig tannhelsehjelp, målt ved andelen undersøkt siste år.',
    serviceArea: 'health_care',
    innovationType: 'organisation',
    tags: ['forsøksloven', 'tannhelse', 'sykehjem', 'samhandling'],
    method: 'qualitative',
    evidence: 2,
    metrics: [
      ['Sykehjemsbeboere undersøkt av tannhelsetjenesten siste år', 'prosent', 'increase', 55, 90],
    ],
    benefit: {
      kind: 'quality',
      description: 'Bedre munnhelse hos sykehjemsbeboere',
      unit: 'prosentpoeng',
      plannedAnnual: 20,
      bearer: 'other_org',
      beneficiary: 'citizens',
    },
    lesson: 'Felles lokaler hjalp mer enn felles systemer. Juridiske avklaringer tok et halvt år.',
    factors: [
      { factor: 'regulation', effect: 'hindered', note: 'Lang behandlingstid for søknaden' },
    ],
    owners: ['817920632', '921221967'], // Trøndelag fylkeskommune, Molde
    legal: 'forsoksloven',
    spread: 0,
  },
  {
    key: 'video-legevakt',
    title: 'Videokonsultasjon i legevakten i {sted}',
    summary:
      'Innbyggere som ringer legevakten, kan få videokonsultasjon med lege, og legevaktsykepleier kan koble inn lege på video ved sykebesøk.',
    problem: 'Lange avstander gjør at mange må reise langt om natten for en kort konsultasjon.',
    hypothesis:
      'Hvis legevakten tilbyr video, så vil færre måtte reise til legevakten, målt ved andelen henvendelser som løses uten oppmøte.',
    serviceArea: 'health_care',
    innovationType: 'service',
    tags: ['legevakt', 'video', 'distrikt', 'telemedisin'],
    method: 'before_after',
    evidence: 2,
    metrics: [['Andel henvendelser løst uten oppmøte', 'prosent', 'increase', 35, 50]],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Mindre reisetid for pasienter',
      plannedAnnual: 4000,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson: 'Video egnet seg godt for oppfølging og enkle problemstillinger, mindre for små barn.',
    factors: [{ factor: 'new_technology', effect: 'promoted' }],
    owners: ['938644500', '922121893'], // Vågan, Sogndal
    spread: 14,
  },
  {
    key: 'fravaer',
    title: 'Tidlig oppfølging av fravær i ungdomsskolen i {sted}',
    summary:
      'Skolen følger opp elevfravær fra første dag etter en felles rutine, med samtale med elev og foreldre og tverrfaglig møte etter fast antall dager.',
    problem:
      'Bekymringsfullt fravær oppdages sent, og elevene som slutter å komme, er vanskelige å få tilbake.',
    hypothesis:
      'Hvis fravær følges opp tidlig og likt, så vil færre elever få bekymringsfullt fravær, målt ved andelen med over 10 prosent fravær.',
    serviceArea: 'education',
    innovationType: 'process',
    tags: ['fravær', 'skole', 'tidlig innsats', 'skolevegring'],
    method: 'quasi_experimental',
    evidence: 3,
    metrics: [['Andel elever med over 10 prosent fravær', 'prosent', 'decrease', 14, 9]],
    benefit: {
      kind: 'quality',
      description: 'Flere elever fullfører ungdomsskolen med gode resultater',
      unit: 'prosentpoeng',
      plannedAnnual: 5,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson: 'Rutinen virket bare når kontaktlærer hadde tid til samtalene.',
    factors: [{ factor: 'staff', effect: 'promoted' }],
    owners: ['940155223', '939898743'], // Gjøvik, Røros
    spread: 16,
  },
  {
    key: 'fakturarobot',
    title: 'Programvareroboter i fakturabehandlingen i {sted}',
    summary:
      'Programvareroboter konterer og kontrollerer inngående fakturaer mot innkjøpsavtaler, slik at saksbehandlerne bare behandler avvikene.',
    problem:
      'Regnskapsavdelingen bruker mye tid på manuell kontering av fakturaer som følger faste mønstre.',
    hypothesis:
      'Hvis roboter behandler standardfakturaer, så vil tiden per faktura gå ned, målt ved minutter per faktura.',
    serviceArea: 'administration',
    innovationType: 'process',
    tags: ['robotisering', 'RPA', 'økonomi', 'automatisering'],
    method: 'cost_benefit',
    evidence: 3,
    metrics: [['Minutter per faktura', 'minutter', 'decrease', 6, 2]],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Mindre manuell kontering',
      plannedAnnual: 3500,
      bearer: 'own_org',
      beneficiary: 'own_org',
    },
    lesson: 'Robotene krevde stabile rutiner å automatisere; vi måtte rydde i prosessen først.',
    factors: [{ factor: 'new_technology', effect: 'promoted' }],
    owners: ['938801363', '945578564'], // Sarpsborg, Lillehammer
    spread: 10,
  },
  {
    key: 'klarsprak',
    title: 'Klart språk i vedtaksbrev i {sted}',
    summary:
      'Malene for de vanligste vedtaksbrevene skrives om i klart språk sammen med innbyggere, og saksbehandlerne får kurs.',
    problem:
      'Mange innbyggere forstår ikke vedtakene de får, og ringer eller klager for å få dem forklart.',
    hypothesis:
      'Hvis vedtaksbrevene skrives i klart språk, så vil færre ringe for å få vedtaket forklart, målt ved antall oppfølgingsspørsmål per 100 vedtak.',
    serviceArea: 'administration',
    innovationType: 'communication',
    tags: ['klarspråk', 'vedtak', 'brukerinvolvering', 'kommunikasjon'],
    method: 'rct',
    evidence: 4,
    metrics: [['Oppfølgingsspørsmål per 100 vedtak', 'antall', 'decrease', 25, 15]],
    benefit: {
      kind: 'time_saving_hours',
      description: 'Færre henvendelser om vedtak',
      plannedAnnual: 900,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson: 'Testing av brevene med innbyggere avslørte ord vi trodde alle forsto.',
    factors: [{ factor: 'users', effect: 'promoted' }],
    owners: ['959159092', '991891919'], // Halden, Kristiansund
    spread: 12,
  },
  {
    key: 'utskrivning',
    title: 'Felles koordinering av utskrivningsklare pasienter',
    summary:
      'Sykehuset og kommunene har et felles koordineringsteam som planlegger utskrivning fra første dag av innleggelsen.',
    problem:
      'Utskrivningsklare pasienter blir liggende på sykehuset fordi kommunene ikke har et tilbud klart.',
    hypothesis:
      'Hvis utskrivningen planlegges fra innleggelsen, så vil færre døgn brukes av utskrivningsklare pasienter.',
    serviceArea: 'health_care',
    innovationType: 'organisation',
    tags: ['samhandling', 'utskrivning', 'koordinering', 'sykehus'],
    method: 'before_after',
    evidence: 3,
    metrics: [['Døgn med utskrivningsklare pasienter per måned', 'døgn', 'decrease', 400, 250]],
    benefit: {
      kind: 'cost_saving_nok',
      description: 'Færre liggedøgn for utskrivningsklare pasienter',
      plannedAnnual: 4000000,
      bearer: 'other_org',
      beneficiary: 'health_trust',
    },
    lesson: 'Felles møtepunkt hver morgen gjorde mer enn nye systemer.',
    factors: [{ factor: 'partners', effect: 'promoted' }],
    owners: ['983971709', '983975240'], // Sykehuset Innlandet, Sørlandet sykehus
    spread: 0,
  },
  {
    key: 'frivillighet',
    title: 'Digital frivilligsentral i {sted}',
    summary:
      'Innbyggere, lag og foreninger finner frivillige oppdrag og melder seg på i en felles digital løsning med frivilligsentralen.',
    problem:
      'Mange vil bidra som frivillige, men finner ikke oppdragene, og lagene sliter med rekruttering.',
    hypothesis:
      'Hvis frivillige oppdrag samles på ett sted, så vil flere bidra, målt ved antall nye frivillige per år.',
    serviceArea: 'other',
    innovationType: 'communication',
    tags: ['frivillighet', 'nærmiljø', 'digital plattform', 'lag og foreninger'],
    method: 'other',
    evidence: 1,
    metrics: [['Nye frivillige per år', 'antall', 'increase', 150, 300]],
    benefit: {
      kind: 'quality',
      description: 'Flere frivillige timer i nærmiljøet',
      unit: 'timer',
      plannedAnnual: 5000,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson: 'Lagene ville ha hjelp til å beskrive oppdragene, ikke bare en plattform.',
    factors: [{ factor: 'partners', effect: 'promoted' }],
    owners: ['952857991', '920290922'], // Elverum, Alver
    legal: 'sector_pilot_clause',
    spread: 6,
  },
  {
    key: 'ernaering',
    title: 'Ernæringsoppfølging på sykehjem i {sted}',
    summary:
      'Alle beboere kartlegges for underernæring ved innkomst og hver måned, og måltidene legges om med mellommåltid sent på kvelden.',
    problem: 'Mange sykehjemsbeboere er underernærte, og det oppdages sent.',
    hypothesis:
      'Hvis ernæring følges opp systematisk, så vil færre beboere være i risiko for underernæring, målt ved andelen i risiko.',
    serviceArea: 'health_care',
    innovationType: 'process',
    tags: ['ernæring', 'sykehjem', 'kartlegging', 'kvalitet'],
    method: 'before_after',
    evidence: 2,
    metrics: [['Beboere i risiko for underernæring', 'prosent', 'decrease', 30, 18]],
    benefit: {
      kind: 'quality',
      description: 'Færre beboere i risiko for underernæring',
      unit: 'prosentpoeng',
      plannedAnnual: 10,
      bearer: 'own_org',
      beneficiary: 'citizens',
    },
    lesson: 'Kveldsmåltidet ga mest. Kjøkkenet måtte med i planleggingen.',
    factors: [{ factor: 'staff', effect: 'promoted' }],
    owners: ['958935420', '938726027'], // Oslo, Melhus
    spread: 8,
  },
]
