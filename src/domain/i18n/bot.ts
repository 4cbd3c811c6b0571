// The bot's words (cards, replies, reminders): the `bot.` namespace of the one catalogue (../i18n.ts),
// read through bt() in ../bot/messages.ts. ICU MessageFormat syntax; an apostrophe is always literal here.
import type { Entry } from '../i18n.ts';

export const botMessages = {
  'help.title': { nl: 'Regiekamer: wat kan ik voor je doen?', en: 'Regiekamer: what can I do for you?' },
  'help.intro': {
    nl: 'Typ een van deze opdrachten (hoofdletters en kleine tikfouten maken niet uit):',
    en: 'Type one of these commands (case and small typos do not matter):',
  },
  'help.cmd.mine': { nl: 'mijn acties', en: 'my actions' },
  'help.cmd.decisions': { nl: 'besluiten', en: 'decisions' },
  'help.help': { nl: 'deze uitleg', en: 'this help' },
  'help.mine': { nl: 'jouw open acties, te late eerst', en: 'your open actions, overdue first' },
  'help.status': {
    nl: 'de laatste voortgang en acties van een werkgroep',
    en: "a werkgroep's latest progress and actions",
  },
  'help.update': { nl: 'de voortgang van jouw werkgroep doorgeven', en: "report your werkgroep's progress" },
  'help.decisions': {
    nl: 'de besluiten die onderweg zijn, en hoe lang al',
    en: 'the decisions on their way, and for how long',
  },
  'help.unknown': { nl: "Dat herken ik niet: '{text}'.", en: "I don't recognise that: '{text}'." },
  welcome: {
    nl: 'Hallo! Ik ben de Regiekamer-bot. Voor elke regiegroep vraag ik de trekkers om een korte voortgangsupdate, en ik kondig de overleggen aan.',
    en: 'Hello! I am the Regiekamer bot. Before each regiegroep meeting I ask the trekkers for a short progress update, and I announce the meetings.',
  },

  'status.op-koers': { nl: 'op koers', en: 'on track' },
  'status.aandacht': { nl: 'aandacht nodig', en: 'needs attention' },
  'status.risico': { nl: 'risico', en: 'at risk' },
  'k.kwaliteit': { nl: 'Kwaliteit', en: 'Quality' },
  'k.kwetsbaarheid': { nl: 'Kwetsbaarheid', en: 'Vulnerability' },
  'k.kosten': { nl: 'Kosten', en: 'Costs' },
  'k.kansen': { nl: 'Kansen', en: 'Opportunities' },

  'update.title': { nl: 'Voortgang {werkgroep}', en: 'Progress {werkgroep}' },
  'update.period': { nl: 'Voor: {period}', en: 'For: {period}' },
  'update.status': { nl: 'Status', en: 'Status' },
  'update.progress': { nl: 'Voortgang', en: 'Progress' },
  'update.progress.placeholder': {
    nl: 'Wat is er sinds de vorige keer gebeurd?',
    en: 'What happened since last time?',
  },
  'update.successes': { nl: 'Resultaten om te vieren', en: 'Results to celebrate' },
  'update.nextSteps': { nl: 'Volgende stappen', en: 'Next steps' },
  'update.blockers': { nl: 'Belemmeringen', en: 'Blockers' },
  'update.decisionsNeeded': { nl: 'Besluiten nodig van de regiegroep', en: 'Decisions needed from the regiegroep' },
  'update.ks': { nl: "Bijdrage aan de vier K's", en: "Contribution to the four K's" },
  'update.kNote': { nl: 'Toelichting {k}', en: 'Note on {k}' },
  'update.actions': { nl: 'Gerelateerde acties', en: 'Related actions' },
  'update.submit': { nl: 'Versturen', en: 'Submit' },
  'update.resubmit': { nl: 'Wijziging versturen', en: 'Submit change' },
  'update.submitted': { nl: 'Ingediend door {name} op {at}.', en: 'Submitted by {name} on {at}.' },
  'update.editableUntil': { nl: 'Je kunt dit nog wijzigen tot {at}.', en: 'You can still change this until {at}.' },
  'update.closed': {
    nl: 'Het overzicht voor de regiegroep is gemaakt; deze update is niet meer te wijzigen.',
    en: 'The overview for the regiegroep has been compiled; this update can no longer be changed.',
  },
  'update.errors': { nl: 'Niet verstuurd; verbeter dit eerst:', en: 'Not submitted; please fix this first:' },
  'update.ask': {
    nl: 'De regiegroep vergadert op {meeting}. Wil je de voortgang van {werkgroep} delen?',
    en: 'The regiegroep meets on {meeting}. Would you share the progress of {werkgroep}?',
  },
  'update.nudge': {
    nl: 'Herinnering: de update van {werkgroep} voor de regiegroep van {meeting} ontbreekt nog.',
    en: 'Reminder: the update of {werkgroep} for the regiegroep of {meeting} is still missing.',
  },
  'update.notAllowed': {
    nl: 'Alleen leden van {werkgroep} kunnen de voortgang doorgeven.',
    en: 'Only members of {werkgroep} can report its progress.',
  },
  'update.unknownPerson': {
    nl: 'Ik kan je niet vinden in het programma; vraag de projectleider je toe te voegen.',
    en: 'I cannot find you in the programme; ask the projectleider to add you.',
  },
  'update.which': {
    nl: 'Voor welke werkgroep? Typ bijvoorbeeld: update {example}',
    en: 'For which werkgroep? Type for example: update {example}',
  },
  'update.noMeeting': {
    nl: 'Er staat geen regiegroep gepland; er is nu geen update nodig.',
    en: 'No regiegroep meeting is planned; no update is needed now.',
  },

  'field.werkgroep': { nl: 'werkgroep', en: 'werkgroep' },
  'field.period': { nl: 'periode', en: 'period' },
  'err.required': { nl: '{field} is verplicht', en: '{field} is required' },
  'err.tooLong': {
    nl: '{field} is te lang (maximaal {max} tekens)',
    en: '{field} is too long (at most {max} characters)',
  },
  'err.unknownWerkgroep': { nl: 'onbekende werkgroep', en: 'unknown werkgroep' },
  'err.status': {
    nl: 'kies een status: op koers, aandacht nodig of risico',
    en: 'choose a status: on track, needs attention or at risk',
  },
  'err.k': { nl: "onbekende K '{k}'", en: "unknown K '{k}'" },
  'err.kNote': { nl: 'geef bij {k} een korte toelichting', en: 'add a short note for {k}' },
  'err.action': { nl: "onbekende actie '{id}'", en: "unknown action '{id}'" },

  'status.title': { nl: 'Status {werkgroep}', en: 'Status {werkgroep}' },
  'status.none': { nl: 'Nog geen update ontvangen.', en: 'No update received yet.' },
  'status.latest': {
    nl: 'Laatste update: {status}, {age} (door {name}).',
    en: 'Latest update: {status}, {age} (by {name}).',
  },
  'status.actions': {
    nl: 'Acties: {open} open, {overdue} te laat, {blocked} geblokkeerd.',
    en: 'Actions: {open} open, {overdue} overdue, {blocked} blocked.',
  },
  'status.which': { nl: 'Welke werkgroep bedoel je? {names}', en: 'Which werkgroep do you mean? {names}' },
  age: {
    nl: '{n, plural, =0 {vandaag} one {{n} dag oud} other {{n} dagen oud}}',
    en: '{n, plural, =0 {today} one {{n} day old} other {{n} days old}}',
  },

  'mine.title': { nl: 'Open acties van {name}', en: 'Open actions of {name}' },
  'mine.none': { nl: 'Je hebt geen open acties.', en: 'You have no open actions.' },
  'mine.due': { nl: 'uiterlijk {due}', en: 'due {due}' },
  'mine.overdue': { nl: 'TE LAAT (was {due})', en: 'OVERDUE (was {due})' },
  'mine.noDue': { nl: 'geen datum', en: 'no date' },
  more: { nl: '+{n} meer', en: '+{n} more' },

  'decisions.title': { nl: 'Besluiten onderweg', en: 'Decisions on their way' },
  'decisions.none': { nl: 'Er zijn geen besluiten onderweg.', en: 'No decisions are on their way.' },
  'decisions.at': {
    nl: 'bij {level}, {days, plural, one {{days} dag} other {{days} dagen}}',
    en: 'at {level}, {days, plural, one {{days} day} other {{days} days}}',
  },

  'overview.title': {
    nl: 'Overzicht voor de regiegroep van {meeting}',
    en: 'Overview for the regiegroep of {meeting}',
  },
  'overview.missing': { nl: 'geen update', en: 'no update' },
  'overview.decisions': { nl: 'Besluiten gevraagd', en: 'Decisions requested' },
  'overview.blocked': { nl: 'Geblokkeerde acties', en: 'Blocked actions' },
  'overview.blockedItem': {
    nl: '{title} ({werkgroep}, wacht {days, plural, one {{days} dag} other {{days} dagen}})',
    en: '{title} ({werkgroep}, waiting {days, plural, one {{days} day} other {{days} days}})',
  },
  'overview.overdue': { nl: 'Te late acties', en: 'Overdue actions' },
  'overview.overdueItem': { nl: '{title} ({werkgroep}, uiterlijk {due})', en: '{title} ({werkgroep}, due {due})' },
  'overview.noneBlocked': { nl: 'Geen.', en: 'None.' },

  'announce.title': { nl: '{body}: {date}', en: '{body}: {date}' },
  'announce.when': { nl: '{date}, {from}–{to}', en: '{date}, {from}–{to}' },
  'announce.join': { nl: 'Deelnemen aan vergadering', en: 'Join the meeting' },
  'announce.agenda': { nl: 'Agenda', en: 'Agenda' },
  'announce.actions': { nl: 'Open acties', en: 'Open actions' },
  'announce.noActions': { nl: 'Geen open acties.', en: 'No open actions.' },

  'open.tab': { nl: 'Openen in Regiekamer', en: 'Open in Regiekamer' },
  'digest.title': { nl: 'Je acties die te laat zijn', en: 'Your overdue actions' },
  'digest.intro': {
    nl: 'Hallo {name}, deze acties staan nog open en hun datum is verstreken:',
    en: 'Hello {name}, these actions are still open and past their date:',
  },

  // Luxon date formats (https://moment.github.io/luxon/#/formatting?id=table-of-tokens): the words between
  // apostrophes are Luxon's literal text, so they are part of the translation.
  'format.submittedAt': { nl: "d LLLL yyyy 'om' HH:mm", en: "d LLLL yyyy 'at' HH:mm" },
  'format.meeting': { nl: "cccc d LLLL 'om' HH:mm", en: "cccc d LLLL 'at' HH:mm" },
} satisfies Record<string, Entry>;
