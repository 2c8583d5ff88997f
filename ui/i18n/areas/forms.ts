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
  'search.suggestions.label': 'Suggestions',
  'search.suggestions.count.one': '{count} suggestion. Use the up and down arrows to choose.',
  'search.suggestions.count.other': '{count} suggestions. Use the up and down arrows to choose.',
  'search.suggestions.none': 'No suggestions',
}
