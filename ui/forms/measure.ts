/** A number as a form field holds it: '' is no number, and a decimal comma is how Norwegians write one. */
export const measure = (value: string) =>
  value.trim() === '' ? null : Number(value.trim().replace(/\s/g, '').replace(',', '.'))
