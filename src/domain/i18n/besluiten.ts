// Messages about decisions entered by people (issue 18 §1): proposing, moving, closing, editing, withdrawing and
// undoing a decision. Registered as its own namespace in ../i18n.ts; keys used as they are.
import type { Entry } from '../i18n.ts';

export const besluitenMessages = {
  'work.decision.withdrawn': {
    nl: "besluit '{id}' is ingetrokken en kan niet meer veranderen",
    en: "decision '{id}' has been withdrawn and can no longer change",
  },
  'work.decision.sameLevel': {
    nl: "besluit '{id}' ligt al bij {level}",
    en: "decision '{id}' already waits at {level}",
  },
  'work.decision.nothingToUndo': {
    nl: "bij besluit '{id}' valt niets ongedaan te maken: alleen de laatste verplaatsing of uitkomst, binnen {minutes} minuten",
    en: "nothing to undo on decision '{id}': only the last move or outcome, within {minutes} minutes",
  },
  'work.decision.emptyEdit': {
    nl: "wijziging van besluit '{id}' noemt geen veld (titel, voorstel of blokkeert)",
    en: "change to decision '{id}' names no field (title, proposal or blocks)",
  },
  'api.decisionNotFound': { nl: "besluit '{id}' bestaat niet", en: "decision '{id}' does not exist" },
  'api.decisionChanged': {
    nl: "besluit '{title}' is intussen gewijzigd; bekijk de nieuwe stand en probeer het opnieuw",
    en: "decision '{title}' has changed meanwhile; look at the new state and try again",
  },
  'api.decisionVersionRequired': {
    nl: "wijziging van besluit '{title}' zonder versie (If-Match): haal het besluit op en stuur de versie mee",
    en: "change to decision '{title}' without a version (If-Match): fetch the decision and send its version",
  },
  'api.notProposer': {
    nl: 'alleen wie het voorstel deed, de projectleider of de regiegroep mag dit besluit wijzigen of intrekken',
    en: 'only the proposer, the projectleider or the regiegroep may edit or withdraw this decision',
  },
  'api.unknownActions': {
    nl: 'blokkeert: onbekende actie(s) {ids}',
    en: 'blocks: unknown action(s) {ids}',
  },
  'api.unknownWerkgroep': { nl: "werkgroep '{id}' bestaat niet", en: "werkgroep '{id}' does not exist" },
  'cli.help.voorstel': {
    nl: 'stel een besluit voor met deze titel (met --tekst, --werkgroep, --niveau, eventueel --blokkeert, --update)',
    en: 'propose a decision with this title (with --tekst, --werkgroep, --niveau, optionally --blokkeert, --update)',
  },
  'cli.help.tekst': { nl: 'de tekst van het voorstel', en: 'the text of the proposal' },
  'cli.help.niveau': {
    nl: 'het orgaan waar het besluit ligt: werkgroep, projectgroep, regiegroep, …',
    en: 'the body at which the decision waits: werkgroep, projectgroep, regiegroep, …',
  },
  'cli.help.blokkeert': {
    nl: 'actie-ids die op dit besluit wachten, met komma’s gescheiden',
    en: 'action ids that wait on this decision, comma-separated',
  },
  'cli.help.update': {
    nl: 'de update (id) waarvan de gevraagde besluiten de bron zijn',
    en: 'the update (id) whose decisions needed are the source',
  },
  'cli.help.besluitWijzig': {
    nl: 'wijzig besluit ID (met --titel, --tekst of --blokkeert)',
    en: 'edit decision ID (with --titel, --tekst or --blokkeert)',
  },
  'cli.help.verplaats': { nl: 'verplaats besluit ID naar --niveau', en: 'move decision ID to --niveau' },
  'cli.help.sluit': {
    nl: 'sluit besluit ID met --uitkomst (besloten, afgewezen, aangehouden, teruggestuurd; verplicht)',
    en: 'close decision ID with --uitkomst (besloten, afgewezen, aangehouden, teruggestuurd; required)',
  },
  'cli.help.uitkomst': { nl: 'de gekozen uitkomst', en: 'the outcome chosen' },
  'cli.help.intrekken': { nl: 'trek besluit ID in', en: 'withdraw decision ID' },
  'cli.help.ongedaan': {
    nl: 'maak de laatste verplaatsing of uitkomst van besluit ID ongedaan (binnen het venster)',
    en: 'undo the last move or outcome of decision ID (within the window)',
  },
  'cli.besluiten.saved': {
    nl: '{id}: {title} — {where}',
    en: '{id}: {title} — {where}',
  },
  'cli.besluiten.open': { nl: 'ligt bij {level}', en: 'waits at {level}' },
  'cli.besluiten.withdrawn': { nl: 'ingetrokken ({on})', en: 'withdrawn ({on})' },
} satisfies Record<string, Entry>;
