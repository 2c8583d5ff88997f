// Messages of one area of the app (evaluation), in the three languages. Bokmål is the source of the keys;
// nynorsk and English must have every one (the type checker and i18n.test.ts see to it).

export const nb = {} as const

export const nn: Record<keyof typeof nb, string> = {}

export const en: Record<keyof typeof nb, string> = {}
