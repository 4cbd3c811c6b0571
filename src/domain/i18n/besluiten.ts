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
} satisfies Record<string, Entry>;
