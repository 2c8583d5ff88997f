// The entry point: Zod set up for our CSP before any schema is built, fonts and Designsystemet
// for the document, then the app.
import './strict-csp.ts'
import '@fontsource/inter/latin-400.css'
import '@fontsource/inter/latin-ext-400.css'
import '@fontsource/inter/latin-500.css'
import '@fontsource/inter/latin-ext-500.css'
import '@fontsource/inter/latin-600.css'
import '@fontsource/inter/latin-ext-600.css'
import '@digdir/designsystemet-css'
import '@digdir/designsystemet-css/theme'
import './styles/global.css'
import './app-shell.ts'
