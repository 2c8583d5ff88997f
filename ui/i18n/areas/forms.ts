// Messages of one area of the app (forms), in the three languages. Bokmål is the source of the keys;
// nynorsk and English must have every one (the type checker and i18n.test.ts see to it).

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

export const en: Record<keyof typeof nb, string> = {
  'edit.title': 'Edit the pilot',
  'edit.link': 'Edit the pilot',
  'edit.intro': 'Change the details of “{title}”. Nothing is saved until you press “Save changes”.',
  'edit.signInFirst': 'You need to sign in to edit a pilot.',
  'edit.forbidden.title': 'You cannot edit this pilot',
  'edit.forbidden.body':
    'Only people who work at {organisation} can edit this pilot. Contact them if something should be corrected.',
  'edit.backToPilot': 'Back to the pilot',
  'edit.submit': 'Save changes',
  'edit.cancel': 'Cancel',
  'edit.frozen':
    "The pilot has started. The hypothesis and primary metrics were locked on {date}. If you change them, you must explain why, and the change is shown on the pilot's page.",
  'edit.amendment.legend': 'Change to the pre-registration',
  'edit.field.amendmentReason': 'Why are the hypothesis or primary metrics changing?',
  'edit.amendmentReason.hint': 'The reason is shown publicly with the change.',
  'edit.conflict.title': 'Someone else saved changes to this pilot while you were writing',
  'edit.conflict.body':
    'Your changes are not saved yet, but everything you wrote is still in the form.',
  'edit.conflict.rebase': 'Get the newest version and keep my changes',
  'edit.rebased':
    'The newest version has been loaded with your changes on top. Check the form and save again.',
  'edit.saved': 'Your changes have been saved.',
  'edit.error.forbidden': 'You are not allowed to edit this pilot.',
  'edit.error.other': 'Your changes were not saved. Please try again shortly.',
  'edit.error.partial':
    'Some of your changes were saved before the error. The rest is saved when you try again.',
  'edit.error.metricHasResults':
    'The success criterion “{name}” has reported results and cannot be removed. Change it instead, with a reason.',
  'edit.error.duplicate': 'The pilot already has a success criterion with this name',
  'more.legal.legend': 'Legal basis and finances',
  'more.legal.intro':
    'Does the pilot run within ordinary rules, or does it need an exemption under the Pilot Schemes Act (forsøksloven) or a pilot clause in a sector law?',
  'more.legal.kind': 'Legal basis',
  'more.legal.reference': 'Decision or legal provision',
  'more.legal.reference.hint':
    "For example the ministry's approval decision, with date and case number.",
  'more.legal.reference.hintOther':
    'For example the section of the sector law that allows the pilot.',
  'more.legal.approvalDate': 'Date approved',
  'more.legal.expiryDate': 'Approved until',
  'more.legal.expiryDate.hint': 'A pilot under forsøksloven can be approved for up to four years.',
  'more.legal.extendedUntil': 'Extended until',
  'more.legal.extendedUntil.hint':
    'Fill in only if the approval has been extended. Under forsøksloven it can be extended by up to two years.',
  'more.field.budgetNok': 'Budget (NOK)',
  'more.budget.hint': 'Whole kroner, for example 1 500 000.',
  'more.field.fundingSource': 'Funding',
  'more.field.tags': 'Tags',
  'more.tags.legend': 'Help others find the pilot',
  'more.tags.hint':
    'Words that make the pilot easier to find. Separate them with commas, for example “welfare technology, elderly”.',
  'more.facts.approved': 'approved {from}–{to}',
  'more.facts.extended': 'extended until {date}',
  'more.field.availableToAdvise': 'We are happy to advise others who want to try the same',
  'more.partners.legend': 'Partners',
  'more.partners.intro': 'Other organisations taking part in the pilot, and their role.',
  'more.partner.legend': 'Partner {number}',
  'more.partner.organisationId': 'Organisation',
  'more.partner.role': 'Role',
  'more.partner.loading': 'Loading the organisation …',
  'more.partner.add': 'Add a partner',
  'more.partner.remove': 'Remove partner {number}',
  'more.partner.fieldOf': 'Partner {number}, {field}',
  'more.contacts.legend': 'Contact people',
  'more.contacts.intro':
    'People others can contact about the pilot. Only those who have agreed are shown to anyone outside your organisation.',
  'more.contacts.ownerOnly':
    'Only people who work at {organisation} can change the contact people. Some of them may be hidden from you because they have not agreed to be shown.',
  'more.contact.legend': 'Contact person {number}',
  'more.contact.name': 'Name',
  'more.contact.email': 'Email address',
  'more.contact.phone': 'Phone (optional)',
  'more.contact.role': 'Position or role (optional)',
  'more.contact.showPublicly': "The person has agreed to be shown publicly on the pilot's page",
  'more.contact.add': 'Add a contact person',
  'more.contact.remove': 'Remove contact person {number}',
  'more.contact.fieldOf': 'Contact person {number}, {field}',
  'more.error.tag':
    'The tag “{tag}” may only have letters, digits, spaces and hyphens, and at most 40 characters',
  'more.error.expiryAfterApproval': 'Must be after the date the pilot was approved',
  'more.error.maxYears': 'A pilot under forsøksloven can be approved for at most {years} years',
  'more.error.extendAfterExpiry': 'Must be after the date the approval runs until',
  'more.error.extendNeedsExpiry': 'Fill in how long the approval runs before extending it',
  'more.error.partnerIsOwner': 'The organisation that owns the pilot cannot also be a partner',
  'more.error.partnerDuplicate': 'This organisation is already listed as a partner',
  'more.error.partnerNotFound': 'The organisation was not found. Choose another.',
  'more.error.maxExtension':
    'An approval under forsøksloven can be extended by at most {years} years',
  'search.suggestions.label': 'Suggestions',
  'search.suggestions.count.one': '{count} suggestion. Use the up and down arrows to choose.',
  'search.suggestions.count.other': '{count} suggestions. Use the up and down arrows to choose.',
  'search.suggestions.none': 'No suggestions',
}
