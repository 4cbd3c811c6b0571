// The bot's words for the regiegroep's monthly loop (issue 18 §5 and the card half of §1): the `besluit` form, the
// "Maak voorstel" action on an update's decisions needed, and the `agenda` card. Registered as its own namespace in
// ../i18n.ts; keys used as they are, all starting with `botloop.`.
import type { Entry } from '../i18n.ts';

export const botLoopMessages = {
  'botloop.help.cmd.besluit': { nl: 'besluit ‹titel›', en: 'decision ‹title›' },
  'botloop.help.besluit': {
    nl: 'een besluit voorstellen: een formulier met titel, voorstel, werkgroep en niveau',
    en: 'propose a decision: a form with title, proposal, werkgroep and level',
  },
  'botloop.help.cmd.agenda': { nl: 'agenda ‹orgaan›', en: 'agenda ‹body›' },
  'botloop.help.agenda': {
    nl: 'de agenda van de volgende vergadering (standaard de regiegroep, of een projectgroep)',
    en: 'the agenda of the next meeting (the regiegroep by default, or a projectgroep)',
  },

  'botloop.form.title': { nl: 'Besluit voorstellen', en: 'Propose a decision' },
  'botloop.form.intro': {
    nl: 'De doorlooptijd begint zodra het voorstel is gedaan.',
    en: 'The lead time starts as soon as the proposal is made.',
  },
  'botloop.form.titleField': { nl: 'Titel', en: 'Title' },
  'botloop.form.titlePlaceholder': {
    nl: 'Wat moet er besloten worden, in één regel',
    en: 'What is to be decided, in one line',
  },
  'botloop.form.proposal': { nl: 'Voorstel', en: 'Proposal' },
  'botloop.form.proposalPlaceholder': {
    nl: 'Het voorstel en waarom',
    en: 'The proposal and why',
  },
  'botloop.form.werkgroep': { nl: 'Werkgroep waar het uit voortkomt', en: 'Werkgroep it arises from' },
  'botloop.form.level': { nl: 'Niveau waar het besluit ligt', en: 'Level where the decision waits' },
  'botloop.form.submit': { nl: 'Voorstel indienen', en: 'Submit proposal' },
  'botloop.form.noWerkgroep': {
    nl: 'Je kunt voor geen enkele werkgroep een besluit voorstellen: alleen leden van een werkgroep, de projectleider en de regiegroep kunnen dat.',
    en: "You cannot propose a decision for any werkgroep: only a werkgroep's people, the projectleider and the regiegroep can.",
  },
  'botloop.err.required': { nl: 'vul {field} in', en: 'fill in {field}' },
  'botloop.err.tooLong': {
    nl: '{field} is te lang: hoogstens {max} tekens',
    en: '{field} is too long: at most {max} characters',
  },
  'botloop.err.choose': { nl: 'kies {field}', en: 'choose {field}' },
  'botloop.refused': { nl: 'Niet voorgesteld', en: 'Not proposed' },
  'botloop.proposed': {
    nl: "Voorgesteld als besluit {id}: '{title}', bij {level}.",
    en: "Proposed as decision {id}: '{title}', at {level}.",
  },
  'botloop.proposedAlready': {
    nl: 'Al voorgesteld als besluit {id}.',
    en: 'Already proposed as decision {id}.',
  },

  'botloop.fromUpdate.action': { nl: 'Maak voorstel', en: 'Make a proposal' },
  'botloop.fromUpdate.none': {
    nl: 'In deze update van {werkgroep} staat geen besluit dat nodig is.',
    en: 'This update of {werkgroep} names no decision needed.',
  },
  'botloop.fromUpdate.unknown': {
    nl: 'Deze update van {werkgroep} bestaat niet (meer).',
    en: 'This update of {werkgroep} does not exist (any more).',
  },

  'botloop.agenda.title': { nl: 'Agenda {body}, {date}', en: 'Agenda {body}, {date}' },
  'botloop.agenda.when': { nl: '{date}, {from}–{to}', en: '{date}, {from}–{to}' },
  'botloop.agenda.missing': { nl: 'Nog geen update gestuurd', en: 'No update sent yet' },
  'botloop.agenda.missingItem': { nl: '{werkgroep} (trekker {trekker})', en: '{werkgroep} (trekker {trekker})' },
  'botloop.agenda.allSent': {
    nl: 'Alle werkgroepen hebben een update gestuurd.',
    en: 'Every werkgroep has sent an update.',
  },
  'botloop.agenda.which': {
    nl: "'{text}' is geen regiegroep of projectgroep. Kies uit: {names}",
    en: "'{text}' is not a regiegroep or projectgroep. Choose from: {names}",
  },
} satisfies Record<string, Entry>;
