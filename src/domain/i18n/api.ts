// The HTTP API's messages (the 400/403/404/409 answers' `message`, Dutch / English through both()).
// One namespace of the one catalogue (../i18n.ts); keys are used as they are, all starting with `api.`.
import type { Entry } from '../i18n.ts';

export const apiMessages = {
  'api.unauthorized': { nl: 'aanmelden vereist: geen geldig token', en: 'sign-in required: no valid token' },
  'api.badInput': {
    nl: 'ongeldige invoer ({detail}); er is niets gewijzigd',
    en: 'invalid input ({detail}); nothing was changed',
  },
  'api.actionNotFound': { nl: "actie '{id}' bestaat niet", en: "action '{id}' does not exist" },
  'api.topicHasAction': {
    nl: "van onderwerp '{topic}' is al een actie gemaakt ({id})",
    en: "topic '{topic}' already has an action ({id})",
  },
  'api.actionChanged': {
    nl: "'{title}' is intussen gewijzigd (door iemand anders of in Planner); bekijk de huidige waarden en probeer opnieuw",
    en: "'{title}' was changed in the meantime (by someone else or in Planner); look at the current values and try again",
  },
  'api.notMember': {
    nl: 'alleen leden van {werkgroep} kunnen de acties ervan wijzigen',
    en: 'only members of {werkgroep} can change its actions',
  },
  'api.werkgroepNotFound': { nl: "werkgroep '{id}' bestaat niet", en: "werkgroep '{id}' does not exist" },
  'api.meetingNotFound': {
    nl: "bijeenkomst '{key}' staat niet in het programma",
    en: "meeting '{key}' is not in the programme",
  },
  'api.notFound': { nl: 'deze API-route bestaat niet', en: 'this API route does not exist' },
  'api.notMeasurer': {
    nl: 'alleen de projectleider en de leden van de regiegroep kunnen metingen vastleggen',
    en: 'only the projectleider and the members of the regiegroep can record measurements',
  },
  'api.indicatorNotFound': {
    nl: "indicator '{id}' bestaat niet in het programma",
    en: "indicator '{id}' does not exist in the programme",
  },
  'api.measuredInFuture': {
    nl: 'een meting van {date} ligt in de toekomst',
    en: 'a measurement dated {date} is in the future',
  },
  'api.notInProgramme': {
    nl: 'je staat niet in het programma; vraag de projectleider je toe te voegen',
    en: 'you are not in the programme; ask the projectleider to add you',
  },
  'api.notRhythmTrigger': {
    nl: 'alleen de projectleider kan het herinneringsritme met de hand starten',
    en: 'only the projectleider can start the reminder rhythm by hand',
  },
  'api.notDecider': {
    nl: 'alleen de projectleider en de leden van de regiegroep kunnen besluiten verder brengen',
    en: 'only the projectleider and the members of the regiegroep can move decisions on',
  },
  // The HTTP server outside the API routes: unknown pages, errors, the tab's sign-in, the bot endpoint
  'api.http.notFound': { nl: 'Deze pagina bestaat niet.', en: 'This page does not exist.' },
  'api.http.internal': {
    nl: 'Er ging iets mis; probeer het later opnieuw.',
    en: 'Something went wrong; try again later.',
  },
  'api.signin.localOnly': {
    nl: 'Lokaal aanmelden kan alleen op deze computer.',
    en: 'Local sign-in only works on this machine.',
  },
  'api.signin.expired': {
    nl: 'Aanmelden mislukt: verlopen of onbekend verzoek; probeer opnieuw via /tab.',
    en: 'Sign-in failed: expired or unknown request; try again from /tab.',
  },
  'api.signin.failed': { nl: 'Aanmelden mislukt ({reason}).', en: 'Sign-in failed ({reason}).' },
  'api.tab.notBuilt': { nl: 'De tab is niet gebouwd: npm run build.', en: 'The tab is not built: npm run build.' },
  'api.bot.badToken': { nl: 'Ongeldig of ontbrekend token', en: 'invalid or missing token' },
  'api.bot.tenantNotAllowed': { nl: 'Deze tenant hoort niet bij het programma', en: 'tenant not allowed' },
  // Bad input before a route's own checks (src/adapters/http/input-errors.ts), and the bot endpoint's own refusals
  'api.input.badJson': {
    nl: 'de inhoud is geen geldige JSON met een object (afgebroken, null, tekst of NaN?)',
    en: 'the body is not valid JSON with an object (cut off, null, a string or NaN?)',
  },
  'api.input.tooLarge': {
    nl: 'de inhoud is te groot (maximaal {max} kB)',
    en: 'the body is too large (at most {max} kB)',
  },
  'api.input.charset': {
    nl: 'tekenset {charset} wordt niet ondersteund; stuur UTF-8',
    en: 'charset {charset} is not supported; send UTF-8',
  },
  'api.input.badBody': {
    nl: 'de inhoud kon niet gelezen worden (afgebroken of verkeerde lengte)',
    en: 'the body could not be read (cut off or wrong length)',
  },
  'api.input.badPath': {
    nl: 'het adres bevat een ongeldige %-codering',
    en: 'the address contains an invalid %-escape',
  },
  'api.input.badText': {
    nl: 'de tekst bevat een teken dat niet bewaard kan worden (NUL of een losse surrogaat)',
    en: 'the text contains a character that cannot be stored (NUL or a lone surrogate)',
  },
  'api.bot.notObject': {
    nl: 'een activiteit is een JSON-object',
    en: 'an activity is a JSON object',
  },
  'api.bot.replyNotLocal': {
    nl: 'zonder token neemt de bot alleen activiteiten aan die op deze computer beantwoord worden (de Playground)',
    en: 'without a token the bot only takes activities answered on this machine (the Playground)',
  },
  'api.bot.failed': {
    nl: 'de bot kon deze activiteit niet afhandelen of beantwoorden; zie het logboek van de server',
    en: 'the bot could not handle or answer this activity; see the server log',
  },
  'api.versionRequired': {
    nl: "een wijziging van '{title}' moet zeggen op welke versie ze is gemaakt (If-Match met de versie die je las); lees de actie opnieuw en probeer het nog eens, er is niets gewijzigd",
    en: "a change to '{title}' must say which version it was made on (If-Match with the version you read); read the action again and retry, nothing was changed",
  },
  'api.notOwnLoad': {
    nl: 'alleen je eigen belasting is te zien; de projectleider en de regiegroep zien die van iedereen',
    en: "only your own load can be seen; the projectleider and the regiegroep see everyone's",
  },
} satisfies Record<string, Entry>;
