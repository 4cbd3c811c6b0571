// Messages of the checks that keep a programme file within what Microsoft 365 accepts and what a reader means:
// Graph's input limits, one meeting a day per body, warnings, and the faults of a broken file (encoding, YAML limits).
// Part of the one catalogue (../i18n.ts); keys without prefix, like the domain's own.
import type { Entry } from '../i18n.ts';

export const checkMessages = {
  'limit.tooLong': {
    nl: '{what, select, teamName {teamnaam} teamDescription {teambeschrijving} channelName {kanaalnaam} channelDescription {kanaalbeschrijving (naam + "— beheerd door Regiekamer")} eventSubject {onderwerp van de vergadering} planTitle {titel van het Planner-plan} bucketName {naam van de Planner-bucket} taskTitle {titel van de Planner-taak} taskNotes {notities van de Planner-taak} other {waarde}} is {length} tekens; Microsoft 365 weigert meer dan {max} — maak hem korter',
    en: '{what, select, teamName {team name} teamDescription {team description} channelName {channel name} channelDescription {channel description (name + "— beheerd door Regiekamer")} eventSubject {meeting subject} planTitle {Planner plan title} bucketName {Planner bucket name} taskTitle {Planner task title} taskNotes {Planner task notes} other {value}} is {length} characters; Microsoft 365 refuses more than {max} — make it shorter',
  },
  'limit.channelWord': {
    nl: "kanaalnaam '{name}' is een naam die Teams weigert; kies een andere naam of zet channel.name",
    en: "channel name '{name}' is a name Teams refuses; pick another name or set channel.name",
  },
  'limit.control': {
    nl: '{what, select, teamName {teamnaam} teamDescription {teambeschrijving} channelName {kanaalnaam} channelDescription {kanaalbeschrijving (naam + "— beheerd door Regiekamer")} eventSubject {onderwerp van de vergadering} planTitle {titel van het Planner-plan} bucketName {naam van de Planner-bucket} taskTitle {titel van de Planner-taak} taskNotes {notities van de Planner-taak} other {waarde}} bevat stuurtekens die Teams weigert',
    en: '{what, select, teamName {team name} teamDescription {team description} channelName {channel name} channelDescription {channel description (name + "— beheerd door Regiekamer")} eventSubject {meeting subject} planTitle {Planner plan title} bucketName {Planner bucket name} taskTitle {Planner task title} taskNotes {Planner task notes} other {value}} contains control characters Teams refuses',
  },
  'limit.attendees': {
    nl: 'deze vergadering krijgt {count} deelnemers; Outlook neemt er hoogstens {max} op in één afspraak',
    en: 'this meeting would have {count} attendees; Outlook takes at most {max} in one event',
  },
  'limit.timeZone': {
    nl: "tijdzone '{zone}' heeft geen Windows-tijdzone en Microsoft Graph neemt hem niet aan; kies bijvoorbeeld Europe/Amsterdam",
    en: "time zone '{zone}' has no Windows time zone and Microsoft Graph does not take it; choose e.g. Europe/Amsterdam",
  },
  'sync.error.service': {
    nl: 'Graph antwoordde {status} {code}: {message}',
    en: 'Graph answered {status} {code}: {message}',
  },
  // Dates: one meeting a day per body; single meetings; warnings for what is accepted but probably not meant
  'cadence.collision': {
    nl: "{moved, select, yes {{date} is een feestdag ({holiday}) en schuift door naar {to}} other {op {to}}}, maar {body} vergadert dan al ('{other}' van {otherDate}): twee vergaderingen op één dag",
    en: "{moved, select, yes {{date} is a public holiday ({holiday}) and moves to {to}} other {on {to}}}, but {body} already meets that day ('{other}' of {otherDate}): two meetings on one day",
  },
  'cadence.dateTwice': {
    nl: 'datum {date} staat twee keer in de lijst (ook op regel {otherLine})',
    en: 'date {date} is listed twice (also on line {otherLine})',
  },
  'warning.weekendDate': {
    nl: 'datum {date} valt op een {day, select, saturday {zaterdag} other {zondag}}; de vergadering wordt op die dag gepland',
    en: 'date {date} falls on a {day, select, saturday {Saturday} other {Sunday}}; the meeting is planned on that day',
  },
  'warning.sendAtQuiet': {
    nl: 'sendAt {sendAt} valt in de stille uren ({from}–{to}); de bot stuurt dan pas om {to}',
    en: 'sendAt {sendAt} lies within the quiet hours ({from}–{to}); the bot sends at {to} instead',
  },
  'warning.organizerEmail': {
    nl: "het adres van '{person}' is het organisatorpostvak ({address}); de vergaderingen staan in dat postvak, dus deze persoon krijgt geen eigen uitnodiging",
    en: "the address of '{person}' is the organizer mailbox ({address}); the meetings live in that mailbox, so this person gets no invitation of their own",
  },
  'sync.reason.collides': {
    nl: 'vervalt: er is op {date} al een vergadering van dit orgaan',
    en: 'cancelled: this body already meets on {date}',
  },
  'sync.reason.singleMoved': {
    nl: 'de datum is gewijzigd: de vergadering verschuift van {from} naar {to} (uitnodiging en chat blijven)',
    en: 'the date changed: the meeting moves from {from} to {to} (invitation and chat stay)',
  },
  'sync.reason.singleRemoved': {
    nl: 'de datum {date} staat niet meer in het programmabestand: deze vergadering vervalt',
    en: 'the date {date} is no longer in the programme file: this meeting is cancelled',
  },
  'sync.reason.singleTwice': {
    nl: 'tweede vergadering op {date} voor hetzelfde overleg: één blijft staan',
    en: 'second meeting on {date} for the same cadence: one stays',
  },
  // Reading the file: encodings, characters and YAML structures that are refused (parse.ts, decode.ts, yaml-limits.ts)
  'file.encoding': {
    nl: 'het bestand is {encoding}-gecodeerd; sla het op als UTF-8',
    en: 'the file is encoded as {encoding}; save it as UTF-8',
  },
  'file.invalidText': {
    nl: 'het bestand begint als {encoding}-tekst maar bevat ongeldige bytes (beschadigd?); sla het op als UTF-8',
    en: 'the file starts as {encoding} text but contains invalid bytes (damaged?); save it as UTF-8',
  },
  'file.controlChar': {
    nl: 'onzichtbaar stuurteken {code} in de tekst; verwijder het',
    en: 'invisible control character {code} in the text; remove it',
  },
  'file.unexpected': {
    nl: 'het bestand kan niet gelezen worden ({detail})',
    en: 'the file cannot be read ({detail})',
  },
  'yaml.RESOURCE_EXHAUSTION': {
    nl: 'YAML-fout: te diep genest om te lezen',
    en: 'YAML error: nested too deeply to read',
  },
  'yaml.tooDeep': {
    nl: 'YAML-fout: te diep genest (meer dan {max} niveaus)',
    en: 'YAML error: nested too deeply (more than {max} levels)',
  },
  'yaml.unknownAlias': {
    nl: "YAML-fout: alias '*{alias}' verwijst naar een anker '&{alias}' dat er niet (eerder) staat",
    en: "YAML error: alias '*{alias}' refers to an anchor '&{alias}' that is not set before it",
  },
  'yaml.aliasBomb': {
    nl: 'YAML-fout: de aliassen tot hier herhalen samen meer dan {max} onderdelen (een aliasbom?)',
    en: 'YAML error: the aliases up to here repeat more than {max} nodes together (an alias bomb?)',
  },
} satisfies Record<string, Entry>;
