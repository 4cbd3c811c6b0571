// The domain's messages: the programme file's problems, the Teams app package, sync, Planner and work rules.
// One namespace of the one catalogue (../i18n.ts); keys are used as they are (no prefix). ICU MessageFormat
// syntax; an apostrophe is always literal here (../i18n.ts explains why).
import type { Entry } from '../i18n.ts';
import { guestMessages } from './guests.ts';

export const domainMessages = {
  // Reading the file
  'file.empty': { nl: 'het bestand is leeg', en: 'the file is empty' },
  'file.binary': {
    nl: 'dit is geen tekstbestand (binaire inhoud of geen geldige UTF-8)',
    en: 'this is not a text file (binary content or invalid UTF-8)',
  },
  'file.tooLarge': {
    nl: 'het bestand is te groot ({size} bytes; maximaal {max})',
    en: 'the file is too large ({size} bytes; at most {max})',
  },
  'file.notFound': { nl: 'bestand niet gevonden', en: 'file not found' },
  'file.unreadable': { nl: 'bestand kan niet gelezen worden ({reason})', en: 'the file cannot be read ({reason})' },
  'yaml.syntax': { nl: 'YAML-fout: {detail}', en: 'YAML error: {detail}' },
  'yaml.DUPLICATE_KEY': {
    nl: 'YAML-fout: dubbele sleutel in hetzelfde object',
    en: 'YAML error: duplicate key in the same mapping',
  },
  'yaml.MISSING_CHAR': {
    nl: 'YAML-fout: afsluitend teken ontbreekt ({detail})',
    en: 'YAML error: closing character missing ({detail})',
  },
  'yaml.BAD_INDENT': { nl: 'YAML-fout: inspringing klopt niet', en: 'YAML error: wrong indentation' },
  'yaml.TAB_AS_INDENT': {
    nl: 'YAML-fout: gebruik spaties, geen tabs, om in te springen',
    en: 'YAML error: indent with spaces, not tabs',
  },
  'yaml.MULTILINE_IMPLICIT_KEY': {
    nl: 'YAML-fout: een sleutel moet op één regel staan (vergeten dubbele punt of inspringing?)',
    en: 'YAML error: a key must be on one line (missing colon or indentation?)',
  },
  'yaml.BLOCK_AS_IMPLICIT_KEY': {
    nl: 'YAML-fout: geneste sleutels zijn hier niet toegestaan (inspringing?)',
    en: 'YAML error: nested keys are not allowed here (indentation?)',
  },
  'yaml.UNEXPECTED_TOKEN': { nl: 'YAML-fout: onverwacht teken', en: 'YAML error: unexpected token' },
  'yaml.MULTIPLE_DOCS': {
    nl: 'YAML-fout: één programma per bestand (meerdere documenten gevonden)',
    en: 'YAML error: one programme per file (several documents found)',
  },
  'yaml.notMapping': {
    nl: 'het bestand moet een YAML-object met sleutels zijn',
    en: 'the file must be a YAML mapping with keys',
  },
  // Structure and types
  required: { nl: "verplicht veld '{key}' ontbreekt", en: "required field '{key}' is missing" },
  unknownKey: { nl: "onbekende sleutel '{key}'", en: "unknown key '{key}'" },
  'type.string': { nl: 'verwacht tekst', en: 'expected text' },
  'type.number': { nl: 'verwacht een getal', en: 'expected a number' },
  'type.integer': { nl: 'verwacht een geheel getal', en: 'expected a whole number' },
  'type.boolean': { nl: 'verwacht true of false', en: 'expected true or false' },
  'type.id': { nl: 'verwacht een id (tekst)', en: 'expected an id (text)' },
  'type.date': { nl: 'verwacht een datum als tekst JJJJ-MM-DD', en: 'expected a date as text YYYY-MM-DD' },
  'type.time': {
    nl: "verwacht een tijd als tekst 'UU:MM' (met aanhalingstekens)",
    en: "expected a time as text 'HH:MM' (quoted)",
  },
  'type.array': { nl: 'verwacht een lijst', en: 'expected a list' },
  'type.object': { nl: 'verwacht een object met sleutels', en: 'expected a mapping with keys' },
  'type.generic': { nl: 'verkeerd type: verwacht {expected}', en: 'wrong type: expected {expected}' },
  'format.id': {
    nl: 'ongeldig id: alleen kleine letters, cijfers en koppeltekens (max. 63)',
    en: 'invalid id: lowercase letters, digits and hyphens only (max 63)',
  },
  'format.date': {
    nl: 'ongeldige datum: gebruik JJJJ-MM-DD en een bestaande dag',
    en: 'invalid date: use YYYY-MM-DD and a real day',
  },
  'format.time': {
    nl: 'ongeldige tijd: gebruik UU:MM tussen 00:00 en 23:59',
    en: 'invalid time: use HH:MM between 00:00 and 23:59',
  },
  'format.timeZone': {
    nl: 'onbekende tijdzone (gebruik een IANA-naam zoals Europe/Amsterdam)',
    en: 'unknown time zone (use an IANA name such as Europe/Amsterdam)',
  },
  'format.guid': { nl: 'ongeldige tenant-id: verwacht een GUID', en: 'invalid tenant id: expected a GUID' },
  'format.domain': { nl: 'ongeldige domeinnaam', en: 'invalid domain name' },
  'format.upn': { nl: 'ongeldige UPN: verwacht naam@domein', en: 'invalid UPN: expected name@domain' },
  'format.email': { nl: 'ongeldig e-mailadres', en: 'invalid e-mail address' },
  'format.url': { nl: 'ongeldige URL', en: 'invalid URL' },
  'format.nonEmpty': { nl: 'mag niet leeg zijn', en: 'must not be empty' },
  'format.nonEmptyList': { nl: 'de lijst mag niet leeg zijn', en: 'the list must not be empty' },
  'format.tooLong': { nl: 'te lang', en: 'too long' },
  'format.version': {
    nl: 'onbekende versie van het bestandsformaat: gebruik version: 1',
    en: 'unknown file format version: use version: 1',
  },
  'enum.weekday': { nl: 'onbekende weekdag: gebruik monday … sunday', en: 'unknown weekday: use monday … sunday' },
  'enum.week': {
    nl: 'onbekende week: gebruik first, second, third, fourth of last',
    en: 'unknown week: use first, second, third, fourth or last',
  },
  'enum.role': { nl: 'onbekende rol', en: 'unknown role' },
  'enum.channelKind': {
    nl: 'onbekende kanaalsoort: gebruik standard, private of shared',
    en: 'unknown channel kind: use standard, private or shared',
  },
  'enum.externalAccess': { nl: 'gebruik direct-connect of guest', en: 'use direct-connect or guest' },
  'enum.bodyKind': {
    nl: 'onbekende soort orgaan: gebruik bestuur, stuurgroep, regiegroep, projectgroep, werkgroep, projectteam, ondernemingsraad of klankbordgroep',
    en: 'unknown body kind: use bestuur, stuurgroep, regiegroep, projectgroep, werkgroep, projectteam, ondernemingsraad or klankbordgroep',
  },
  'enum.ruleType': {
    nl: 'onbekend ritme: gebruik type weekly, monthly, dates of last-day-of-month (rapportage en nieuws: monthly, last-day-of-month of days-before)',
    en: 'unknown rule: use type weekly, monthly, dates or last-day-of-month (report and news: monthly, last-day-of-month or days-before)',
  },
  'enum.audience': { nl: 'gebruik members of everyone', en: 'use members or everyone' },
  'enum.organisatieType': {
    nl: 'gebruik bureau, samenwerkingsorganisatie of overig',
    en: 'use bureau, samenwerkingsorganisatie or overig',
  },
  'enum.holidayPolicy': { nl: 'gebruik skip of next-working-day', en: 'use skip or next-working-day' },
  'enum.k': {
    nl: 'gebruik kwaliteit, kwetsbaarheid, kosten of kansen',
    en: 'use kwaliteit, kwetsbaarheid, kosten or kansen',
  },
  'enum.better': { nl: 'gebruik higher of lower', en: 'use higher or lower' },
  'enum.generic': { nl: 'ongeldige waarde', en: 'invalid value' },
  'range.hours': { nl: 'uren per week moet tussen 0 en 40 liggen', en: 'hours per week must be between 0 and 40' },
  'range.duration': {
    nl: 'duur moet tussen 15 en 480 minuten liggen',
    en: 'duration must be between 15 and 480 minutes',
  },
  'range.interval': { nl: 'interval buiten bereik', en: 'interval out of range' },
  'range.days': { nl: 'aantal dagen buiten bereik (0–30)', en: 'number of days out of range (0–30)' },
  'range.phase': { nl: 'fasenummer buiten bereik (1–99)', en: 'phase number out of range (1–99)' },
  'range.buckets': {
    nl: 'Planner staat maximaal 200 buckets per plan toe',
    en: 'Planner allows at most 200 buckets per plan',
  },
  'range.generic': { nl: 'waarde buiten bereik', en: 'value out of range' },
  'invalid.generic': { nl: 'ongeldige waarde', en: 'invalid value' },
  // Meaning (cross-references)
  'dup.id': {
    nl: "dubbel id '{id}' (ook gebruikt op regel {otherLine})",
    en: "duplicate id '{id}' (also used on line {otherLine})",
  },
  'channel.badName': {
    nl: "kanaalnaam '{name}' bevat tekens die Teams weigert ({chars}); kies een andere naam of zet channel.name",
    en: "channel name '{name}' has characters Teams refuses ({chars}); pick another name or set channel.name",
  },
  'channel.reserved': {
    nl: "kanaalnaam '{name}' is gereserveerd door Teams",
    en: "channel name '{name}' is reserved by Teams",
  },
  'channel.dupName': {
    nl: "kanaalnaam '{name}' komt al voor in dit team",
    en: "channel name '{name}' is already used in this team",
  },
  'ref.person': { nl: "onbekende persoon '{id}'", en: "unknown person '{id}'" },
  'ref.gemeente': { nl: "onbekende gemeente '{id}'", en: "unknown gemeente '{id}'" },
  'ref.homeGemeente': {
    nl: "eigen gemeente '{id}' van deze persoon hoort niet bij het programma",
    en: "this person's home gemeente '{id}' is not part of the programme",
  },
  'ref.body': { nl: "onbekend orgaan '{id}'", en: "unknown body '{id}'" },
  'ref.werkgroep': { nl: "onbekende werkgroep '{id}'", en: "unknown werkgroep '{id}'" },
  'ref.projectgroep': { nl: "'{id}' is geen projectgroep", en: "'{id}' is not a projectgroep" },
  'ref.vakgebied': { nl: "onbekend vakgebied '{id}'", en: "unknown vakgebied '{id}'" },
  'host.none': {
    nl: 'geen host-gemeente: zet host: true bij precies één gemeente',
    en: 'no host gemeente: set host: true on exactly one gemeente',
  },
  'host.many': {
    nl: 'meer dan één host-gemeente ({ids}); er mag er precies één zijn',
    en: 'more than one host gemeente ({ids}); there must be exactly one',
  },
  'trekker.notMember': {
    nl: "trekker '{id}' is geen lid van deze werkgroep",
    en: "trekker '{id}' is not a member of this werkgroep",
  },
  'owner.notHost': {
    nl: "teameigenaar '{id}' werkt niet bij de host-gemeente '{host}'",
    en: "team owner '{id}' does not work at the host gemeente '{host}'",
  },
  'dep.cycle': { nl: 'afhankelijkheden vormen een kringloop: {cycle}', en: 'dependencies form a cycle: {cycle}' },
  'dep.self': { nl: "werkgroep '{id}' kan niet op zichzelf wachten", en: "werkgroep '{id}' cannot wait on itself" },
  'shared.noTenant': {
    nl: "'{person}' zit in een gedeeld kanaal, maar gemeente '{gemeente}' heeft geen tenantId",
    en: "'{person}' is in a shared channel, but gemeente '{gemeente}' has no tenantId",
  },
  'channel.crossTenant': {
    nl: "'{person}' ({gemeente}) werkt in een andere tenant: een {kind} kanaal kan dat alleen met externalAccess: guest, of gebruik een gedeeld kanaal",
    en: "'{person}' ({gemeente}) works in another tenant: a {kind} channel only allows that with externalAccess: guest; or use a shared channel",
  },
  'cadence.endsBeforeStart': {
    nl: 'het ritme eindigt ({until}) voordat het begint ({from})',
    en: 'the cadence ends ({until}) before it starts ({from})',
  },
  'cadence.pastMidnight': {
    nl: 'begintijd {start} plus {minutes} minuten loopt over middernacht',
    en: 'start {start} plus {minutes} minutes runs past midnight',
  },
  'cadence.dateOutside': {
    nl: 'datum {date} valt buiten de periode {from} – {until}',
    en: 'date {date} falls outside {from} – {until}',
  },
  'phase.endsBeforeStart': {
    nl: 'fase eindigt ({end}) voordat ze begint ({start})',
    en: 'phase ends ({end}) before it starts ({start})',
  },
  'reminders.order': {
    nl: 'volgorde klopt niet: vragen ({ask}) moet vóór herinneren ({nudge}) en dat vóór samenvatten ({compile}) liggen',
    en: 'order is wrong: asking ({ask}) must come before nudging ({nudge}), and that before compiling ({compile})',
  },
  'reminders.noBody': {
    nl: "er is geen orgaan van soort '{kind}' om herinneringen voor te sturen",
    en: "there is no body of kind '{kind}' to send reminders for",
  },
  'quiet.same': { nl: 'stille uren: begin en einde zijn gelijk', en: 'quiet hours: start and end are the same' },
  // Summaries
  'validate.ok': {
    nl: '{file}: geldig — {name}: {gemeenten, plural, one {{gemeenten} gemeente} other {{gemeenten} gemeenten}}, {people, plural, one {{people} persoon} other {{people} personen}}, {bodies, plural, one {{bodies} orgaan} other {{bodies} organen}} ({werkgroepen, plural, one {{werkgroepen} werkgroep} other {{werkgroepen} werkgroepen}}), {cadences, plural, one {{cadences} overlegritme} other {{cadences} overlegritmes}}',
    en: '{file}: valid — {name}: {gemeenten, plural, one {{gemeenten} gemeente} other {{gemeenten} gemeenten}}, {people, plural, one {{people} person} other {{people} people}}, {bodies, plural, one {{bodies} body} other {{bodies} bodies}} ({werkgroepen, plural, one {{werkgroepen} werkgroep} other {{werkgroepen} werkgroepen}}), {cadences, plural, one {{cadences} cadence} other {{cadences} cadences}}',
  },
  'validate.failed': {
    nl: '{file}: {count, plural, one {{count} probleem} other {{count} problemen}} gevonden',
    en: '{file}: {count, plural, one {{count} problem} other {{count} problems}} found',
  },
  // Teams app package (`regiekamer package`)
  'package.file.unreadable': {
    nl: '{file}: kan niet gelezen worden ({reason})',
    en: '{file}: cannot be read ({reason})',
  },
  'package.json': { nl: '{file}: geen geldige JSON ({detail})', en: '{file}: not valid JSON ({detail})' },
  'package.notObject': { nl: '{file}: moet een JSON-object zijn', en: '{file}: must be a JSON object' },
  'package.file.missing': {
    nl: '{file}: staat in manifest.json maar ontbreekt',
    en: '{file}: named in manifest.json but missing',
  },
  'package.placeholder': {
    nl: '{file}: plaatshouder {name} is niet ingevuld',
    en: '{file}: placeholder {name} was not filled in',
  },
  'package.publicUrl': {
    nl: 'PUBLIC_URL {url} is geen http(s)-adres',
    en: 'PUBLIC_URL {url} is not an http(s) address',
  },
  'package.schema': { nl: '{file}: schemafout bij {path}: {detail}', en: '{file}: schema error at {path}: {detail}' },
  'package.schemaUrl': { nl: "{file}: $schema moet '{expected}' zijn", en: "{file}: $schema must be '{expected}'" },
  'package.localization.unknownKey': {
    nl: "{file}: '{key}' vertaalt iets dat niet in manifest.json staat",
    en: "{file}: '{key}' translates something that is not in manifest.json",
  },
  'package.localization.missingKey': {
    nl: "{file}: vertaling ontbreekt voor '{key}'",
    en: "{file}: translation missing for '{key}'",
  },
  'package.icon.notPng': { nl: '{file}: geen PNG-afbeelding', en: '{file}: not a PNG image' },
  'package.icon.size': {
    nl: '{file}: is {width}×{height} pixels; Teams vraagt {expected}×{expected}',
    en: '{file}: is {width}×{height} pixels; Teams needs {expected}×{expected}',
  },
  'package.localIds': {
    nl: "Lokale modus: {names} niet gezet, dus verzonnen lokale id's gebruikt ({ids}). Zet ze voor een pakket dat je in een echte tenant uploadt.",
    en: 'Local mode: {names} not set, so made-up local ids were used ({ids}). Set them for a package you upload to a real tenant.',
  },
  'package.https': {
    nl: 'PUBLIC_URL gebruikt http; Teams laadt alleen https, dus het pakket verwijst naar {url}',
    en: 'PUBLIC_URL uses http; Teams only loads https, so the package points to {url}',
  },
  'package.valid': {
    nl: 'Manifest en vertalingen zijn geldig volgens het officiële schema v{version} (offline gecontroleerd)',
    en: 'Manifest and translations are valid against the official schema v{version} (checked offline)',
  },
  'package.written': { nl: '{out} geschreven: {files}', en: 'Wrote {out}: {files}' },
  'package.invalid': {
    nl: 'Teams-app-pakket niet geschreven: {count, plural, one {{count} probleem} other {{count} problemen}}',
    en: 'Teams app package not written: {count, plural, one {{count} problem} other {{count} problems}}',
  },
  'package.failed': {
    nl: 'Teams-app-pakket kon niet gemaakt worden: {reason}',
    en: 'Teams app package could not be built: {reason}',
  },
  // Sync: plan, apply, drift
  'sync.reason.missing': { nl: 'bestaat nog niet', en: 'does not exist yet' },
  'sync.reason.noOwner': { nl: 'geen eigenaar uit de host-tenant gevonden', en: 'no owner from the host tenant found' },
  'sync.reason.differs': {
    nl: 'wijkt af van het programmabestand ({what})',
    en: 'differs from the programme file ({what})',
  },
  'sync.reason.owner': { nl: 'eigenaar van {body}', en: 'owner of {body}' },
  'sync.reason.member': { nl: 'lid van {body}', en: 'member of {body}' },
  'sync.reason.crossTenant': {
    nl: 'lid van {body}, vanuit de eigen tenant van {gemeente} (gedeeld kanaal)',
    en: 'member of {body}, from the own tenant of {gemeente} (shared channel)',
  },
  'sync.reason.notInFile': {
    nl: 'staat niet in het programmabestand (handmatig toegevoegd?)',
    en: 'not in the programme file (added by hand?)',
  },
  'sync.reason.channelKind': { nl: 'kanaal van het soort {kind}', en: 'channel of kind {kind}' },
  'sync.reason.kindFixed': {
    nl: 'het kanaal is {actual}, het bestand zegt {wanted}; Teams kan het soort niet wijzigen',
    en: 'the channel is {actual}, the file says {wanted}; Teams cannot change the kind',
  },
  'sync.reason.series': {
    nl: 'terugkerende Teams-vergadering vanaf {from}',
    en: 'recurring Teams meeting from {from}',
  },
  'sync.reason.single': { nl: 'Teams-vergadering op {from}', en: 'Teams meeting on {from}' },
  'sync.reason.holidaySkip': { nl: 'vervalt: {holiday}', en: 'cancelled: {holiday}' },
  'sync.reason.holidayMove': { nl: '{holiday}: verschoven naar {to}', en: '{holiday}: moved to {to}' },
  'sync.reason.timingChanged': {
    nl: 'het ritme is gewijzigd: de reeks stopt na {until}, eerdere vergaderingen blijven staan',
    en: 'the cadence changed: the series ends after {until}, earlier meetings stay',
  },
  'sync.reason.noTenant': {
    nl: '{person}: gemeente {gemeente} heeft geen tenant-id in het programmabestand',
    en: '{person}: gemeente {gemeente} has no tenant id in the programme file',
  },
  'sync.reason.unknownPerson': {
    nl: '{person} ({upn}) is onbekend in de eigen tenant',
    en: '{person} ({upn}) is unknown in their home tenant',
  },
  'sync.reason.noGuest': {
    nl: '{person} ({upn}) heeft nog geen gastaccount in de host-tenant: niet uitgenodigd; zet guests.invite: true in het programmabestand of laat een beheerder de persoon uitnodigen',
    en: '{person} ({upn}) has no guest account in the host tenant yet: not invited; set guests.invite: true in the programme file or have an administrator invite them',
  },
  'sync.reason.disabled': {
    nl: 'het account van {person} ({upn}) is uitgeschakeld',
    en: "{person}'s account ({upn}) is disabled",
  },
  'sync.action.create': { nl: 'maken', en: 'create' },
  'sync.action.update': { nl: 'bijwerken', en: 'update' },
  'sync.action.add': { nl: 'toevoegen', en: 'add' },
  'sync.action.remove': { nl: 'verwijderen', en: 'remove' },
  'sync.action.cancel': { nl: 'laten vervallen', en: 'cancel' },
  'sync.action.move': { nl: 'verplaatsen', en: 'move' },
  'sync.action.end': { nl: 'reeks beëindigen', en: 'end series' },
  'sync.action.skip': { nl: 'overgeslagen', en: 'skipped' },
  'sync.kind.team': { nl: 'team', en: 'team' },
  'sync.kind.team-member': { nl: 'teamlid', en: 'team member' },
  'sync.kind.channel': { nl: 'kanaal', en: 'channel' },
  'sync.kind.channel-member': { nl: 'kanaallid', en: 'channel member' },
  'sync.kind.meeting': { nl: 'vergadering', en: 'meeting' },
  'sync.kind.occurrence': { nl: 'vergadering op één datum', en: 'single occurrence' },
  'sync.plan.header': {
    nl: 'Plan voor {programme}: {count, plural, one {{count} wijziging} other {{count} wijzigingen}}',
    en: 'Plan for {programme}: {count, plural, one {{count} change} other {{count} changes}}',
  },
  'sync.plan.none': { nl: 'Alles is in orde: niets te wijzigen.', en: 'Everything is in order: nothing to change.' },
  'sync.plan.pruneHint': {
    nl: '{count, plural, one {{count} verwijdering} other {{count} verwijderingen}} alleen met --prune',
    en: '{count, plural, one {{count} removal} other {{count} removals}} only with --prune',
  },
  'sync.plan.group': { nl: 'Orgaan {group}', en: 'Body {group}' },
  'sync.plan.groupProgramme': { nl: 'Programma (team)', en: 'Programme (team)' },
  'sync.apply.confirm': { nl: 'Deze wijzigingen doorvoeren? [j/N] ', en: 'Apply these changes? [y/N] ' },
  'sync.apply.aborted': { nl: 'Afgebroken; er is niets gewijzigd.', en: 'Aborted; nothing was changed.' },
  'sync.apply.needYes': {
    nl: 'Geen terminal om te bevestigen: gebruik --yes om door te voeren.',
    en: 'No terminal to confirm: use --yes to apply.',
  },
  'sync.apply.progress': { nl: '{done}/{total} {what}', en: '{done}/{total} {what}' },
  'sync.apply.summary': {
    nl: 'Klaar: {created} gemaakt, {updated} bijgewerkt, {unchanged} ongewijzigd, {skipped} overgeslagen, {failed} mislukt',
    en: 'Done: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped, {failed} failed',
  },
  'sync.apply.requests': {
    nl: 'Graph-verzoeken: {requests}; {batches, plural, one {{batches} batch} other {{batches} batches}} met {sub, plural, one {{sub} deelverzoek} other {{sub} deelverzoeken}}; per methode, deelverzoeken meegeteld: {methods}; {retries} herhaald; {throttled}× 429',
    en: 'Graph requests: {requests}; {batches, plural, one {{batches} batch} other {{batches} batches}} with {sub, plural, one {{sub} sub-request} other {{sub} sub-requests}}; by method, sub-requests included: {methods}; {retries} retried; {throttled}× 429',
  },
  'sync.apply.failed': { nl: 'Mislukt: {target}: {reason}', en: 'Failed: {target}: {reason}' },
  'sync.apply.removals': { nl: 'Wordt verwijderd (--prune):', en: 'Will be removed (--prune):' },
  'sync.drift.none': {
    nl: 'Geen afwijkingen: de tenant komt overeen met het programmabestand.',
    en: 'No drift: the tenant matches the programme file.',
  },
  'sync.drift.header': {
    nl: '{count, plural, one {{count} afwijking die niet in het programmabestand staat} other {{count} afwijkingen die niet in het programmabestand staan}} (verwijderen alleen met apply --prune):',
    en: '{count, plural, one {{count} difference} other {{count} differences}} not in the programme file (removed only with apply --prune):',
  },
  'sync.error.noDirectConnect': {
    nl: '{target}: de tenant van deze persoon heeft geen B2B direct connect met de host-tenant (gedeeld kanaal)',
    en: "{target}: this person's tenant has no B2B direct connect with the host tenant (shared channel)",
  },
  'sync.error.personGone': {
    nl: '{target}: persoon niet gevonden of account uitgeschakeld',
    en: '{target}: person not found or account disabled',
  },
  'sync.error.throttled': {
    nl: 'de tenant bleef afknijpen ({status}) ook na herhalen; de volgende synchronisatie probeert het opnieuw',
    en: 'the tenant kept throttling ({status}) after retries; the next sync tries again',
  },
  'sync.error.parentMissing': {
    nl: 'het team of kanaal waar dit bij hoort kon niet gemaakt worden',
    en: 'the team or channel this belongs to could not be made',
  },
  'sync.error.conflict': {
    nl: 'iemand wijzigde dit tegelijk; de volgende synchronisatie leest het opnieuw',
    en: 'someone changed this at the same time; the next sync reads it again',
  },
  'sync.error.other': { nl: 'Graph antwoordde {status} {code}', en: 'Graph answered {status} {code}' },
  'sync.failed': { nl: 'Synchronisatie mislukt: {reason}', en: 'Sync failed: {reason}' },
  'planner.limit.plans': {
    nl: 'de groep van het team heeft al het maximum van 200 Planner-plannen',
    en: "the team's group already has the maximum of 200 Planner plans",
  },
  'planner.limit.tasks': {
    nl: 'het plan heeft al het maximum aantal taken (9.000); actie {action} blijft alleen in Regiekamer',
    en: 'the plan already has the maximum number of tasks (9,000); action {action} stays in Regiekamer only',
  },
  'planner.limit.activeTasks': {
    nl: 'het plan heeft al het maximum aantal open taken (2.400); actie {action} blijft alleen in Regiekamer',
    en: 'the plan already has the maximum number of open tasks (2,400); action {action} stays in Regiekamer only',
  },
  'planner.limit.buckets': {
    nl: 'het plan heeft al het maximum aantal buckets (200)',
    en: 'the plan already has the maximum number of buckets (200)',
  },
  'planner.limit.assignees': {
    nl: 'een taak kan hoogstens 20 mensen toegewezen krijgen',
    en: 'a task can have at most 20 assignees',
  },
  'planner.failed': {
    nl: 'Planner antwoordde {status} {code}; de volgende poll probeert het opnieuw',
    en: 'Planner answered {status} {code}; the next poll tries again',
  },
  // Work: actions, decisions, dependencies, capacity
  'work.cycle': {
    nl: 'dit zou een kringloop van wachten maken: {cycle}',
    en: 'this would make a cycle of waits: {cycle}',
  },
  'work.date.invalid': {
    nl: "ongeldige datum '{value}' ({what}): gebruik JJJJ-MM-DD en een bestaande dag",
    en: "invalid date '{value}' ({what}): use YYYY-MM-DD and a real day",
  },
  'work.decision.notOnRoute': {
    nl: "besluit '{id}': niveau '{level}' staat niet op de route ({route})",
    en: "decision '{id}': level '{level}' is not on the route ({route})",
  },
  'work.decision.routeOrder': {
    nl: "besluit '{id}': '{level}' komt op de route niet na '{previous}' ({route})",
    en: "decision '{id}': '{level}' does not come after '{previous}' on the route ({route})",
  },
  'work.decision.dateBackwards': {
    nl: "besluit '{id}': datum {date} ({what}) ligt vóór de vorige stap ({previous})",
    en: "decision '{id}': date {date} ({what}) is before the previous step ({previous})",
  },
  'work.decision.afterToday': {
    nl: "besluit '{id}': datum {date} ligt na vandaag ({today})",
    en: "decision '{id}': date {date} is after today ({today})",
  },
  'work.decision.closed': {
    nl: "besluit '{id}' is al afgerond ({outcome})",
    en: "decision '{id}' is already closed ({outcome})",
  },
  'work.decision.atTop': {
    nl: "besluit '{id}' staat al op het hoogste niveau van de route ({level}); leg de uitkomst vast",
    en: "decision '{id}' is already at the top of its route ({level}); record the outcome",
  },
  'work.decision.unknown': { nl: "besluit '{id}' bestaat niet", en: "decision '{id}' does not exist" },
  'work.action.unknown': { nl: "actie '{id}' bestaat niet", en: "action '{id}' does not exist" },
  // Programme changes since the last start (describeDiff)
  'diff.gemeenten': { nl: 'gemeenten', en: 'gemeenten' },
  'diff.people': { nl: 'personen', en: 'people' },
  'diff.bodies': { nl: 'organen', en: 'bodies' },
  'diff.cadences': { nl: 'overlegritmes', en: 'cadences' },
  'diff.phases': { nl: 'fasen', en: 'phases' },
  'diff.dependencies': { nl: 'afhankelijkheden', en: 'dependencies' },
  'diff.indicators': { nl: 'indicatoren', en: 'indicators' },
  'diff.backlog': { nl: 'backlog', en: 'backlog' },
  'diff.settings': { nl: 'instellingen', en: 'settings' },
  'diff.previousUnknown': { nl: 'vorige versie niet te vergelijken', en: 'previous version cannot be compared' },
  ...guestMessages,
} satisfies Record<string, Entry>;
