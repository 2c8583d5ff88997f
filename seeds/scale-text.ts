import { mulberry32, type Random, zipf } from './prng.ts'

// Norwegian (bokmål) text for the scale generator. Words are drawn by rank with a Zipf-like
// distribution: the function words and everyday public-sector words at the top are everywhere,
// the long tail of compounds (e.g. "hjemmeoppfølgingsverktøy") turns up in a handful of pilots.

/** The most common words first, roughly in the order of their frequency in case documents. */
const COMMON = [
  'og',
  'i',
  'som',
  'for',
  'til',
  'med',
  'på',
  'av',
  'at',
  'det',
  'er',
  'en',
  'et',
  'de',
  'vi',
  'kommunen',
  'tjenesten',
  'forsøket',
  'brukerne',
  'ansatte',
  'innbyggerne',
  'bedre',
  'mer',
  'tiden',
  'oppfølging',
  'hjemme',
  'digital',
  'nye',
  'arbeid',
  'tilbud',
  'samarbeid',
  'behov',
  'løsningen',
  'tidlig',
  'innsats',
  'kvalitet',
  'ressurser',
  'prosessen',
  'rutiner',
  'verktøy',
  'kostnader',
  'omsorg',
  'helse',
  'skole',
  'barn',
  'unge',
  'eldre',
  'familier',
  'pårørende',
  'veiledning',
  'kartlegging',
  'rehabilitering',
  'mestring',
  'trygghet',
  'tilsyn',
  'vedtak',
  'saksbehandling',
  'ventetid',
  'dokumentasjon',
  'kompetanse',
  'ledelse',
  'frivillige',
  'teknologi',
  'sensorer',
  'tjenestedesign',
  'brukermedvirkning',
  'evaluering',
  'gevinster',
  'målgruppen',
  'kontinuitet',
  'deltid',
  'heltid',
  'turnus',
  'sykefravær',
  'avvik',
  'varsling',
  'bolig',
  'aktivitet',
  'læring',
  'lesing',
  'matematikk',
  'fravær',
  'trivsel',
  'mobbing',
  'barnehage',
  'språk',
  'integrering',
  'arbeidsrettet',
  'kvalifisering',
  'økonomi',
  'gjeld',
  'rus',
  'psykisk',
  'legevakt',
  'sykehjem',
  'hjemmetjenesten',
  'fysioterapi',
  'ergoterapi',
  'ernæring',
  'legemidler',
  'medisinering',
  'avstand',
  'transport',
  'vei',
  'vann',
  'avløp',
  'avfall',
  'energi',
  'klima',
  'bibliotek',
  'kultur',
  'idrett',
  'frivillighet',
  'planlegging',
  'byggesak',
  'innkjøp',
  'arkiv',
  'personvern',
  'informasjonssikkerhet',
  'chatbot',
  'robot',
  'automatisering',
  'prediksjon',
  'data',
  'deling',
  'nettverk',
  'interkommunalt',
  'regionalt',
] as const

const PREFIXES = [
  'natt',
  'hjemme',
  'velferds',
  'lærings',
  'mestrings',
  'kvalifiserings',
  'aktivitets',
  'bolig',
  'helse',
  'omsorgs',
  'skole',
  'barnehage',
  'familie',
  'ungdoms',
  'senior',
  'rehabiliterings',
  'medisin',
  'ernærings',
  'trygghets',
  'sensor',
  'video',
  'lyd',
  'kamera',
  'fall',
  'dør',
  'lokaliserings',
  'samhandlings',
  'oppfølgings',
  'kartleggings',
  'tilsyns',
  'avviks',
  'turnus',
  'bemannings',
  'kompetanse',
  'innkjøps',
  'arkiv',
  'byggesaks',
  'vei',
  'snø',
  'gate',
  'lys',
  'vann',
  'lekkasje',
  'avfalls',
  'sorterings',
  'energi',
  'klima',
  'bibliotek',
  'kultur',
  'frivillighets',
  'nabolags',
  'transport',
  'skyss',
  'ruter',
  'språk',
  'lese',
  'regne',
] as const

const SUFFIXES = [
  'tilsyn',
  'oppfølging',
  'verktøy',
  'team',
  'plattform',
  'modell',
  'rutine',
  'løsning',
  'sensor',
  'tjeneste',
  'assistent',
  'portal',
  'kurs',
  'veileder',
  'program',
  'nettverk',
  'forløp',
  'pakke',
  'logistikk',
  'dashbord',
  'prognose',
  'varsling',
  'kartlegging',
  'samtale',
  'lab',
  'kalender',
  'app',
  'robot',
  'koordinator',
  'vakt',
] as const

/** Joins two words as Norwegian does: three equal consonants become two (natt + tilsyn: nattilsyn). */
function compound(first: string, second: string) {
  const last = first.at(-1)
  return last === first.at(-2) && last === second[0]
    ? `${first}${second.slice(1)}`
    : `${first}${second}`
}

/** A fixed shuffle, so the rare end of the list mixes every prefix. */
function shuffled(words: string[]) {
  const random = mulberry32(2026)
  for (let i = words.length - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[words[i], words[j]] = [words[j] as string, words[i] as string]
  }
  return words
}

/** Every word the generator uses, most common first: the common words, then the compounds. */
export const VOCABULARY: readonly string[] = [
  ...COMMON,
  ...shuffled(PREFIXES.flatMap((p) => SUFFIXES.map((s) => compound(p, s)))),
].filter((w, i, all) => all.indexOf(w) === i)

/** The first ranks are function words (og, i, som ...), never a title's subject. */
const FUNCTION_WORDS = 15

const rank = zipf(VOCABULARY.length, 1.07)

/** One word, drawn by its Zipf rank. */
export function word(random: Random): string {
  return VOCABULARY[rank(random)] as string
}

/** A compound from the tail (never a function word): what a pilot is about. */
export function term(random: Random): string {
  let w = word(random)
  while (COMMON.includes(w as (typeof COMMON)[number])) w = word(random)
  return w
}

/** A sentence of `min`..`max` words, capitalised, ending in a full stop. */
export function sentence(random: Random, min = 8, max = 16): string {
  const words = Array.from({ length: random.int(min, max) }, () => word(random))
  const text = words.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

/** A paragraph of `count` sentences. */
export function paragraph(random: Random, count: number): string {
  return Array.from({ length: count }, () => sentence(random)).join(' ')
}

const TITLE_PATTERNS = [
  (a: string, b: string) => `Forsøk med ${a} i ${b}`,
  (a: string, b: string) => `Utprøving av ${a} for ${b}`,
  (a: string, b: string) => `${cap(a)} og ${b}`,
  (a: string, b: string) => `Ny modell for ${a} med ${b}`,
  (a: string, b: string) => `${cap(a)}: bedre ${b}`,
] as const

function cap(text: string) {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}

/** A pilot title around two drawn terms, e.g. "Utprøving av nattilsyn for hjemmetjenesten". */
export function title(random: Random): string {
  let other = rank(random)
  while (other < FUNCTION_WORDS) other = rank(random)
  return random.pick(TITLE_PATTERNS)(term(random), VOCABULARY[other] as string)
}

const FIRST_NAMES = [
  'Anne',
  'Ola',
  'Ingrid',
  'Lars',
  'Siri',
  'Jon',
  'Marit',
  'Per',
  'Nora',
  'Emil',
  'Sara',
  'Aksel',
  'Hanne',
  'Tor',
  'Liv',
  'Ahmed',
  'Fatima',
  'Mikkel',
]
const LAST_NAMES = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Berg',
  'Haugen',
  'Hagen',
  'Bakken',
  'Lie',
  'Dahl',
  'Moen',
  'Solberg',
]

/** An invented person's name (sample data). */
export function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
}
