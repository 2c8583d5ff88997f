import type { nb } from './nb.ts'

/** Every message key; bokmål is the source. */
export type MessageKey = keyof typeof nb

/** A full set of messages in one language. */
export type Messages = Record<MessageKey, string>

/** Keys of messages with plural forms (`key.one`, `key.other`), without the suffix. */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}.one`
    ? Base
    : never
  : never
