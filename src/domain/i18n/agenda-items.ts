// Messages of the agenda's items (issue 18 §2, the projectleider's order, added and removed items): the API's
// refusals, the agenda in the announcement card and the CLI's lines. Part of the one catalogue (../i18n.ts); keys
// used as they are, all starting with `agendaItems.`.
import type { Entry } from '../i18n.ts';

export const agendaItemsMessages = {
  'agendaItems.unknownItem': {
    nl: "'{id}' staat niet op deze agenda; lees de agenda opnieuw",
    en: "'{id}' is not on this agenda; read the agenda again",
  },
  'agendaItems.orderMismatch': {
    nl: 'de volgorde moet elk agendapunt precies één keer noemen; ontbreekt: {missing}; onbekend: {unknown}. Er is niets gewijzigd',
    en: 'the order must name every agenda item exactly once; missing: {missing}; unknown: {unknown}. Nothing was changed',
  },
  'agendaItems.notRemoved': {
    nl: "'{id}' is niet van de agenda gehaald; er valt niets terug te zetten",
    en: "'{id}' was not removed from the agenda; there is nothing to restore",
  },
  'agendaItems.notEditor': {
    nl: 'alleen de projectleider van het programma stelt de agenda samen (volgorde, punten toevoegen en weghalen); je kunt de agenda wel lezen',
    en: "only the programme's projectleider composes the agenda (order, adding and removing items); you can read it",
  },
  'agendaItems.versionRequired': {
    nl: 'een wijziging van de agenda moet zeggen op welke versie ze is gemaakt (If-Match met de versie die je las); lees de agenda opnieuw, er is niets gewijzigd',
    en: 'a change to the agenda must say which version it was made on (If-Match with the version you read); read the agenda again, nothing was changed',
  },
  'agendaItems.changed': {
    nl: 'de agenda van {body} van {date} is intussen gewijzigd (nu versie {version}); bekijk de nieuwe stand en probeer het opnieuw, er is niets gewijzigd',
    en: 'the agenda of {body} of {date} has changed meanwhile (now version {version}); look at the new state and try again, nothing was changed',
  },
  'agendaItems.card.title': { nl: 'Agenda', en: 'Agenda' },
  'agendaItems.card.noUpdate': { nl: 'nog geen update', en: 'no update yet' },
  'agendaItems.card.waiting': {
    nl: 'wacht {days, plural, one {{days} dag} other {{days} dagen}}',
    en: 'waiting {days, plural, one {{days} day} other {{days} days}}',
  },
  'agendaItems.card.decision': { nl: 'besluit', en: 'decision' },
  'agendaItems.card.open': { nl: 'Agenda openen in Regiekamer', en: 'Open the agenda in Regiekamer' },
  'agendaItems.card.empty': { nl: 'Er staan geen punten op de agenda.', en: 'There are no items on the agenda.' },
  'agendaItems.card.more': {
    nl: '… en nog {count, plural, one {{count} punt} other {{count} punten}} in de tab',
    en: '… and {count, plural, one {{count} more item} other {{count} more items}} in the tab',
  },
  'agendaItems.cli.added': { nl: "Agendapunt '{title}' toegevoegd ({id})", en: "Agenda item '{title}' added ({id})" },
  'agendaItems.cli.items': {
    nl: 'Agendapunten, in de volgorde van de projectleider',
    en: "Agenda items, in the projectleider's order",
  },
  'agendaItems.cli.removed': { nl: '(van de agenda gehaald)', en: '(removed from the agenda)' },
  'agendaItems.cli.helpNote': {
    nl: 'de toelichting bij het punt van --punt',
    en: 'the note of the item of --punt',
  },
  'agendaItems.cli.helpPunt': {
    nl: 'voeg een agendapunt toe met deze titel (alleen de projectleider)',
    en: 'add an agenda item with this title (projectleider only)',
  },
} satisfies Record<string, Entry>;
