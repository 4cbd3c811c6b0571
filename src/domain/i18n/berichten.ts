// Messages of the monthly berichtgeving (issue 16 §3): the composed draft's text, the refusals of editing and
// approving, and the card's footer. Registered as its own namespace in ../i18n.ts; keys used as they are.
import type { Entry } from '../i18n.ts';

export const berichtenMessages = {
  'news.compose.title': { nl: 'Nieuws van {programme} — {month}', en: 'News from {programme} — {month}' },
  'news.compose.intro': {
    nl: 'Wat {month} bracht in {programme}: de successen, de mijlpalen en de besluiten van de maand, en wanneer we elkaar weer zien.',
    en: 'What {month} brought in {programme}: the month’s successes, milestones and decisions, and when we meet again.',
  },
  'news.compose.successes': { nl: 'Successen', en: 'Successes' },
  'news.compose.noSuccesses': {
    nl: 'Deze maand zijn er geen successen gemeld.',
    en: 'No successes were reported this month.',
  },
  'news.compose.milestones': { nl: 'Mijlpalen', en: 'Milestones' },
  'news.compose.milestone': { nl: '{title} ({date})', en: '{title} ({date})' },
  'news.compose.milestoneCelebrate': {
    nl: '**{title}** ({date}) — een mijlpaal om te vieren!',
    en: '**{title}** ({date}) — a milestone to celebrate!',
  },
  'news.compose.noMilestones': {
    nl: 'Deze maand is geen mijlpaal bereikt.',
    en: 'No milestone was reached this month.',
  },
  'news.compose.decisions': { nl: 'Besluiten', en: 'Decisions' },
  'news.compose.noDecisions': {
    nl: 'Deze maand zijn geen besluiten genomen.',
    en: 'No decisions were taken this month.',
  },
  'news.compose.bijeenkomst': { nl: 'Volgende bijeenkomst', en: 'Next bijeenkomst' },
  'news.compose.bijeenkomstAt': {
    nl: '{name}: {date} om {time}. Iedereen is welkom.',
    en: '{name}: {date} at {time}. Everyone is welcome.',
  },
  'news.compose.noBijeenkomst': {
    nl: 'De volgende bijeenkomst wordt nog gepland.',
    en: 'The next bijeenkomst is still being planned.',
  },
  'news.badMonth': {
    nl: "'{month}' is geen maand; gebruik JJJJ-MM, bijvoorbeeld 2026-11",
    en: "'{month}' is not a month; use YYYY-MM, for example 2026-11",
  },
  'news.notEditor': {
    nl: 'alleen de communicatieadviseur en de projectleider bewerken en keuren de berichtgeving goed',
    en: 'only the communicatieadviseur and the projectleider edit and approve the news message',
  },
  'news.approved': {
    nl: 'het bericht van {month} is al goedgekeurd en verstuurd; het kan niet meer worden gewijzigd',
    en: 'the news message of {month} has already been approved and sent; it can no longer be changed',
  },
  'news.changed': {
    nl: 'het bericht van {month} is intussen gewijzigd door {by}; uw tekst is niet opgeslagen, maar staat nog in uw scherm: neem de wijzigingen over en sla opnieuw op',
    en: 'the news message of {month} was changed meanwhile by {by}; your text was not saved but is still on your screen: take over the changes and save again',
  },
  'news.notSaved': {
    nl: 'sla het bericht eerst op: goedkeuren geldt voor de opgeslagen versie',
    en: 'save the message first: approval is for the saved version',
  },
  'news.noChannel': {
    nl: 'de bot kan het aankondigingskanaal nog niet bereiken: voeg de app toe aan het team en keur daarna goed; de tekst blijft bewaard',
    en: 'the bot cannot reach the announcement channel yet: add the app to the team, then approve; the text stays saved',
  },
  'news.notApproved': {
    nl: 'het bericht van {month} is nog niet goedgekeurd',
    en: 'the news message of {month} has not been approved yet',
  },
  'news.generalChannel': { nl: 'het algemene kanaal van het team', en: 'the team’s General channel' },
  'news.footer': {
    nl: '{programme} · berichtgeving van {month}',
    en: '{programme} · news of {month}',
  },
} satisfies Record<string, Entry>;
