// Messages of privacy by design (issue 15 §5): `regiekamer persoon export | wis` and the retention settings.
// Its own namespace (registered in ../i18n.ts); keys used as they are.
import type { Entry } from '../i18n.ts';

export const privacyMessages = {
  'cli.help.persoon': {
    nl: 'Gegevens van één persoon: inzage (export) of wissen (AVG)',
    en: "one person's data: access (export) or erasure (GDPR)",
  },
  'cli.help.persoonExport': {
    nl: 'Alles wat de opslag over deze persoon bewaart, als JSON',
    en: 'everything the store keeps about this person, as JSON',
  },
  'cli.help.persoonWis': {
    nl: 'Wis deze persoon: eigen rijen verwijderd, de geschiedenis van het programma gepseudonimiseerd',
    en: "erase this person: their own rows deleted, the programme's history pseudonymised",
  },
  'cli.help.persoonId': {
    nl: 'de id van de persoon in het programmabestand',
    en: "the person's id in the programme file",
  },
  'cli.help.persoonOut': {
    nl: 'schrijf de JSON naar dit bestand in plaats van naar stdout',
    en: 'write the JSON to this file instead of stdout',
  },
  'privacy.badId': {
    nl: "'{id}' is geen persoon-id: kleine letters, cijfers en -, beginnend met een letter of cijfer",
    en: "'{id}' is not a person id: lower-case letters, digits and -, starting with a letter or digit",
  },
  'privacy.unknown': {
    nl: "Persoon '{id}' is onbekend: niet in het programmabestand {file}, in geen opgeslagen versie ervan en in geen tabel van de opslag",
    en: "Person '{id}' is unknown: not in the programme file {file}, in no stored version of it and in no table of the store",
  },
  'privacy.stillInFile': {
    nl: "'{id}' staat nog in het programmabestand {file}; wis past dat bestand niet aan. Haal de persoon daar eerst weg (ook als trekker, lid, eigenaar of voorzitter), voer 'regiekamer apply --prune' uit zodat hij of zij uit het team en de kanalen gaat, start de server opnieuw met het nieuwe bestand en voer dan 'regiekamer persoon wis {id}' uit",
    en: "'{id}' is still in the programme file {file}; wis does not edit that file. Remove the person there first (also as trekker, member, owner or chair), run 'regiekamer apply --prune' so they leave the team and the channels, restart the server with the new file, then run 'regiekamer persoon wis {id}'",
  },
  'privacy.serverHasPerson': {
    nl: "De server(s) op deze database draaien nog met een versie van het programmabestand waarin '{id}' staat (versie {version}, geladen {at}) en zouden weer gegevens over hem of haar opslaan. Start ze opnieuw met het bestand zonder deze persoon en voer wis daarna nog eens uit",
    en: "The server(s) on this database still run with a version of the programme file that has '{id}' (version {version}, loaded {at}) and would store data about them again. Restart them with the file without this person, then run wis again",
  },
  'privacy.needYes': {
    nl: 'wis verwijdert gegevens onherroepelijk: bevestig met --yes (of voer het uit in een terminal)',
    en: 'wis deletes data for good: confirm with --yes (or run it in a terminal)',
  },
  'privacy.preview': {
    nl: "Over '{id}' bewaart de opslag: {actions} acties als eigenaar, {updates} voortgangsupdates, {conversations} gesprekken met de bot, {deliveries} berichten, {journal} journaalregels, {versions} versies van het programmabestand, {meetings} regels in vergaderingen, besluitenlijsten en agenda's, {elsewhere} andere vermeldingen",
    en: "The store keeps about '{id}': {actions} actions as owner, {updates} progress updates, {conversations} conversations with the bot, {deliveries} messages, {journal} journal lines, {versions} versions of the programme file, {meetings} lines in meetings, besluitenlijsten and agendas, {elsewhere} other mentions",
  },
  'privacy.confirm': {
    nl: 'Eigen gegevens verwijderen en de rest pseudonimiseren? Dit is niet terug te draaien. [j/N] ',
    en: 'Delete their own data and pseudonymise the rest? This cannot be undone. [y/N] ',
  },
  'privacy.aborted': { nl: 'Niets gewist.', en: 'Nothing erased.' },
  'privacy.erased': {
    nl: "'{id}' gewist: {deleted} rijen verwijderd, {pseudonymised} rijen gepseudonimiseerd als '{pseudonym}'",
    en: "'{id}' erased: {deleted} rows deleted, {pseudonymised} rows pseudonymised as '{pseudonym}'",
  },
  'privacy.figures': {
    nl: 'De cijfers van het programma tellen nog op: {open} open acties, {overdue} over de deadline, {blocked} wachtend, {decisions} besluiten',
    en: "The programme's figures still add up: {open} open actions, {overdue} overdue, {blocked} waiting, {decisions} decisions",
  },
  'privacy.outside': {
    nl: 'Buiten Regiekamer blijft de gemeente verantwoordelijk voor: het account in Entra ID, de chats en berichten in Teams, toewijzingen in Planner en de logboeken van de hosting',
    en: 'Outside Regiekamer the gemeente remains responsible for: the account in Entra ID, the chats and messages in Teams, assignments in Planner and the hosting logs',
  },
  'privacy.exported': {
    nl: "Export van '{id}' geschreven naar {file}",
    en: "Export of '{id}' written to {file}",
  },
  'privacy.outFailed': {
    nl: 'Kan {file} niet schrijven ({reason})',
    en: 'Cannot write {file} ({reason})',
  },
} satisfies Record<string, Entry>;
