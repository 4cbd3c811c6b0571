// Messages of the meeting app and the besluitenlijst (issue 18 §3, §4): refusals of recording and closing, and the
// besluitenlijst card. Registered as its own namespace in ../i18n.ts; keys used as they are.
import type { Entry } from '../i18n.ts';

export const vergaderingMessages = {
  'vergadering.notChair': {
    nl: 'alleen de voorzitter van dit overleg en de projectleider leggen vast in de vergadering en sluiten die',
    en: 'only the chair of this meeting and the projectleider record in the meeting and close it',
  },
  'vergadering.closed': {
    nl: 'de vergadering van {body} op {date} is gesloten: er kan niets meer worden vastgelegd',
    en: 'the meeting of {body} on {date} is closed: nothing more can be recorded',
  },
  'vergadering.alreadyClosed': {
    nl: 'de vergadering van {body} op {date} is al gesloten en de besluitenlijst is al verstuurd; sluiten kan maar één keer',
    en: 'the meeting of {body} on {date} is already closed and its besluitenlijst has been sent; a meeting closes only once',
  },
  'vergadering.closedWhileRecording': {
    nl: "de vergadering van {body} op {date} werd gesloten terwijl '{title}' werd vastgelegd: het staat niet op de besluitenlijst, zet het op de volgende agenda",
    en: "the meeting of {body} on {date} was closed while '{title}' was being recorded: it is not on the besluitenlijst, put it on the next agenda",
  },
  'vergadering.busy': {
    nl: 'er werd steeds tegelijk iets vastgelegd in de vergadering van {body} op {date}; probeer het sluiten opnieuw',
    en: 'records kept arriving in the meeting of {body} on {date}; try closing it again',
  },
  'vergadering.notOnAgenda': {
    nl: "'{item}' staat niet op de agenda van {body} op {date}",
    en: "'{item}' is not on the agenda of {body} on {date}",
  },
  'vergadering.itemNotDecision': {
    nl: "de uitkomst van besluit '{id}' hoort bij agendapunt 'besluit:{id}', niet bij '{item}'",
    en: "the outcome of decision '{id}' belongs to agenda item 'besluit:{id}', not to '{item}'",
  },
  'vergadering.unknownOwner': {
    nl: "eigenaar '{owner}' is geen persoon van het programma",
    en: "owner '{owner}' is not a person of the programme",
  },
  'vergadering.notFound': {
    nl: 'de vergadering van {body} op {date} is nog niet gesloten: er is nog geen besluitenlijst',
    en: 'the meeting of {body} on {date} has not been closed: there is no besluitenlijst yet',
  },
  'vergadering.card.title': { nl: 'Besluitenlijst {body} — {date}', en: 'Besluitenlijst {body} — {date}' },
  'vergadering.card.decisions': { nl: 'Besluiten', en: 'Decisions' },
  'vergadering.card.actions': { nl: 'Acties', en: 'Actions' },
  'vergadering.card.carriedOver': {
    nl: 'Doorgeschoven naar het volgende overleg',
    en: 'Carried over to the next meeting',
  },
  'vergadering.card.none': { nl: 'Geen.', en: 'None.' },
  'vergadering.card.new': { nl: 'nieuw', en: 'new' },
  'vergadering.card.proposed': { nl: 'voorgesteld', en: 'proposed' },
  'vergadering.card.due': { nl: 'uiterlijk {due}', en: 'due {due}' },
  'vergadering.card.more': { nl: 'en nog {count}', en: 'and {count} more' },
  'vergadering.card.open': { nl: 'Besluitenlijst in Regiekamer', en: 'Besluitenlijst in Regiekamer' },
  'vergadering.outcome.besloten': { nl: 'besloten', en: 'decided' },
  'vergadering.outcome.afgewezen': { nl: 'afgewezen', en: 'rejected' },
  'vergadering.outcome.aangehouden': { nl: 'aangehouden', en: 'held over' },
  'vergadering.outcome.teruggestuurd': { nl: 'teruggestuurd', en: 'sent back' },
} satisfies Record<string, Entry>;
