// Messages of the monthly voortgangsrapportage's workflow (issue 16 §2, §5): refusals of editing, approving and
// downloading, the summary card in the channels and the projectleider's reminder. Registered as its own namespace in
// ../i18n.ts; keys used as they are.
import type { Entry } from '../i18n.ts';

export const rapportMessages = {
  'rapport.badMonth': {
    nl: "'{month}' is geen maand: schrijf JJJJ-MM, bijvoorbeeld 2026-11",
    en: "'{month}' is not a month: write YYYY-MM, for example 2026-11",
  },
  'rapport.monthNotStarted': {
    nl: 'de rapportage over {month} kan pas worden goedgekeurd als die maand begonnen is',
    en: 'the report on {month} can only be approved once that month has begun',
  },
  'rapport.notEditor': {
    nl: 'alleen de projectleider schrijft de inleiding van de maandrapportage',
    en: "only the projectleider writes the monthly report's introduction",
  },
  'rapport.notApprover': {
    nl: 'alleen de projectleider keurt de maandrapportage goed; daarna gaat die naar de regiegroep en de stuurgroep',
    en: 'only the projectleider approves the monthly report; then it goes to the regiegroep and the stuurgroep',
  },
  'rapport.notReader': {
    nl: 'de volledige rapportage (de versie voor de regiegroep, met cijfers per persoon) is voor wie in het programma werkt; de versie voor de stuurgroep (informed) kun je wel downloaden',
    en: 'the full report (the regiegroep version, with figures per person) is for those working in the programme; you can download the stuurgroep version (informed)',
  },
  'rapport.versionRequired': {
    nl: 'stuur de versie mee die je hebt gelezen (If-Match), zodat je een wijziging van een ander niet ongezien overschrijft',
    en: "send the version you read (If-Match), so you do not overwrite someone else's change unseen",
  },
  'rapport.changed': {
    nl: 'de rapportage over {month} is intussen gewijzigd (nu versie {version}, {state, select, approved {goedgekeurd} other {concept}}); er is niets opgeslagen: laad hem opnieuw, je eigen tekst blijft in je scherm staan',
    en: 'the report on {month} has changed in the meantime (now version {version}, {state, select, approved {approved} other {draft}}); nothing was saved: reload it, your own text stays on your screen',
  },
  'rapport.notFound': {
    nl: 'er is geen goedgekeurde versie {version} van de rapportage over {month}',
    en: 'there is no approved version {version} of the report on {month}',
  },
  'rapport.badDownload': {
    nl: "'{name}' is geen document van de rapportage: kies <versie>.docx of <versie>.pdf, met ?variant=regiegroep of ?variant=informed",
    en: "'{name}' is not a document of the report: choose <version>.docx or <version>.pdf, with ?variant=regiegroep or ?variant=informed",
  },
  'rapport.rendererUnavailable': {
    nl: 'het opmaken van de rapportage (Word en PDF) is op deze server nog niet beschikbaar; er is niets goedgekeurd of verstuurd',
    en: 'rendering the report (Word and PDF) is not available on this server yet; nothing was approved or sent',
  },
  'rapport.defaults': {
    nl: 'het programmabestand noemt geen communication.report: de rapportage gaat naar {bodies} en moet op de laatste werkdag van de maand goedgekeurd zijn',
    en: 'the programme file has no communication.report: the report goes to {bodies} and is due on the last working day of the month',
  },
  'rapport.card.title': { nl: 'Voortgangsrapportage {month}', en: 'Progress report {month}' },
  'rapport.card.forBody': { nl: 'Versie voor {body}', en: 'Version for {body}' },
  'rapport.card.approved': {
    nl: 'Versie {version}, goedgekeurd door {name} op {date}',
    en: 'Version {version}, approved by {name} on {date}',
  },
  'rapport.card.werkgroepen': {
    nl: 'Werkgroepen: {opKoers} op koers, {aandacht} aandacht, {risico} risico, {none} zonder update',
    en: 'Werkgroepen: {opKoers} on track, {aandacht} attention, {risico} at risk, {none} without an update',
  },
  'rapport.card.decisions': {
    nl: 'Besluiten: {taken} genomen, {waiting} wachtend',
    en: 'Decisions: {taken} taken, {waiting} waiting',
  },
  'rapport.card.leadTime': {
    nl: 'Mediane doorlooptijd: {days, plural, one {{days} dag} other {{days} dagen}}',
    en: 'Median lead time: {days, plural, one {{days} day} other {{days} days}}',
  },
  'rapport.card.actions': {
    nl: 'Acties: {overdue} te laat, {blocked} geblokkeerd',
    en: 'Actions: {overdue} overdue, {blocked} blocked',
  },
  'rapport.card.milestones': { nl: 'Mijlpalen bereikt: {list}', en: 'Milestones reached: {list}' },
  'rapport.card.open': { nl: 'Open de rapportage', en: 'Open the report' },
  'rapport.reminder.title': {
    nl: 'De voortgangsrapportage over {month} moet vandaag klaar zijn',
    en: 'The progress report on {month} is due today',
  },
  'rapport.reminder.text': {
    nl: 'Hij is nog niet goedgekeurd. Schrijf de inleiding en keur hem goed in de tab Rapportage; daarna gaat hij naar {bodies}.',
    en: 'It has not been approved yet. Write the introduction and approve it in the Rapportage tab; then it goes to {bodies}.',
  },
} satisfies Record<string, Entry>;
