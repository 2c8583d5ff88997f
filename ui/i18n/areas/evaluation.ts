// Messages of one area of the app (evaluation) in bokmål, the source of the keys: evaluation.nn.ts and
// evaluation.en.ts must have every one (the type checker and i18n.test.ts see to it). Each language is
// a file of its own, so that a reader downloads only the language they read.

export const nb = {
  'evaluate.action': 'Registrer evaluering',
  'evaluate.title': 'Registrer evaluering',
  'evaluate.intro':
    'Evalueringen publiseres på forsøkets side. Registrer også resultater som ikke ble som ventet – det er like nyttig for andre å vite hva som ikke virket.',
  'evaluate.signInFirst': 'Du må logge inn for å registrere en evaluering.',
  'evaluate.forbidden':
    'Bare evaluatorer som er tildelt forsøket, og virksomheten som eier det, kan registrere evalueringer.',
  'evaluate.notStarted':
    'Forsøket har ikke startet ennå. Evalueringer kan registreres fra forsøket er i gang.',
  'evaluate.backToPilot': 'Tilbake til forsøket',
  'evaluate.section.about': 'Om evalueringen',
  'evaluate.section.results': 'Resultater per måleindikator',
  'evaluate.section.factors': 'Hva fremmet og hemmet forsøket',
  'evaluate.section.report': 'Rapport',
  'evaluate.field.kind': 'Type evaluering',
  'evaluate.field.method': 'Metode',
  'evaluate.field.evidenceLevel': 'Kunnskapsgrunnlag',
  'evaluate.field.evidenceLevel.hint':
    'Nivåene følger Nestas standarder for kunnskapsgrunnlag. Velg det høyeste nivået evalueringen faktisk dokumenterer.',
  'evaluate.field.evidenceOption': 'Nivå {level}: {title}',
  'evaluate.field.outcome': 'Resultat av forsøket',
  'evaluate.field.outcome.hint': 'Må fylles ut for sluttevalueringer og eksterne evalueringer.',
  'evaluate.field.summary': 'Sammendrag',
  'evaluate.field.lessonsLearned': 'Dette lærte vi',
  'evaluate.field.lessonsLearned.hint':
    'Hva bør andre som vil prøve det samme, vite? Skriv det også om forsøket ikke lyktes.',
  'evaluate.field.otherFactors': 'Annet som fremmet eller hemmet',
  'evaluate.field.report': 'Last opp rapporten (PDF, høyst 20 MB)',
  'evaluate.field.report.hint': 'Valgfritt. Du kan også lenke til rapporten der den er publisert.',
  'evaluate.field.reportUrl': 'Eller lenke til rapporten',
  'evaluate.field.reportUrl.hint': 'For eksempel https://www.kommune.no/rapporter/forsok.pdf',
  'evaluate.results.intro':
    'Fyll ut målt verdi for indikatorene evalueringen har målt. La feltene stå tomme for indikatorer dere ikke har tall for. Nedre og øvre grense er konfidensintervallet, hvis dere har beregnet det.',
  'evaluate.results.none': 'Forsøket har ingen måleindikatorer.',
  'evaluate.results.plan': 'Utgangspunkt {baseline} → mål {target}',
  'evaluate.results.unit': 'Enhet: {unit}',
  'evaluate.results.notGiven': 'ikke oppgitt',
  'evaluate.result.observed': 'Målt verdi',
  'evaluate.result.ciLow': 'Nedre grense',
  'evaluate.result.ciHigh': 'Øvre grense',
  'evaluate.result.n': 'Antall (n)',
  'evaluate.result.fieldOf': '{metric}, {field}',
  'evaluate.factors.intro': 'Velg for hver faktor om den fremmet eller hemmet forsøket.',
  'evaluate.factor.none': 'Ikke avgjørende',
  'evaluate.factor.promoted': 'Fremmet',
  'evaluate.factor.hindered': 'Hemmet',
  'evaluate.submit': 'Publiser evalueringen',
  'evaluate.saving': 'Lagrer …',
  'evaluate.retryUpload': 'Last opp rapporten på nytt',
  'evaluate.error.outcome': 'Velg resultatet – det trengs for en sluttevaluering',
  'evaluate.error.bothEnds': 'Fyll ut begge endene av intervallet, eller ingen av dem',
  'evaluate.error.contains': 'Intervallet må omfatte den målte verdien',
  'evaluate.error.url': 'Skriv en fullstendig nettadresse som begynner med https://',
  'evaluate.error.reportAndUrl': 'Last opp en fil eller oppgi en lenke, ikke begge deler',
  'evaluate.error.notPdf': 'Filen «{name}» er ikke en PDF. Velg en PDF-fil.',
  'evaluate.error.tooLarge': 'Filen er {size} MB. Rapporten kan være høyst 20 MB.',
  'evaluate.error.empty': 'Filen er tom. Velg en annen fil.',
  'evaluate.error.reportRefused': 'Rapporten ble ikke tatt imot. Kontroller at filen er en PDF.',
  'evaluate.error.savedWithoutReport':
    'Evalueringen er lagret, men rapporten ble ikke lastet opp. Velg filen på nytt og prøv igjen.',
  'evaluate.error.changed': 'Forsøket er endret av noen andre. Last siden på nytt og prøv igjen.',
  'evaluate.error.notStarted': 'Forsøket har ikke startet, så det kan ikke evalueres ennå.',
  'evaluate.error.forbidden':
    'Du har ikke tilgang til å registrere evalueringer for dette forsøket.',
  'evaluate.error.signedOut': 'Du er ikke lenger logget inn. Logg inn igjen.',
  'evaluate.error.other': 'Evalueringen ble ikke lagret. Prøv igjen om litt.',
  'transition.concludeHint': 'Resultatet hentes fra den siste sluttevalueringen: «{outcome}».',
  'transition.concludeNoEvaluation':
    'Forsøket trenger en sluttevaluering med resultat før det kan avsluttes.',
  'transition.reason.conclude': 'Begrunnelse for avslutningen (valgfritt)',
  'transition.adoptHint': 'Bare vellykkede eller delvis vellykkede forsøk kan bli varig løsning.',
  'adopt.action': 'Registrer at dere har tatt det i bruk',
  'adopt.update': 'Oppdater status for {organisation}',
  'adopt.title': 'Ta forsøket i bruk',
  'adopt.titleUpdate': 'Oppdater bruken av forsøket',
  'adopt.intro':
    'Registrer at {organisation} har tatt i bruk, prøver ut eller vurderer forsøket «{pilot}». Andre kan da se hvor det er spredt, og lære av dere.',
  'adopt.introUpdate':
    'Her oppdaterer dere status og resultat for {organisation} sin bruk av forsøket «{pilot}».',
  'adopt.signInFirst': 'Du må logge inn for å registrere at dere tar forsøket i bruk.',
  'adopt.noOrganisation':
    'Du må være medlem av en virksomhet for å registrere at den tar forsøket i bruk.',
  'adopt.ownPilot':
    'Forsøket tilhører din egen virksomhet. Registrer heller et nytt lokalt forsøk.',
  'adopt.notPublished': 'Forsøket er ikke publisert, så det kan ikke tas i bruk ennå.',
  'adopt.field.status': 'Hvor langt har dere kommet?',
  'adopt.field.degree': 'Hvor mye har dere endret?',
  'adopt.field.learnedFrom': 'Hvem lærte dere det av?',
  'adopt.field.learnedFrom.hint':
    'Velg en annen virksomhet som allerede har tatt det i bruk, hvis det var dem dere lærte av.',
  'adopt.field.learnedFromOrigin': 'Direkte av {organisation}, som eide forsøket',
  'adopt.field.interestedOn': 'Interessert fra',
  'adopt.field.triallingOn': 'Prøvde ut fra',
  'adopt.field.adoptedOn': 'Tok i bruk',
  'adopt.field.droppedOn': 'Gikk bort fra det',
  'adopt.field.dates': 'Datoer',
  'adopt.field.dates.hint':
    'Datoen for statusen dere velger, blir dagens dato hvis du lar den stå tom.',
  'adopt.field.localOutcome': 'Resultat hos dere',
  'adopt.field.localOutcome.none': 'Ikke kjent ennå',
  'adopt.field.notes': 'Lokale erfaringer og gevinster',
  'adopt.field.notes.hint':
    'Hva har dere fått ut av det, og hva måtte dere endre? Skriv gjerne hvilke gevinster dere har sett.',
  'adopt.submit': 'Registrer',
  'adopt.submitUpdate': 'Lagre endringene',
  'adopt.saving': 'Lagrer …',
  'adopt.error.alreadyAdopted':
    '{organisation} har allerede registrert dette forsøket. Last siden på nytt for å oppdatere det.',
  'adopt.error.dateOrder': 'Datoen kan ikke være før «{earlier}»',
  'adopt.error.dateRequired': 'Oppgi datoen for statusen dere har valgt',
  'adopt.error.cycle': 'Dere kan ikke ha lært det av en virksomhet som lærte det av dere.',
  'adopt.error.changed':
    'Registreringen er endret av noen andre. Last siden på nytt og prøv igjen.',
  'adopt.error.forbidden': 'Bare medlemmer av virksomheten kan registrere dens bruk av forsøket.',
  'adopt.error.signedOut': 'Du er ikke lenger logget inn. Logg inn igjen.',
  'adopt.error.other': 'Registreringen ble ikke lagret. Prøv igjen om litt.',
} as const
