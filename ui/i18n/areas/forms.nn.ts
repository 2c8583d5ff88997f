import type { nb } from './forms.ts'

// Messages of one area of the app (forms) in nynorsk.
export const nn: Record<keyof typeof nb, string> = {
  'edit.title': 'Endre forsøket',
  'edit.link': 'Endre forsøket',
  'edit.intro':
    'Endre opplysningane om «{title}». Ingenting blir lagra før du trykkjer «Lagre endringane».',
  'edit.signInFirst': 'Du må logge inn for å endre eit forsøk.',
  'edit.forbidden.title': 'Du kan ikkje endre dette forsøket',
  'edit.forbidden.body':
    'Berre dei som arbeider i {organisation}, kan endre forsøket. Ta kontakt med dei om noko bør rettast.',
  'edit.backToPilot': 'Tilbake til forsøket',
  'edit.submit': 'Lagre endringane',
  'edit.cancel': 'Avbryt',
  'edit.frozen':
    'Forsøket har starta. Hypotesen og hovudmåla vart låste {date}. Endrar du dei, må du forklare kvifor, og endringa blir vist på sida til forsøket.',
  'edit.amendment.legend': 'Endring av førehandsregistreringa',
  'edit.field.amendmentReason': 'Kvifor blir hypotesen eller hovudmåla endra?',
  'edit.amendmentReason.hint': 'Grunngivinga blir vist offentleg saman med endringa.',
  'edit.conflict.title': 'Nokon andre har lagra endringar i forsøket medan du skreiv',
  'edit.conflict.body':
    'Endringane dine er ikkje lagra enno, men alt du har skrive, står framleis i skjemaet.',
  'edit.conflict.rebase': 'Hent den nyaste versjonen og behald endringane mine',
  'edit.rebased':
    'Den nyaste versjonen er henta, med endringane dine lagde oppå. Sjå over skjemaet og lagre igjen.',
  'edit.saved': 'Endringane er lagra.',
  'edit.error.forbidden': 'Du har ikkje lov til å endre dette forsøket.',
  'edit.error.other': 'Endringane vart ikkje lagra. Prøv igjen om litt.',
  'edit.error.partial':
    'Nokre av endringane vart lagra før feilen. Det som står att, blir lagra når du prøver igjen.',
  'edit.error.metricHasResults':
    'Suksesskriteriet «{name}» har rapporterte resultat og kan ikkje fjernast. Endre det heller, med ei grunngiving.',
  'edit.error.duplicate': 'Forsøket har alt eit suksesskriterium med dette namnet',
  'more.legal.legend': 'Rettsgrunnlag og økonomi',
  'more.legal.intro':
    'Blir forsøket gjennomført innanfor vanleg regelverk, eller treng det unntak etter forsøkslova eller ein forsøksheimel i ei særlov?',
  'more.legal.kind': 'Rettsgrunnlag',
  'more.legal.reference': 'Vedtak eller heimel',
  'more.legal.reference.hint':
    'Til dømes vedtaket frå departementet om godkjenning, med dato og saksnummer.',
  'more.legal.reference.hintOther': 'Til dømes paragrafen i særlova som gir høve til forsøket.',
  'more.legal.approvalDate': 'Godkjend dato',
  'more.legal.expiryDate': 'Godkjend til',
  'more.legal.expiryDate.hint': 'Eit forsøk etter forsøkslova kan bli godkjent for inntil fire år.',
  'more.legal.extendedUntil': 'Forlengd til',
  'more.legal.extendedUntil.hint':
    'Fyll ut berre om godkjenninga er forlengd. Etter forsøkslova kan ho forlengjast med inntil to år.',
  'more.field.budgetNok': 'Budsjett (kroner)',
  'more.budget.hint': 'Heile kroner, til dømes 1 500 000.',
  'more.field.fundingSource': 'Finansiering',
  'more.field.tags': 'Emneord',
  'more.tags.legend': 'Gjer forsøket lett å finne',
  'more.tags.hint':
    'Ord som gjer forsøket lettare å finne. Skil dei med komma, til dømes «velferdsteknologi, eldre».',
  'more.facts.approved': 'godkjent {from}–{to}',
  'more.facts.extended': 'forlengd til {date}',
  'more.field.availableToAdvise': 'Vi gir gjerne råd til andre som vil prøve det same',
  'more.partners.legend': 'Samarbeidspartnarar',
  'more.partners.intro': 'Andre verksemder som er med på forsøket, og kva rolle dei har.',
  'more.partner.legend': 'Samarbeidspartnar {number}',
  'more.partner.organisationId': 'Verksemd',
  'more.partner.role': 'Rolle',
  'more.partner.loading': 'Hentar verksemda …',
  'more.partner.add': 'Legg til samarbeidspartnar',
  'more.partner.remove': 'Fjern samarbeidspartnar {number}',
  'more.partner.fieldOf': 'Samarbeidspartnar {number}, {field}',
  'more.contacts.legend': 'Kontaktpersonar',
  'more.contacts.intro':
    'Personar andre kan kontakte om forsøket. Berre dei som har sagt ja til det, blir viste for andre enn dykk sjølve.',
  'more.contacts.ownerOnly':
    'Berre dei som arbeider i {organisation}, kan endre kontaktpersonane. Nokre av dei kan vere skjulte for deg fordi dei ikkje har samtykt til å bli viste.',
  'more.contact.legend': 'Kontaktperson {number}',
  'more.contact.name': 'Namn',
  'more.contact.email': 'E-postadresse',
  'more.contact.phone': 'Telefon (valfritt)',
  'more.contact.role': 'Stilling eller rolle (valfritt)',
  'more.contact.showPublicly': 'Personen har samtykt til å bli vist offentleg på sida til forsøket',
  'more.contact.add': 'Legg til kontaktperson',
  'more.contact.remove': 'Fjern kontaktperson {number}',
  'more.contact.fieldOf': 'Kontaktperson {number}, {field}',
  'more.error.tag':
    'Emneordet «{tag}» kan berre ha bokstavar, tal, mellomrom og bindestrek, og høgst 40 teikn',
  'more.error.expiryAfterApproval': 'Må vere etter datoen forsøket vart godkjent',
  'more.error.maxYears': 'Eit forsøk etter forsøkslova kan bli godkjent for høgst {years} år',
  'more.error.extendAfterExpiry': 'Må vere etter datoen godkjenninga gjeld til',
  'more.error.extendNeedsExpiry': 'Fyll ut kor lenge godkjenninga gjeld, før du forlengjer ho',
  'more.error.partnerIsOwner': 'Verksemda som eig forsøket, kan ikkje òg vere samarbeidspartnar',
  'more.error.partnerDuplicate': 'Verksemda står alt på lista over samarbeidspartnarar',
  'more.error.partnerNotFound': 'Finn ikkje verksemda. Vel ei anna.',
  'more.error.maxExtension':
    'Ei godkjenning etter forsøkslova kan forlengjast med høgst {years} år',
  'search.suggestions.label': 'Forslag',
  'search.suggestions.count.one': '{count} forslag. Bruk pil opp og ned for å velje.',
  'search.suggestions.count.other': '{count} forslag. Bruk pil opp og ned for å velje.',
  'search.suggestions.none': 'Ingen forslag',
}
