import type { SamplePilot } from './sample-types.ts'

// Sample pilots: invented content (titles, people, figures and results are made up), owned by the
// real organisations in sample-organisations.ts. The steps are applied through the real lifecycle,
// so every step satisfies its guard. People are fictional and their addresses are at example.no.

const BERGEN = '0a000000-0000-4000-8000-000000000002'
const NAV = '0a000000-0000-4000-8000-000000000007'
const SINTEF = '0a000000-0000-4000-8000-00000000000a'

export const samplePilots: SamplePilot[] = [
  // 1. Adopted: digital night supervision in home care (Bergen kommune).
  {
    id: '5a000000-0000-4000-8000-000000000001',
    ownerOrgNumber: '964338531',
    registeredOn: '2022-09-15',
    pilot: {
      title: 'Digitalt tilsyn om natten i hjemmetjenesten',
      summary:
        'Hjemmeboende brukere som trenger tilsyn om natten, fikk tilbud om digitalt tilsyn med bevegelsessensorer og varsling i stedet for faste fysiske tilsynsrunder. Nattpatruljen rykket ut når sensorene varslet om uvanlig aktivitet, fall eller at brukeren ikke var tilbake i sengen. Utprøvingen omfattet 60 brukere i to hjemmetjenestesoner i ett år.',
      problem:
        'Nattpatruljen i hjemmetjenesten bruker mye tid på å kjøre mellom brukere for korte tilsyn som for de fleste viser at alt er i orden. Mange brukere forteller at de blir vekket av tilsynet og sover dårligere. Samtidig oppdages fall og andre hendelser først ved neste planlagte besøk, som kan være flere timer senere. Antallet eldre som bor hjemme, øker raskere enn antallet ansatte på natt.',
      hypothesis:
        'Hvis vi erstatter faste fysiske tilsynsrunder om natten med digitalt tilsyn for brukere som samtykker, så vil brukerne sove bedre og hendelser oppdages raskere, samtidig som nattpatruljen frigjør tid, målt ved antall fysiske tilsynsbesøk om natten, andel fall som oppdages innen 15 minutter og brukernes egenrapporterte søvnkvalitet.',
      innovationType: 'product',
      serviceArea: 'health_care',
      partners: [{ organisationId: SINTEF, role: 'research' }],
      contacts: [
        {
          name: 'Kari Nordmann',
          email: 'kari.nordmann@example.no',
          phone: '+47 00 00 00 01',
          role: 'Prosjektleder, hjemmetjenesten',
        },
      ],
      availableToAdvise: true,
      plannedStart: '2023-01-09',
      plannedEnd: '2023-12-15',
      budgetNok: 2400000,
      fundingSource: 'Egne driftsmidler og tilskudd fra Nasjonalt velferdsteknologiprogram',
      evaluationMethod: 'before_after',
      evaluationPlan:
        'Før-og-etter-måling i de to sonene, med registrering av tilsynsbesøk og utrykninger fra fagsystemet, spørreundersøkelse om søvn til brukere og pårørende ved oppstart og etter ti måneder, og intervjuer med ansatte på natt. SINTEF bistår med følgeforskning.',
      legalBasis: { kind: 'ordinary' },
      tags: ['velferdsteknologi', 'digitalt tilsyn', 'hjemmetjeneste', 'natt', 'sensorer'],
      visibility: 'published',
      metrics: [
        {
          name: 'Fysiske tilsynsbesøk om natten i de to sonene',
          unit: 'antall per uke',
          direction: 'decrease',
          baseline: 420,
          target: 250,
          primary: true,
        },
        {
          name: 'Andel fall som oppdages innen 15 minutter',
          unit: 'prosent',
          direction: 'increase',
          baseline: 40,
          target: 80,
          primary: true,
        },
        {
          name: 'Brukere som oppgir at de sover godt om natten',
          unit: 'prosent',
          direction: 'increase',
          baseline: 55,
          target: 70,
        },
      ],
    },
    evaluations: [
      {
        kind: 'final',
        method: 'before_after',
        evidenceLevel: 2,
        outcome: 'successful',
        summary:
          'Antallet fysiske tilsynsbesøk om natten gikk ned fra rundt 420 til rundt 230 per uke, og andelen fall som ble oppdaget innen 15 minutter, økte fra 40 til 83 prosent. Andelen brukere som oppgir at de sover godt, økte fra 55 til 68 prosent, litt under målet. Ingen alvorlige hendelser kunne knyttes til at fysisk tilsyn falt bort.',
        lessonsLearned:
          'Kartlegging av hver bruker før oppstart var avgjørende: digitalt tilsyn passet ikke for alle, og noen fikk en kombinasjon av sensorer og fysiske besøk. Falske alarmer de første ukene svekket tilliten hos de ansatte; det hjalp å justere sensorene sammen med dem. Pårørende må informeres godt om hva sensorene registrerer og ikke registrerer.',
        results: [
          { metric: 'Fysiske tilsynsbesøk om natten i de to sonene', observed: 232, n: 60 },
          { metric: 'Andel fall som oppdages innen 15 minutter', observed: 83, n: 47 },
          { metric: 'Brukere som oppgir at de sover godt om natten', observed: 68, n: 52 },
        ],
        factors: [
          {
            factor: 'new_technology',
            effect: 'hindered',
            note: 'Mange falske alarmer de første ukene, før sensorene ble justert for hver bruker.',
          },
          {
            factor: 'staff',
            effect: 'promoted',
            note: 'Nattpatruljen var med på å justere sensorene og lage rutinene for utrykning, og fikk eierskap til løsningen.',
          },
          {
            factor: 'partners',
            effect: 'promoted',
            note: 'Følgeforskningen fra SINTEF ga et felles tallgrunnlag for å vurdere utprøvingen underveis.',
          },
          {
            factor: 'users',
            effect: 'hindered',
            note: 'Noen brukere og pårørende var usikre på hva sensorene registrerte, og takket nei til digitalt tilsyn.',
          },
        ],
        otherFactors:
          'Kommunens nye responssenter ble tatt i bruk samtidig, slik at varslene kunne tas imot og vurderes ett sted før nattpatruljen rykket ut.',
        on: '2024-04-15',
      },
    ],
    benefits: [
      {
        kind: 'time_saving_hours',
        description:
          'Frigjort tid i nattpatruljen når faste tilsynsrunder erstattes av digitalt tilsyn (om lag 190 færre besøk i uken, med kjøring)',
        plannedAnnual: 3700,
        realisedAnnual: 4100,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'cost_saving_nok',
        description:
          'Unngått økning i nattbemanningen i de to sonene, selv om antallet hjemmeboende brukere med tilsyn øker',
        plannedAnnual: 1400000,
        realisedAnnual: 1250000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'quality',
        description:
          'Færre sykehusinnleggelser etter fall fordi brukere som faller, blir funnet raskere og ikke ligger lenge',
        unit: 'færre innleggelser per år',
        plannedAnnual: 12,
        realisedAnnual: 9,
        bearer: 'own_org',
        beneficiary: 'health_trust',
      },
      {
        kind: 'quality',
        description: 'Bedre søvn for brukerne når de ikke lenger blir vekket av tilsynsbesøk',
        unit: 'prosentpoeng',
        plannedAnnual: 15,
        realisedAnnual: 13,
        bearer: 'own_org',
        beneficiary: 'citizens',
      },
    ],
    steps: [
      { to: 'planned', on: '2022-11-01' },
      { to: 'running', on: '2023-01-16', actualStart: '2023-01-16' },
      { to: 'evaluating', on: '2024-01-08', actualEnd: '2023-12-22' },
      { to: 'concluded', on: '2024-04-30' },
      {
        to: 'adopted',
        on: '2024-09-25',
        decisionReference: 'Bystyresak 187/24',
        decisionDate: '2024-09-18',
      },
    ],
  },

  // 2. Concluded, successful: automatic medicine dispensers (Hamar kommune).
  {
    id: '5a000000-0000-4000-8000-000000000002',
    ownerOrgNumber: '970540008',
    registeredOn: '2023-03-01',
    pilot: {
      title: 'Elektroniske medisindispensere for hjemmeboende',
      summary:
        'Brukere med faste medisiner fikk en elektronisk medisindispenser som gir riktig dose til riktig tid og varsler hjemmetjenesten hvis medisinen ikke blir tatt. Dispenseren erstattet inntil fire daglige medisinbesøk. Utprøvingen omfattet 45 brukere i ett år.',
      problem:
        'Medisinbesøk utgjør en stor del av besøkene i hjemmetjenesten, og mange av dem er korte besøk bare for å levere ut medisiner. Besøkene må skje til faste tider, som gir trange ruter og forsinkelser. Avviksmeldinger om legemiddelhåndtering handler ofte om medisiner som er gitt for sent eller ikke gitt.',
      hypothesis:
        'Hvis vi gir hjemmeboende brukere med faste medisiner en elektronisk medisindispenser med varsling, så vil flere ta medisinene til riktig tid og hjemmetjenesten bruke mindre tid på medisinbesøk, målt ved antall avviksmeldinger om legemiddelhåndtering, timer brukt på medisinbesøk per uke og andel doser tatt til riktig tid.',
      innovationType: 'product',
      serviceArea: 'health_care',
      contacts: [
        {
          name: 'Ola Nordmann',
          email: 'ola.nordmann@example.no',
          role: 'Fagansvarlig velferdsteknologi',
        },
      ],
      availableToAdvise: true,
      plannedStart: '2023-06-01',
      plannedEnd: '2024-05-31',
      budgetNok: 950000,
      fundingSource: 'Egne driftsmidler',
      evaluationMethod: 'before_after',
      evaluationPlan:
        'Sammenligning av avviksmeldinger, tidsbruk og dosering i året før og året med dispenser for de samme brukerne, supplert med intervjuer av brukere og ansatte.',
      legalBasis: { kind: 'ordinary' },
      tags: ['velferdsteknologi', 'medisindispenser', 'legemiddelhåndtering', 'hjemmetjeneste'],
      visibility: 'published',
      metrics: [
        {
          name: 'Avviksmeldinger om legemiddelhåndtering',
          unit: 'antall per måned',
          direction: 'decrease',
          baseline: 14,
          target: 7,
          primary: true,
        },
        {
          name: 'Tid brukt på medisinbesøk',
          unit: 'timer per uke',
          direction: 'decrease',
          baseline: 160,
          target: 110,
        },
        {
          name: 'Andel doser tatt til riktig tid',
          unit: 'prosent',
          direction: 'increase',
          baseline: 75,
          target: 90,
        },
      ],
    },
    evaluations: [
      {
        kind: 'final',
        method: 'before_after',
        evidenceLevel: 2,
        outcome: 'successful',
        summary:
          'Avviksmeldingene om legemiddelhåndtering gikk ned fra 14 til 6 per måned, og tiden brukt på medisinbesøk gikk ned fra 160 til om lag 105 timer per uke. Andelen doser tatt til riktig tid økte fra 75 til 92 prosent. Fem brukere gikk tilbake til ordinære medisinbesøk.',
        lessonsLearned:
          'Dispenseren passer best for brukere som klarer å ta imot en lyd- og lysvarsling; for personer med moderat eller alvorlig demens fungerte den dårlig. Samarbeid med apoteket om multidose var en forutsetning. Tiden som ble frigjort, måtte planlegges aktivt inn i rutene, ellers forsvant gevinsten.',
        results: [
          { metric: 'Avviksmeldinger om legemiddelhåndtering', observed: 6, n: 45 },
          { metric: 'Tid brukt på medisinbesøk', observed: 105, n: 45 },
          { metric: 'Andel doser tatt til riktig tid', observed: 92, n: 36500 },
        ],
        factors: [
          {
            factor: 'partners',
            effect: 'promoted',
            note: 'Avtalen med apoteket om multidose gjorde at dispenserne ble fylt riktig og i tide.',
          },
          {
            factor: 'users',
            effect: 'hindered',
            note: 'Dispenseren fungerte dårlig for brukere med moderat eller alvorlig demens; fem gikk tilbake til ordinære medisinbesøk.',
          },
          {
            factor: 'leadership',
            effect: 'promoted',
            note: 'Avdelingslederne planla den frigjorte tiden aktivt inn i rutene i stedet for å la den forsvinne.',
          },
        ],
        on: '2024-10-01',
      },
    ],
    benefits: [
      {
        kind: 'time_saving_hours',
        description: 'Færre korte medisinbesøk i hjemmetjenesten (om lag 55 timer i uken)',
        plannedAnnual: 2600,
        realisedAnnual: 2860,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'cost_saving_nok',
        description:
          'Lavere utgifter til kjøring og ekstravakter i hjemmetjenesten, fratrukket leie og drift av dispenserne',
        plannedAnnual: 600000,
        realisedAnnual: 520000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'quality',
        description: 'Færre avvik i legemiddelhåndteringen for brukerne med dispenser',
        unit: 'færre avvik per år',
        plannedAnnual: 84,
        realisedAnnual: 96,
        bearer: 'own_org',
        beneficiary: 'citizens',
      },
      {
        kind: 'quality',
        description:
          'Færre innleggelser på grunn av feil medisinbruk; ikke målt i utprøvingen, bare anslått',
        unit: 'færre innleggelser per år',
        plannedAnnual: 4,
        bearer: 'own_org',
        beneficiary: 'health_trust',
      },
    ],
    steps: [
      { to: 'planned', on: '2023-04-20' },
      { to: 'running', on: '2023-06-05', actualStart: '2023-06-05' },
      { to: 'evaluating', on: '2024-06-10', actualEnd: '2024-05-31' },
      { to: 'concluded', on: '2024-10-15' },
    ],
  },

  // 3. Concluded, unsuccessful (a null result): early intervention in reading (Tromsø kommune).
  {
    id: '5a000000-0000-4000-8000-000000000003',
    ownerOrgNumber: '940101808',
    registeredOn: '2022-03-15',
    pilot: {
      title: 'Intensiv leseopplæring i små grupper på 1. og 2. trinn',
      summary:
        'Seks skoler ga elever som strevde med lesing, intensiv leseopplæring i grupper på tre til fem elever, fire økter i uken i perioder på åtte uker. For å få nok timer omdisponerte skolene inntil 20 prosent av timene i andre fag på 1. og 2. trinn. Seks andre skoler var sammenligningsskoler.',
      problem:
        'For mange elever har ikke knekt lesekoden ved slutten av 2. trinn, og mange av dem får spesialundervisning senere i skoleløpet. Plikten til intensiv opplæring blir i dag oppfylt svært ulikt mellom skolene, ofte med for få timer og uten systematisk oppfølging.',
      hypothesis:
        'Hvis vi gir elever som strever med lesing på 1. og 2. trinn intensiv leseopplæring i små grupper fire økter i uken, så vil færre elever ligge under bekymringsgrensen ved slutten av 2. trinn, målt ved andel elever under bekymringsgrensen på kartleggingsprøven i lesing og andel elever med spesialundervisning på 3. trinn.',
      innovationType: 'service',
      serviceArea: 'education',
      contacts: [
        {
          name: 'Per Eksempelsen',
          email: 'per.eksempelsen@example.no',
          role: 'Rådgiver, oppvekst og utdanning',
        },
      ],
      availableToAdvise: true,
      plannedStart: '2022-08-17',
      plannedEnd: '2024-06-20',
      budgetNok: 3100000,
      fundingSource: 'Egne midler og statlige midler til tidlig innsats',
      evaluationMethod: 'quasi_experimental',
      evaluationPlan:
        'Sammenligning av seks forsøksskoler og seks sammenligningsskoler med lik størrelse og elevsammensetning (forskjell-i-forskjell på kartleggingsprøvene), gjennomført av en ekstern evaluator. Gjennomføringsgraden registreres per gruppe.',
      legalBasis: {
        kind: 'sector_pilot_clause',
        reference:
          'Opplæringslova (1998) § 1-4 om forsøk: avvik fra fag- og timefordelingen på 1.–2. trinn',
        approvalDate: '2022-06-20',
        expiryDate: '2024-07-31',
      },
      tags: ['tidlig innsats', 'lesing', 'grunnskole', 'intensiv opplæring'],
      visibility: 'published',
      metrics: [
        {
          name: 'Andel elever under bekymringsgrensen på kartleggingsprøven i lesing, 2. trinn',
          unit: 'prosent',
          direction: 'decrease',
          baseline: 22,
          target: 15,
          primary: true,
        },
        {
          name: 'Andel elever med spesialundervisning på 3. trinn',
          unit: 'prosent',
          direction: 'decrease',
          baseline: 9,
          target: 7,
        },
      ],
    },
    evaluations: [
      {
        kind: 'external',
        method: 'quasi_experimental',
        evidenceLevel: 3,
        outcome: 'unsuccessful',
        summary:
          'Andelen elever under bekymringsgrensen gikk ned fra 22 til 20 prosent på forsøksskolene og fra 21 til 20 prosent på sammenligningsskolene. Forskjellen er liten og ikke statistisk sikker. Andelen med spesialundervisning på 3. trinn var om lag uendret. Målet om 15 prosent ble ikke nådd.',
        lessonsLearned:
          'Bare rundt halvparten av de planlagte øktene ble gjennomført, fordi lærerne ofte ble satt inn som vikarer. Forsøket sier derfor mest om hvor vanskelig det er å skjerme intensiv opplæring, og lite om metoden i seg selv. Et nytt forsøk bør ha egne, skjermede ressurser, og gjennomføringsgraden bør følges opp hver måned.',
        results: [
          {
            metric: 'Andel elever under bekymringsgrensen på kartleggingsprøven i lesing, 2. trinn',
            observed: 20,
            ciLow: 16.8,
            ciHigh: 23.4,
            n: 338,
          },
          {
            metric: 'Andel elever med spesialundervisning på 3. trinn',
            observed: 8.8,
            ciLow: 6.4,
            ciHigh: 11.2,
            n: 331,
          },
        ],
        factors: [
          {
            factor: 'staff',
            effect: 'hindered',
            note: 'Lærerne som skulle ha gruppene, ble ofte satt inn som vikarer; bare om lag halvparten av øktene ble gjennomført.',
          },
          {
            factor: 'decisions_and_priorities',
            effect: 'hindered',
            note: 'Øktene var ikke skjermet i skolenes ressursplaner, og det å dekke fravær gikk foran.',
          },
          {
            factor: 'regulation',
            effect: 'promoted',
            note: 'Forsøksparagrafen i opplæringslova ga rom til å omdisponere timer fra andre fag.',
          },
        ],
        otherFactors:
          'Sykefraværet blant lærerne var uvanlig høyt det første skoleåret, noe som forsterket vikarbruken. To av forsøksskolene byttet rektor underveis.',
        on: '2025-02-14',
      },
    ],
    benefits: [
      {
        kind: 'cost_saving_nok',
        description:
          'Mindre behov for spesialundervisning fra 3. trinn (lærerressurs); ingen nedgang ble påvist',
        plannedAnnual: 900000,
        realisedAnnual: 0,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'quality',
        description:
          'Færre elever under bekymringsgrensen i lesing ved slutten av 2. trinn; forskjellen mot sammenligningsskolene var ikke statistisk sikker',
        unit: 'prosentpoeng',
        plannedAnnual: 7,
        realisedAnnual: 0,
        bearer: 'own_org',
        beneficiary: 'citizens',
      },
      {
        kind: 'other',
        description:
          'Færre elever som trenger ekstra oppfølging i videregående opplæring, som fylkeskommunen har ansvaret for (langsiktig anslag)',
        unit: 'elever per årskull',
        plannedAnnual: 10,
        bearer: 'own_org',
        beneficiary: 'other_org',
      },
    ],
    steps: [
      { to: 'planned', on: '2022-05-10' },
      { to: 'running', on: '2022-08-17', actualStart: '2022-08-17' },
      { to: 'evaluating', on: '2024-06-21', actualEnd: '2024-06-20' },
      { to: 'concluded', on: '2025-03-03' },
    ],
  },

  // 4. Discontinued while running: a chatbot for citizens' questions (Stavanger kommune).
  {
    id: '5a000000-0000-4000-8000-000000000004',
    ownerOrgNumber: '964965226',
    registeredOn: '2023-08-20',
    pilot: {
      title: 'Chatbot for innbyggerspørsmål på kommunens nettsider',
      summary:
        'En chatbot på kommunens nettsider skulle svare på vanlige spørsmål om renovasjon, eiendomsskatt, barnehageopptak og byggesak døgnet rundt, og sende innbyggeren videre til servicetorget når den ikke kunne svare. Chatboten ble prøvd ut i 2024.',
      problem:
        'Servicetorget får mange telefoner med de samme spørsmålene, særlig rundt tømmedager, fakturaer og frister. Ventetiden på telefon er lang i perioder, og svarene finnes ofte allerede på nettsidene, men er vanskelige å finne.',
      hypothesis:
        'Hvis vi tilbyr en chatbot som svarer på de vanligste spørsmålene på nettsidene, så vil færre ringe servicetorget og flere få svar når de trenger det, målt ved antall telefonhenvendelser til servicetorget per måned og andel innbyggere som oppgir at de fikk svar på det de lurte på.',
      innovationType: 'communication',
      serviceArea: 'administration',
      contacts: [
        {
          name: 'Lise Nordmann',
          email: 'lise.nordmann@example.no',
          role: 'Leder, servicetorget',
        },
      ],
      availableToAdvise: false,
      plannedStart: '2024-01-08',
      plannedEnd: '2024-12-20',
      budgetNok: 780000,
      fundingSource: 'Kommunens digitaliseringsmidler',
      evaluationMethod: 'before_after',
      evaluationPlan:
        'Telefonstatistikk fra servicetorget sammenlignet med samme måneder året før, logg over chatbotens svar med stikkprøvekontroll av svarkvaliteten hver måned, og en kort spørreundersøkelse etter hver samtale.',
      legalBasis: { kind: 'ordinary' },
      tags: ['chatbot', 'kunstig intelligens', 'servicetorg', 'innbyggerdialog'],
      visibility: 'published',
      metrics: [
        {
          name: 'Telefonhenvendelser til servicetorget',
          unit: 'antall per måned',
          direction: 'decrease',
          baseline: 9500,
          target: 7500,
          primary: true,
        },
        {
          name: 'Andel innbyggere som fikk svar på det de lurte på',
          unit: 'prosent',
          direction: 'increase',
          baseline: 70,
          target: 80,
        },
      ],
    },
    evaluations: [
      {
        kind: 'interim',
        method: 'before_after',
        evidenceLevel: 1,
        outcome: 'unsuccessful',
        summary:
          'Etter fem måneder ga chatboten et riktig og fullstendig svar i om lag 60 prosent av stikkprøvene. Telefonhenvendelsene til servicetorget var på samme nivå som året før, og bare 48 prosent av brukerne av chatboten oppga at de fikk svar.',
        lessonsLearned:
          'Chatboten var aldri bedre enn innholdet på nettsidene den hentet svar fra, og mye av innholdet var utdatert. Vi burde ha ryddet i nettsidene først. Spørsmål om egne saker og fakturaer, som er de vanligste, kunne chatboten ikke svare på uten innlogging og tilgang til fagsystemene.',
        results: [
          { metric: 'Telefonhenvendelser til servicetorget', observed: 9400 },
          { metric: 'Andel innbyggere som fikk svar på det de lurte på', observed: 48, n: 1240 },
        ],
        factors: [
          {
            factor: 'new_technology',
            effect: 'hindered',
            note: 'Chatboten kunne ikke svare på spørsmål om egne saker og fakturaer uten innlogging og tilgang til fagsystemene.',
          },
          {
            factor: 'decisions_and_priorities',
            effect: 'hindered',
            note: 'Oppryddingen i nettsidene ble utsatt til etter oppstart, så chatboten hentet svar fra utdatert innhold.',
          },
          {
            factor: 'staff',
            effect: 'promoted',
            note: 'Servicetorget kontrollerte stikkprøver hver måned og fant raskt ut hvor svarene sviktet.',
          },
        ],
        otherFactors:
          'Mange innbyggere skrev slik de snakker, med dialektord og forkortelser, og chatboten misforstod ofte spørsmålene.',
        on: '2024-06-14',
      },
    ],
    benefits: [
      {
        kind: 'time_saving_hours',
        description:
          'Mindre tid i telefonen for servicetorget med 2 000 færre samtaler i måneden, à om lag seks minutter',
        plannedAnnual: 2400,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'time_saving_hours',
        description:
          'Kortere ventetid for innbyggerne som får svar i chatten i stedet for å vente i telefonkø',
        plannedAnnual: 3200,
        bearer: 'own_org',
        beneficiary: 'citizens',
      },
      {
        kind: 'cost_saving_nok',
        description:
          'Mindre behov for ekstrahjelp i servicetorget rundt fakturaperioder og frister',
        plannedAnnual: 450000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
    ],
    steps: [
      { to: 'planned', on: '2023-10-02' },
      { to: 'running', on: '2024-01-15', actualStart: '2024-01-15' },
      {
        to: 'discontinued',
        on: '2024-08-30',
        reason:
          'Midtveisevalueringen viste for lav svarkvalitet og ingen nedgang i telefonhenvendelser. Avtalen med leverandøren ble ikke forlenget, og midlene brukes i stedet til å rydde og forbedre innholdet på nettsidene.',
      },
    ],
  },

  // 5. Evaluating: digital home follow-up of chronically ill patients (Helse Bergen HF).
  {
    id: '5a000000-0000-4000-8000-000000000005',
    ownerOrgNumber: '983974724',
    registeredOn: '2023-06-12',
    pilot: {
      title: 'Digital hjemmeoppfølging av pasienter med kols og hjertesvikt',
      summary:
        'Pasienter med kols eller hjertesvikt og hyppige innleggelser måler selv blodtrykk, puls, oksygenmetning og vekt hjemme og svarer på korte spørsmål om symptomer i en app. En oppfølgingstjeneste med sykepleiere følger med på målingene og tar kontakt ved forverring, i samarbeid med hjemmetjenesten og fastlegen. Utprøvingen er en randomisert studie med 400 pasienter.',
      problem:
        'Pasienter med kols og hjertesvikt blir ofte akutt innlagt ved forverring som kunne vært fanget opp tidligere. Innleggelsene er belastende for pasientene og krevende for sykehuset, og oppfølgingen mellom sykehus, fastlege og kommune henger ikke alltid sammen.',
      hypothesis:
        'Hvis vi følger opp pasienter med kols og hjertesvikt digitalt hjemme, med egenmålinger og en sykepleiebemannet oppfølgingstjeneste, så vil de trenge færre akutte innleggelser og føle seg tryggere, målt ved liggedøgn og akutte innleggelser per pasient per år og opplevd trygghet.',
      innovationType: 'service',
      serviceArea: 'health_care',
      partners: [
        { organisationId: BERGEN, role: 'co_owner' },
        { organisationId: SINTEF, role: 'research' },
      ],
      contacts: [
        {
          name: 'Nils Prøvesen',
          email: 'nils.provesen@example.no',
          role: 'Prosjektleder, medisinsk klinikk',
        },
        {
          name: 'Anne Eksempel',
          email: 'anne.eksempel@example.no',
          role: 'Kontaktperson i kommunen',
        },
      ],
      availableToAdvise: true,
      plannedStart: '2024-02-01',
      plannedEnd: '2026-01-31',
      budgetNok: 8500000,
      fundingSource: 'Helseforetakets innovasjonsmidler og eksterne forskningsmidler',
      evaluationMethod: 'rct',
      evaluationPlan:
        'Pragmatisk randomisert studie: pasientene trekkes til digital hjemmeoppfølging eller vanlig oppfølging og følges i tolv måneder. Primærmål er liggedøgn per pasient per år. Helseøkonomisk analyse og intervjuer med pasienter og ansatte. Sluttrapport ventes våren 2027.',
      legalBasis: { kind: 'ordinary' },
      tags: [
        'digital hjemmeoppfølging',
        'kols',
        'hjertesvikt',
        'samhandling',
        'avstandsoppfølging',
      ],
      visibility: 'published',
      metrics: [
        {
          name: 'Liggedøgn per pasient per år',
          unit: 'døgn',
          direction: 'decrease',
          baseline: 9.5,
          target: 7,
          primary: true,
        },
        {
          name: 'Akutte innleggelser per pasient per år',
          unit: 'antall',
          direction: 'decrease',
          baseline: 1.8,
          target: 1.3,
        },
        {
          name: 'Opplevd trygghet',
          unit: 'poeng (1–5)',
          direction: 'increase',
          baseline: 3.6,
          target: 4.2,
        },
      ],
    },
    evaluations: [
      {
        kind: 'interim',
        evaluatorOrgNumber: '919303808',
        method: 'rct',
        evidenceLevel: 3,
        outcome: 'inconclusive',
        summary:
          'Midtveisrapport etter at halvparten av pasientene var rekruttert. Rekrutteringen gikk saktere enn planlagt, og det er for tidlig å si noe om effekt på liggedøgn. Pasientene i tiltaksgruppen rapporterer høyere opplevd trygghet.',
        lessonsLearned:
          'Rekrutteringen gikk bedre da fastlegene og hjemmetjenesten fikk en fast kontaktperson i oppfølgingstjenesten. Mange pasienter trengte hjelp de første ukene for å komme i gang med målingene.',
        results: [
          {
            metric: 'Liggedøgn per pasient per år',
            observed: 8.4,
            ciLow: 6.9,
            ciHigh: 9.9,
            n: 196,
          },
          {
            metric: 'Akutte innleggelser per pasient per år',
            observed: 1.6,
            ciLow: 1.3,
            ciHigh: 1.9,
            n: 196,
          },
          { metric: 'Opplevd trygghet', observed: 4.1, ciLow: 3.9, ciHigh: 4.3, n: 171 },
        ],
        factors: [
          {
            factor: 'partners',
            effect: 'promoted',
            note: 'En fast kontaktperson i oppfølgingstjenesten for fastleger og hjemmetjeneste ga flere henvisninger.',
          },
          {
            factor: 'staff',
            effect: 'hindered',
            note: 'Legene på poliklinikken hadde lite tid til å inkludere pasienter, så rekrutteringen gikk saktere enn planlagt.',
          },
          {
            factor: 'users',
            effect: 'hindered',
            note: 'Mange pasienter trengte hjelp de første ukene for å komme i gang med målingene i appen.',
          },
          {
            factor: 'regulation',
            effect: 'hindered',
            note: 'Avklaringer om databehandleravtale og deling av målinger med kommunen tok lengre tid enn ventet.',
          },
        ],
        on: '2025-03-20',
      },
    ],
    benefits: [
      {
        kind: 'cost_saving_nok',
        description:
          'Sparte sykehuskostnader ved om lag 500 færre liggedøgn i året for 200 pasienter',
        plannedAnnual: 4500000,
        bearer: 'health_trust',
        beneficiary: 'health_trust',
      },
      {
        kind: 'quality',
        description:
          'Færre akutte innleggelser når forverring fanges opp hjemme; hjemmetjenesten i kommunen gjør mye av oppfølgingen',
        unit: 'færre innleggelser per år',
        plannedAnnual: 100,
        bearer: 'other_org',
        beneficiary: 'health_trust',
      },
      {
        kind: 'time_saving_hours',
        description: 'Færre akutte hjemmebesøk fra hjemmetjenesten når pasienten blir dårligere',
        plannedAnnual: 1200,
        bearer: 'other_org',
        beneficiary: 'other_org',
      },
      {
        kind: 'quality',
        description: 'Økt opplevd trygghet hos pasientene (målt i midtveisrapporten)',
        unit: 'poeng (1–5)',
        plannedAnnual: 0.6,
        realisedAnnual: 0.5,
        bearer: 'health_trust',
        beneficiary: 'citizens',
      },
    ],
    steps: [
      { to: 'planned', on: '2023-10-20' },
      { to: 'running', on: '2024-02-05', actualStart: '2024-02-05' },
      { to: 'evaluating', on: '2026-02-16', actualEnd: '2026-01-31' },
    ],
  },

  // 6. Running: full-time culture in nursing homes (Trondheim kommune).
  {
    id: '5a000000-0000-4000-8000-000000000006',
    ownerOrgNumber: '942110464',
    registeredOn: '2024-11-05',
    pilot: {
      title: 'Heltidskultur med langvakter og årsturnus på sykehjem',
      summary:
        'Tre sykehjem prøver en turnusmodell der ansatte kan velge langvakter i helgene og planlegge arbeidstiden i en årsturnus. Målet er at flere ansatte får hele stillinger, og at beboerne møter færre ulike ansatte. Modellen er avtalt med de tillitsvalgte.',
      problem:
        'Mange i omsorgstjenesten jobber deltid, ofte ufrivillig, fordi helgene krever flere på jobb enn ukedagene. Det gir mange små stillinger, mye innleie og at beboerne møter svært mange ulike ansatte. Rekrutteringen av sykepleiere og helsefagarbeidere blir stadig vanskeligere.',
      hypothesis:
        'Hvis vi innfører langvakter i helgene og årsturnus på sykehjem, så vil flere ansatte ha heltidsstilling og beboerne møte færre ulike ansatte, målt ved andel faste stillinger som er heltid, sykefravær og antall ulike ansatte per beboer per uke.',
      innovationType: 'organisation',
      serviceArea: 'health_care',
      contacts: [
        {
          name: 'Siri Testesen',
          email: 'siri.testesen@example.no',
          role: 'Enhetsleder sykehjem',
        },
      ],
      availableToAdvise: false,
      plannedStart: '2025-03-01',
      plannedEnd: '2026-12-31',
      budgetNok: 1200000,
      fundingSource: 'Egne midler',
      evaluationMethod: 'quasi_experimental',
      evaluationPlan:
        'Tre forsøkssykehjem sammenlignes med tre sykehjem med ordinær turnus. Stillingsstørrelser, sykefravær og bemanning hentes fra personalsystemet hver måned; beboere, pårørende og ansatte intervjues ved oppstart og etter ett år.',
      legalBasis: { kind: 'ordinary' },
      tags: ['heltidskultur', 'turnus', 'langvakter', 'sykehjem', 'rekruttering'],
      visibility: 'published',
      metrics: [
        {
          name: 'Andel faste stillinger som er heltid',
          unit: 'prosent',
          direction: 'increase',
          baseline: 38,
          target: 60,
          primary: true,
        },
        {
          name: 'Sykefravær',
          unit: 'prosent',
          direction: 'decrease',
          baseline: 11.5,
          target: 9.5,
        },
        {
          name: 'Ulike ansatte en beboer møter',
          unit: 'antall per uke',
          direction: 'decrease',
          baseline: 18,
          target: 12,
        },
      ],
    },
    benefits: [
      {
        kind: 'cost_saving_nok',
        description:
          'Mindre innleie fra bemanningsbyrå og færre ekstravakter på de tre sykehjemmene',
        plannedAnnual: 1800000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'cost_saving_nok',
        description: 'Lavere vikarutgifter når sykefraværet går ned med to prosentpoeng',
        plannedAnnual: 1100000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'cost_saving_nok',
        description:
          'Lavere sykepengeutgifter for folketrygden når langtidsfraværet går ned (utover arbeidsgiverperioden)',
        plannedAnnual: 700000,
        bearer: 'own_org',
        beneficiary: 'state',
      },
      {
        kind: 'time_saving_hours',
        description: 'Mindre tid brukt på å ringe inn vikarer og lappe turnusen fra uke til uke',
        plannedAnnual: 1500,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'quality',
        description: 'Beboerne møter færre ulike ansatte i løpet av en uke',
        unit: 'færre ansatte per beboer per uke',
        plannedAnnual: 6,
        bearer: 'own_org',
        beneficiary: 'citizens',
      },
    ],
    steps: [
      { to: 'planned', on: '2025-01-20' },
      { to: 'running', on: '2025-03-03', actualStart: '2025-03-03' },
    ],
  },

  // 7. Running: automated processing of simple unemployment-benefit claims (NAV).
  {
    id: '5a000000-0000-4000-8000-000000000007',
    ownerOrgNumber: '889640782',
    registeredOn: '2025-01-15',
    pilot: {
      title: 'Automatisert behandling av enkle søknader om dagpenger',
      summary:
        'Søknader om dagpenger der alle opplysninger kan hentes fra registre og vilkårene er klart oppfylt, behandles automatisk fra søknad til vedtak. Saker med skjønn, avvik eller manglende opplysninger går som før til en saksbehandler. Løsningen rulles ut trinnvis, fylke for fylke.',
      problem:
        'Saksbehandlingstiden for dagpenger øker kraftig i perioder med mange permitteringer og oppsigelser, og søkerne står da lenge uten inntekt. En stor del av saksbehandlernes tid går med til enkle saker der vurderingen i praksis er gitt av opplysningene i registrene.',
      hypothesis:
        'Hvis vi behandler enkle dagpengesøknader automatisk når alle opplysninger finnes i registrene, så vil søkerne få vedtak raskere uten at kvaliteten på vedtakene blir dårligere, målt ved saksbehandlingstid fra søknad til vedtak, andel saker som behandles helautomatisk og andel vedtak som endres etter klage.',
      innovationType: 'process',
      serviceArea: 'social_services',
      contacts: [
        {
          name: 'Erik Eksempelsen',
          email: 'erik.eksempelsen@example.no',
          role: 'Produktleder',
        },
      ],
      availableToAdvise: false,
      plannedStart: '2025-09-01',
      plannedEnd: '2027-02-28',
      budgetNok: 14000000,
      fundingSource: 'Etatens driftsbudsjett',
      evaluationMethod: 'quasi_experimental',
      evaluationPlan:
        'Trinnvis utrulling per fylke gir en naturlig sammenligning mellom fylker med og uten automatisering i samme periode. Et utvalg automatiske vedtak kontrolleres manuelt hver måned for å følge med på kvaliteten.',
      legalBasis: { kind: 'ordinary' },
      tags: ['automatisering', 'dagpenger', 'saksbehandling', 'digitalisering'],
      visibility: 'published',
      metrics: [
        {
          name: 'Saksbehandlingstid fra søknad til vedtak',
          unit: 'dager',
          direction: 'decrease',
          baseline: 24,
          target: 5,
          primary: true,
        },
        {
          name: 'Andel saker som behandles helautomatisk',
          unit: 'prosent',
          direction: 'increase',
          baseline: 0,
          target: 30,
        },
        {
          name: 'Andel vedtak som endres etter klage',
          unit: 'prosent',
          direction: 'decrease',
          baseline: 2.5,
          target: 2,
          primary: true,
        },
      ],
    },
    benefits: [
      {
        kind: 'time_saving_hours',
        description:
          'Frigjort saksbehandlingstid når om lag 30 prosent av dagpengesøknadene behandles helautomatisk',
        plannedAnnual: 45000,
        bearer: 'state',
        beneficiary: 'state',
      },
      {
        kind: 'quality',
        description: 'Raskere vedtak for søkerne, som får dagpengene utbetalt tidligere',
        unit: 'færre dager til vedtak',
        plannedAnnual: 19,
        bearer: 'state',
        beneficiary: 'citizens',
      },
      {
        kind: 'cost_saving_nok',
        description:
          'Færre søkere som må ha økonomisk sosialhjelp fra kommunen mens de venter på dagpengevedtak',
        plannedAnnual: 3000000,
        bearer: 'state',
        beneficiary: 'other_org',
      },
    ],
    steps: [
      { to: 'planned', on: '2025-05-05' },
      { to: 'running', on: '2025-09-01', actualStart: '2025-09-01' },
    ],
  },

  // 8. Hypothesis, draft: machine learning to select tax returns for audit (Skatteetaten).
  {
    id: '5a000000-0000-4000-8000-000000000008',
    ownerOrgNumber: '974761076',
    registeredOn: '2026-09-14',
    pilot: {
      title: 'Maskinlæring for å prioritere skattemeldinger til kontroll',
      summary:
        'Idé under utredning: en maskinlæringsmodell skal rangere skattemeldinger etter sannsynligheten for feil, som et hjelpemiddel for saksbehandlerne som velger ut saker til kontroll.',
      problem:
        'Utvelgelsen av skattemeldinger til kontroll bygger i dag i stor grad på faste regler og erfaring. Mange kontroller ender uten endring, mens feil i andre skattemeldinger ikke blir oppdaget. Bruk av maskinlæring krever samtidig en grundig vurdering av personvern, forklarbarhet og likebehandling.',
      hypothesis:
        'Hvis vi bruker en maskinlæringsmodell til å prioritere hvilke skattemeldinger som kontrolleres, så vil flere kontroller avdekke feil, målt ved andel kontrollerte skattemeldinger som fører til endring.',
      innovationType: 'process',
      serviceArea: 'other',
      contacts: [],
      availableToAdvise: false,
      legalBasis: { kind: 'ordinary' },
      tags: ['maskinlæring', 'kontroll', 'skattemelding', 'risikovurdering'],
      visibility: 'draft',
      metrics: [
        {
          name: 'Andel kontrollerte skattemeldinger som fører til endring',
          unit: 'prosent',
          direction: 'increase',
          baseline: null,
          target: null,
          primary: true,
        },
      ],
    },
    steps: [],
  },

  // 9. Planned: a joint family team for child welfare and NAV, under forsøksloven (Oslo kommune).
  {
    id: '5a000000-0000-4000-8000-000000000009',
    ownerOrgNumber: '958935420',
    registeredOn: '2025-10-01',
    pilot: {
      title: 'Felles familieteam for barnevern og NAV i to bydeler',
      summary:
        'Familier som får hjelp fra både barnevernet og NAV, skal få ett familieteam med én fast familiekoordinator. Teamet skal kunne fatte vedtak om både hjelpetiltak i barnevernet og økonomisk sosialhjelp, og følge opp foreldrenes vei til arbeid og barnas situasjon samlet. Forsøket skjer i to bydeler med godkjenning etter forsøksloven.',
      problem:
        'Familier med lav inntekt og barn som trenger hjelp, møter ofte mange ulike kontaktpersoner i barnevernet og NAV, med planer og vedtak som ikke henger sammen. Regler om ansvarsdeling og delegering gjør det vanskelig for tjenestene å jobbe som ett team rundt familien.',
      hypothesis:
        'Hvis vi samler oppfølgingen av familier som får hjelp fra både barnevernet og NAV i ett familieteam med én koordinator og felles vedtak, så vil flere foreldre komme i arbeid eller utdanning og familiene få færre kontaktpersoner, målt ved andel foreldre i arbeid eller utdanning etter tolv måneder og antall kontaktpersoner per familie.',
      innovationType: 'organisation',
      serviceArea: 'child_welfare',
      partners: [{ organisationId: NAV, role: 'co_owner' }],
      contacts: [
        {
          name: 'Kari Nordmann',
          email: 'kari.nordmann@example.no',
          role: 'Forsøksleder',
        },
      ],
      availableToAdvise: false,
      plannedStart: '2027-01-04',
      plannedEnd: '2029-12-21',
      budgetNok: 6000000,
      fundingSource: 'Bydelenes budsjetter og tilskudd til utviklingsarbeid',
      evaluationMethod: 'quasi_experimental',
      evaluationPlan:
        'Familiene i forsøksbydelene sammenlignes med tilsvarende familier i to bydeler uten familieteam, med registerdata om arbeid, utdanning og tiltak. Familiene og de ansatte intervjues underveis.',
      legalBasis: {
        kind: 'forsoksloven',
        reference:
          'Forsøksloven (lov 26. juni 1992 nr. 87): godkjenning fra departementet av avvik fra regler om delegering og ansvarsdeling mellom barnevern og sosialtjenesten',
        approvalDate: '2026-03-20',
        expiryDate: '2029-12-31',
      },
      tags: ['barnevern', 'nav', 'familier', 'lavinntekt', 'samordning', 'forsøksloven'],
      visibility: 'published',
      metrics: [
        {
          name: 'Andel foreldre i arbeid eller utdanning tolv måneder etter oppstart',
          unit: 'prosent',
          direction: 'increase',
          baseline: 28,
          target: 40,
          primary: true,
        },
        {
          name: 'Kontaktpersoner familien har i barnevernet og NAV',
          unit: 'antall',
          direction: 'decrease',
          baseline: 6,
          target: 2,
        },
      ],
    },
    benefits: [
      {
        kind: 'cost_saving_nok',
        description:
          'Lavere utbetalinger av økonomisk sosialhjelp når flere foreldre kommer i arbeid',
        plannedAnnual: 2400000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'cost_saving_nok',
        description:
          'Lavere statlige utgifter til arbeidsavklaringspenger og andre ytelser når foreldre kommer i arbeid eller utdanning',
        plannedAnnual: 1800000,
        bearer: 'own_org',
        beneficiary: 'state',
      },
      {
        kind: 'cost_saving_nok',
        description:
          'Færre og kortere tiltak utenfor hjemmet i barnevernet når familien får hjelp tidligere',
        plannedAnnual: 1500000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'time_saving_hours',
        description:
          'Mindre tid til samarbeidsmøter og parallelle planer mellom barnevernet og NAV-kontorene',
        plannedAnnual: 2000,
        bearer: 'own_org',
        beneficiary: 'other_org',
      },
      {
        kind: 'quality',
        description: 'Familiene forholder seg til færre kontaktpersoner i barnevernet og NAV',
        unit: 'færre kontaktpersoner per familie',
        plannedAnnual: 4,
        bearer: 'own_org',
        beneficiary: 'citizens',
      },
    ],
    steps: [{ to: 'planned', on: '2026-04-15' }],
  },

  // 10. Hypothesis, published: a shared pool of substitutes for kindergartens (Hamar kommune).
  {
    id: '5a000000-0000-4000-8000-00000000000a',
    ownerOrgNumber: '970540008',
    registeredOn: '2026-08-25',
    pilot: {
      title: 'Felles vikarpool for de kommunale barnehagene',
      summary:
        'Idé: de kommunale barnehagene ansetter sammen en fast gruppe vikarer i hele stillinger, som dekker fravær på tvers av barnehagene i stedet for tilkallingsvikarer.',
      problem:
        'Fravær i barnehagene dekkes i dag av tilkallingsvikarer som ofte mangler barnehagefaglig utdanning og ikke kjenner barna. Mange vakter blir ikke dekket i det hele tatt, og styrerne bruker mye tid på å ringe rundt om morgenen.',
      hypothesis:
        'Hvis vi ansetter faste vikarer i en felles vikarpool for de kommunale barnehagene, så vil mer av fraværet dekkes av kjente og kvalifiserte voksne, målt ved andel fraværsvakter som ikke blir dekket og andel vikartimer dekket av vikarer med barnehagefaglig utdanning.',
      innovationType: 'organisation',
      serviceArea: 'kindergarten',
      contacts: [
        {
          name: 'Ola Nordmann',
          email: 'ola.nordmann@example.no',
          role: 'Rådgiver, barnehage',
        },
      ],
      availableToAdvise: false,
      legalBasis: { kind: 'ordinary' },
      tags: ['barnehage', 'vikarer', 'bemanning', 'heltid'],
      visibility: 'published',
      metrics: [
        {
          name: 'Andel fraværsvakter som ikke blir dekket',
          unit: 'prosent',
          direction: 'decrease',
          baseline: 18,
          primary: true,
        },
        {
          name: 'Andel vikartimer dekket av vikarer med barnehagefaglig utdanning',
          unit: 'prosent',
          direction: 'increase',
        },
      ],
    },
    benefits: [
      {
        kind: 'time_saving_hours',
        description: 'Styrerne slipper å ringe rundt etter tilkallingsvikarer om morgenen',
        plannedAnnual: 1100,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'cost_saving_nok',
        description: 'Mindre bruk av overtid og dyre tilkallingsvakter i de kommunale barnehagene',
        plannedAnnual: 350000,
        bearer: 'own_org',
        beneficiary: 'own_org',
      },
      {
        kind: 'quality',
        description:
          'Flere fraværsvakter dekket av kjente voksne, til beste for barna og foreldrene',
        unit: 'prosentpoeng',
        plannedAnnual: 10,
        bearer: 'own_org',
        beneficiary: 'citizens',
      },
    ],
    steps: [],
  },
]
