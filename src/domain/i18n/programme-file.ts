// Messages of the programme file's issue-16 constructs (organisaties, informed bodies, milestones, own criteria,
// audiences, the report and news rhythm, last-day-of-month rules, dependencies on phases and besluiten): validate's
// problems and warnings. Part of the one catalogue (../i18n.ts); keys used as they are.
import type { Entry } from '../i18n.ts';

export const programmeFileMessages = {
  'enum.lastDay': { nl: 'gebruik weekday of working-day', en: 'use weekday or working-day' },
  'type.waitsOn': {
    nl: 'verwacht een werkgroep-id, een fase (phase: nummer) of een besluit (besluit: id)',
    en: 'expected a werkgroep id, a phase (phase: number) or a besluit (besluit: id)',
  },
  'ref.organisatie': { nl: "onbekende organisatie '{id}'", en: "unknown organisatie '{id}'" },
  'ref.audience': { nl: "onbekende doelgroep '{id}' (zie audiences)", en: "unknown audience '{id}' (see audiences)" },
  'ref.phase': {
    nl: 'onbekende fase {number}: het programmabestand noemt fase {known}',
    en: 'unknown phase {number}: the programme file declares phase {known}',
  },
  'ref.criterion': {
    nl: "onbekend criterium '{id}': voeg het toe aan criteria.own",
    en: "unknown criterion '{id}': add it to criteria.own",
  },
  'person.homeBoth': {
    nl: "'{id}' heeft zowel een gemeente als een organisatie; geef er precies één",
    en: "'{id}' has both a gemeente and an organisatie; give exactly one",
  },
  'person.homeNone': {
    nl: "'{id}' heeft geen gemeente en geen organisatie; geef er precies één",
    en: "'{id}' has neither a gemeente nor an organisatie; give exactly one",
  },
  'indicator.both': {
    nl: "indicator '{id}' heeft zowel een K als een criterium; geef er precies één",
    en: "indicator '{id}' has both a K and a criterion; give exactly one",
  },
  'indicator.none': {
    nl: "indicator '{id}' heeft geen K en geen criterium; geef k of criterion",
    en: "indicator '{id}' has neither a K nor a criterion; give k or criterion",
  },
  'indicator.kOff': {
    nl: "indicator '{id}' gebruikt K '{k}', maar criteria.fourKs is false; gebruik een eigen criterium",
    en: "indicator '{id}' uses K '{k}', but criteria.fourKs is false; use an own criterion",
  },
  'informed.route': {
    nl: "een {kind} wordt geïnformeerd en neemt geen besluiten; haal '{kind}' uit decisionRoute",
    en: "a {kind} is informed and takes no decisions; remove '{kind}' from decisionRoute",
  },
  'informed.reminders': {
    nl: 'een {kind} wordt geïnformeerd en krijgt geen verzoeken om updates; kies een ander soort orgaan',
    en: 'a {kind} is informed and gets no update requests; choose another kind of body',
  },
  'news.channelNone': {
    nl: "orgaan '{id}' heeft geen kanaal; het nieuwsbericht kan daar niet komen",
    en: "body '{id}' has no channel; the news message cannot go there",
  },
  'rhythm.noBody': {
    nl: 'geen orgaan van de soort {kind} in het programma; het ritme heeft geen vergadering om voor te rekenen',
    en: 'no body of kind {kind} in the programme; the rhythm has no meeting to count back from',
  },
  'warning.milestoneOutside': {
    nl: 'mijlpaal {date} ligt buiten de fasen van het programma ({from} t/m {until})',
    en: "milestone {date} lies outside the programme's phases ({from} to {until})",
  },
  'warning.milestoneOutsidePhase': {
    nl: 'mijlpaal {date} ligt buiten fase {number} ({from} t/m {until})',
    en: 'milestone {date} lies outside phase {number} ({from} to {until})',
  },
  'dependency.phase': { nl: 'fase {number}', en: 'phase {number}' },
  'shared.noTenantOrganisatie': {
    nl: "'{person}' zit in een gedeeld kanaal, maar organisatie '{organisatie}' heeft geen tenantId; zonder eigen tenant doet iemand alleen als gast mee (externalAccess: guest)",
    en: "'{person}' is in a shared channel, but organisatie '{organisatie}' has no tenantId; without a tenant of its own a person takes part only as a guest (externalAccess: guest)",
  },
} satisfies Record<string, Entry>;
