// The tab's words for Acties as a projectleider works in it and for the Excel export (issue 17 §4): part of the
// `tab.` namespace (./tab.ts spreads them in), kept apart so each file stays readable.
import type { Entry } from '../i18n.ts';

export const tabActiesMessages = {
  'acties.search': { nl: 'Zoeken in acties', en: 'Search actions' },
  'acties.countOf': {
    nl: '{n} van {total, plural, one {# actie} other {# acties}}',
    en: '{n} of {total, plural, one {# action} other {# actions}}',
  },
  'acties.range': {
    nl: '{from}–{to} van {n, plural, one {# actie} other {# acties}}',
    en: '{from}–{to} of {n, plural, one {# action} other {# actions}}',
  },
  'acties.filteredFrom': { nl: 'gefilterd uit {total}', en: 'filtered from {total}' },
  'acties.page': { nl: 'Pagina {page} van {pages}', en: 'Page {page} of {pages}' },
  'acties.page.prev': { nl: 'Vorige pagina', en: 'Previous page' },
  'acties.page.next': { nl: 'Volgende pagina', en: 'Next page' },
  'acties.pages': { nl: 'Pagina’s', en: 'Pages' },
  'export.xlsx': { nl: 'Exporteren naar Excel', en: 'Export to Excel' },
  'export.failed': { nl: 'Exporteren lukte niet: {detail}', en: 'Export failed: {detail}' },
  'export.col.ks': { nl: "K's", en: "K's" },
  'export.col.waitsOn': { nl: 'Wacht op', en: 'Waits on' },
  'export.col.notes': { nl: 'Notities', en: 'Notes' },
  'export.col.id': { nl: 'Nummer', en: 'Number' },
  'export.col.title': { nl: 'Besluit', en: 'Decision' },
  'export.col.level': { nl: 'Niveau nu', en: 'Level now' },
  'export.col.outcomeOn': { nl: 'Uitkomst op', en: 'Outcome on' },
  'export.col.daysAt': { nl: 'Dagen bij {level}', en: 'Days at {level}' },
  'export.col.totalDays': { nl: 'Dagen in totaal', en: 'Days in all' },
} satisfies Record<string, Entry>;
