// Messages of the agenda per meeting (issue 18 §2): the API's refusals and the `regiekamer agenda` command's lines.
// Part of the one catalogue (../i18n.ts); keys used as they are, all starting with `agenda.`.
import type { Entry } from '../i18n.ts';

export const agendaMessages = {
  'agenda.bodyNotFound': {
    nl: "'{id}' is geen regiegroep of projectgroep van het programma; kies uit: {bodies}",
    en: "'{id}' is not a regiegroep or projectgroep of the programme; choose from: {bodies}",
  },
  'agenda.noMeetingOn': {
    nl: '{body} vergadert niet op {date} (feestdagen meegerekend); de vergaderingen staan in de cadans van het programmabestand',
    en: '{body} does not meet on {date} (holidays applied); its meetings follow the cadence in the programme file',
  },
  'agenda.noNextMeeting': {
    nl: '{body} heeft geen komende vergadering in het programmabestand',
    en: '{body} has no coming meeting in the programme file',
  },
  'agenda.cli.title': { nl: 'Agenda {body}, {date}', en: 'Agenda {body}, {date}' },
  'agenda.cli.updates': { nl: 'Updates van de werkgroepen', en: "The werkgroepen's updates" },
  'agenda.cli.noUpdate': { nl: 'nog geen update', en: 'no update yet' },
  'agenda.cli.missing': {
    nl: 'Nog geen update gestuurd ({count}): {list}',
    en: 'No update sent yet ({count}): {list}',
  },
  'agenda.cli.decisions': { nl: 'Besluiten die op dit niveau wachten', en: 'Decisions waiting at this level' },
  'agenda.cli.decision': {
    nl: '{title} ({werkgroep}): wacht {days, plural, one {# dag} other {# dagen}} (sinds {since})',
    en: '{title} ({werkgroep}): waiting {days, plural, one {# day} other {# days}} (since {since})',
  },
  'agenda.cli.chains': {
    nl: '{count, plural, one {# geblokkeerde keten} other {# geblokkeerde ketens}}',
    en: '{count, plural, one {# blocked chain} other {# blocked chains}}',
  },
  'agenda.cli.overdue': {
    nl: '{title} ({werkgroep}): {days, plural, one {# dag} other {# dagen}} over de deadline {due}',
    en: '{title} ({werkgroep}): {days, plural, one {# day} other {# days}} past its due date {due}',
  },
  'agenda.cli.overdueTitle': { nl: 'Acties over de deadline', en: 'Overdue actions' },
  'agenda.cli.capacity': {
    nl: '{name}: {load} uur per week (waarvan {meetings} vergaderen) bij {hours} beschikbaar',
    en: '{name}: {load} hours a week ({meetings} of it in meetings) against {hours} available',
  },
  'agenda.cli.capacityTitle': { nl: 'Capaciteit: boven de beschikbare uren', en: 'Capacity: over the available hours' },
  'agenda.cli.none': { nl: 'geen', en: 'none' },
  'agenda.cli.help': {
    nl: 'de agenda van een vergadering van de regiegroep of een projectgroep (via de draaiende server)',
    en: 'the agenda of a meeting of the regiegroep or a projectgroep (through the running server)',
  },
  'agenda.cli.helpBody': {
    nl: 'het orgaan (regiegroep of projectgroep); standaard de regiegroep',
    en: 'the body (regiegroep or projectgroep); default the regiegroep',
  },
  'agenda.cli.helpDate': {
    nl: 'de datum van de vergadering, JJJJ-MM-DD; standaard de eerstvolgende',
    en: 'the date of the meeting, YYYY-MM-DD; default the next one',
  },
  'agenda.nudgeNotMissing': {
    nl: "'{werkgroep}' staat niet zonder update op de agenda van {body} van {date}; er is geen herinnering gestuurd",
    en: "'{werkgroep}' is not without an update on the agenda of {body} of {date}; no reminder was sent",
  },
} satisfies Record<string, Entry>;
