// Messages of the quarterly bijeenkomst (issue 16 §4): the milestones to celebrate in its announcement card. Part of
// the one catalogue (../i18n.ts); keys used as they are, all starting with `bijeenkomst.`.
import type { Entry } from '../i18n.ts';

export const bijeenkomstMessages = {
  'bijeenkomst.card.title': {
    nl: 'Mijlpalen om te vieren',
    en: 'Milestones to celebrate',
  },
  'bijeenkomst.card.reached': {
    nl: 'Bereikt sinds de vorige bijeenkomst ({previous})',
    en: 'Reached since the previous bijeenkomst ({previous})',
  },
  'bijeenkomst.card.reachedFirst': {
    nl: 'Bereikt tot nu toe',
    en: 'Reached so far',
  },
  'bijeenkomst.card.noneReached': {
    nl: 'Sinds de vorige bijeenkomst is er geen mijlpaal bereikt om te vieren.',
    en: 'No milestone to celebrate has been reached since the previous bijeenkomst.',
  },
  'bijeenkomst.card.upcoming': {
    nl: 'Komende mijlpalen',
    en: 'Upcoming milestones',
  },
  'bijeenkomst.card.noneUpcoming': {
    nl: 'Er staan geen mijlpalen meer gepland om te vieren.',
    en: 'No more milestones to celebrate are planned.',
  },
  'bijeenkomst.card.phase': {
    nl: 'fase {phase}',
    en: 'phase {phase}',
  },
  'bijeenkomst.card.more': {
    nl: '… en nog {count, plural, one {{count} mijlpaal} other {{count} mijlpalen}}',
    en: '… and {count, plural, one {{count} more milestone} other {{count} more milestones}}',
  },
  'bijeenkomst.reason.series': {
    nl: 'terugkerende Teams-vergadering vanaf {from}; ook uitgenodigd op adres: {addresses}',
    en: 'recurring Teams meeting from {from}; also invited by address: {addresses}',
  },
  'bijeenkomst.reason.single': {
    nl: 'Teams-vergadering op {from}; ook uitgenodigd op adres: {addresses}',
    en: 'Teams meeting on {from}; also invited by address: {addresses}',
  },
} satisfies Record<string, Entry>;
