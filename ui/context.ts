import { createContext } from '@lit/context'
import type { ApiClient } from './api/client.ts'
import type { I18n } from './i18n/i18n.ts'

/** The API client, provided by `<app-shell>`. */
export const apiContext = createContext<ApiClient>(Symbol('forsoksregisteret.api'))

/** The current language's messages and formats, provided by `<app-shell>`; replaced on a switch. */
export const i18nContext = createContext<I18n>(Symbol('forsoksregisteret.i18n'))
