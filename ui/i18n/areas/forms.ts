// Messages of one area of the app (forms) in bokmål, the source of the keys: forms.nn.ts and
// forms.en.ts must have every one (the type checker and i18n.test.ts see to it). Each language is
// a file of its own, so that a reader downloads only the language they read.

export const nb = {
  'edit.title': 'Endre forsøket',
  'edit.link': 'Endre forsøket',
  'edit.intro':
    'Endre opplysningene om «{title}». Ingenting lagres før du trykker «Lagre endringene».',
  'edit.signInFirst': 'Du må logge inn for å endre et forsøk.',
  'edit.forbidden.title': 'Du kan ikke endre dette forsøket',
  'edit.forbidden.body':
    'Bare de som arbeider i {organisation}, kan endre forsøket. Ta kontakt med dem hvis noe bør rettes.',
  'edit.backToPilot': 'Tilbake til forsøket',
  'edit.submit': 'Lagre endringene',
  'edit.cancel': 'Avbryt',
  'edit.frozen':
    'Forsøket har startet. Hypotesen og hovedmålene ble låst {date}. Endrer du dem, må du forklare hvorfor, og endringen vises på forsøkets side.',
  'edit.amendment.legend': 'Endring av forhåndsregistreringen',
  'edit.field.amendmentReason': 'Hvorfor endres hypotesen eller hovedmålene?',
  'edit.amendmentReason.hint': 'Begrunnelsen vises offentlig sammen med endringen.',
  'edit.conflict.title': 'Noen andre har lagret endringer i forsøket mens du skrev',
  'edit.conflict.body':
    'Endringene dine er ikke lagret ennå, men alt du har skrevet, står fortsatt i skjemaet.',
  'edit.conflict.rebase': 'Hent den nyeste versjonen og behold endringene mine',
  'edit.rebased':
    'Den nyeste versjonen er hentet, med endringene dine lagt oppå. Se over skjemaet og lagre igjen.',
  'edit.saved': 'Endringene er lagret.',
  'edit.error.forbidden': 'Du har ikke lov til å endre dette forsøket.',
  'edit.error.other': 'Endringene ble ikke lagret. Prøv igjen om litt.',
  'edit.error.partial':
    'Noen av endringene ble lagret før feilen. Det som gjenstår, lagres når du prøver igjen.',
  'edit.error.metricHasResults':
    'Suksesskriteriet «{name}» har rapporterte resultater og kan ikke fjernes. Endre det heller, med en begrunnelse.',
  'edit.error.duplicate': 'Forsøket har allerede et suksesskriterium med dette navnet',
  'more.legal.legend': 'Rettsgrunnlag og økonomi',
  'more.legal.intro':
    'Gjennomføres forsøket innenfor vanlig regelverk, eller trenger det unntak etter forsøksloven eller en forsøkshjemmel i en særlov?',
  'more.legal.kind': 'Rettsgrunnlag',
  'more.legal.reference': 'Vedtak eller hjemmel',
  'more.legal.reference.hint':
    'For eksempel departementets vedtak om godkjenning, med dato og saksnummer.',
  'more.legal.reference.hintOther':
    'For eksempel paragrafen i særloven som gir adgang til forsøket.',
  'more.legal.approvalDate': 'Godkjent dato',
  'more.legal.expiryDate': 'Godkjent til',
  'more.legal.expiryDate.hint': 'Et forsøk etter forsøksloven kan godkjennes for inntil fire år.',
  'more.legal.extendedUntil': 'Forlenget til',
  'more.legal.extendedUntil.hint':
    'Fyll ut bare hvis godkjenningen er forlenget. Etter forsøksloven kan den forlenges med inntil to år.',
  'more.field.budgetNok': 'Budsjett (kroner)',
  'more.budget.hint': 'Hele kroner, for eksempel 1 500 000.',
  'more.field.fundingSource': 'Finansiering',
  'more.field.tags': 'Emneord',
  'more.tags.legend': 'Gjør forsøket lett å finne',
  'more.tags.hint':
    'Ord som gjør forsøket lettere å finne. Skill dem med komma, for eksempel «velferdsteknologi, eldre».',
  'more.facts.approved': 'godkjent {from}–{to}',
  'more.facts.extended': 'forlenget til {date}',
  'more.field.availableToAdvise': 'Vi gir gjerne råd til andre som vil prøve det samme',
  'more.partners.legend': 'Samarbeidspartnere',
  'more.partners.intro': 'Andre virksomheter som er med på forsøket, og hvilken rolle de har.',
  'more.partner.legend': 'Samarbeidspartner {number}',
  'more.partner.organisationId': 'Virksomhet',
  'more.partner.role': 'Rolle',
  'more.partner.loading': 'Henter virksomheten …',
  'more.partner.add': 'Legg til samarbeidspartner',
  'more.partner.remove': 'Fjern samarbeidspartner {number}',
  'more.partner.fieldOf': 'Samarbeidspartner {number}, {field}',
  'more.contacts.legend': 'Kontaktpersoner',
  'more.contacts.intro':
    'Personer andre kan kontakte om forsøket. Bare de som har sagt ja til det, vises for andre enn dere selv.',
  'more.contacts.ownerOnly':
    'Bare de som arbeider i {organisation}, kan endre kontaktpersonene. Noen av dem kan være skjult for deg fordi de ikke har samtykket til å vises.',
  'more.contact.legend': 'Kontaktperson {number}',
  'more.contact.name': 'Navn',
  'more.contact.email': 'E-postadresse',
  'more.contact.phone': 'Telefon (valgfritt)',
  'more.contact.role': 'Stilling eller rolle (valgfritt)',
  'more.contact.showPublicly': 'Personen har samtykket til å vises offentlig på forsøkets side',
  'more.contact.add': 'Legg til kontaktperson',
  'more.contact.remove': 'Fjern kontaktperson {number}',
  'more.contact.fieldOf': 'Kontaktperson {number}, {field}',
  'more.error.tag':
    'Emneordet «{tag}» kan bare ha bokstaver, tall, mellomrom og bindestrek, og høyst 40 tegn',
  'more.error.expiryAfterApproval': 'Må være etter datoen forsøket ble godkjent',
  'more.error.maxYears': 'Et forsøk etter forsøksloven kan godkjennes for høyst {years} år',
  'more.error.extendAfterExpiry': 'Må være etter datoen godkjenningen gjelder til',
  'more.error.extendNeedsExpiry': 'Fyll ut hvor lenge godkjenningen gjelder, før du forlenger den',
  'more.error.partnerIsOwner':
    'Virksomheten som eier forsøket, kan ikke også være samarbeidspartner',
  'more.error.partnerDuplicate': 'Virksomheten står allerede på listen over samarbeidspartnere',
  'more.error.partnerNotFound': 'Finner ikke virksomheten. Velg en annen.',
  'more.error.maxExtension': 'En godkjenning etter forsøksloven kan forlenges med høyst {years} år',
  'search.suggestions.label': 'Forslag',
  'search.suggestions.count.one': '{count} forslag. Bruk pil opp og ned for å velge.',
  'search.suggestions.count.other': '{count} forslag. Bruk pil opp og ned for å velge.',
  'search.suggestions.none': 'Ingen forslag',
} as const
