import type { nb } from './forms.ts'

// Messages of one area of the app (forms) in English.
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
