// The command line's words and the server's own (start banner, configuration and startup errors, logs meant
// for the operator): one namespace of the one catalogue (../i18n.ts); keys start with `cli.` or `server.`.
// ICU MessageFormat syntax; an apostrophe is always literal here (../i18n.ts explains why).
import type { Entry } from '../i18n.ts';

export const cliMessages = {
  // `regiekamer --help`: shown in both languages through both(), before any --lang is read.
  'cli.help.program': {
    nl: 'Regiekamer: werkgroepen, overlegritmes en actielijsten van een veranderprogramma in Microsoft 365.',
    en: 'Regiekamer: werkgroepen, meeting cadences and action lists of a change programme in Microsoft 365.',
  },
  'cli.help.validate': { nl: 'Controleer een programmabestand', en: 'check a programme file' },
  'cli.help.file': {
    nl: 'programmabestand (standaard: REGIEKAMER_PROGRAMME of programmes/blnp.yaml)',
    en: 'programme file (default: REGIEKAMER_PROGRAMME or programmes/blnp.yaml)',
  },
  'cli.help.lang': { nl: 'taal van de meldingen: nl of en', en: 'language of the messages: nl or en' },
  'cli.help.json': { nl: 'uitvoer als JSON', en: 'output as JSON' },
  'cli.help.schema': {
    nl: 'Schrijf het JSON Schema van het programmabestand',
    en: 'write the JSON Schema of the programme file',
  },
  'cli.help.out': { nl: 'bestand om naar te schrijven (anders stdout)', en: 'file to write to (stdout otherwise)' },
  'cli.help.reference': {
    nl: 'schrijf de Markdown-referentie in plaats van het JSON Schema',
    en: 'write the Markdown reference instead of the JSON Schema',
  },
  'cli.help.start': {
    nl: 'Start Regiekamer: lokaal de hele stack met de lokale tenant, in tenantmodus de server (REGIEKAMER_MODE)',
    en: 'start Regiekamer: locally the whole stack with the local tenant, in tenant mode the server (REGIEKAMER_MODE)',
  },
  'cli.help.package': { nl: 'Maak het Teams-app-pakket dist/regiekamer.zip', en: 'build the Teams app package' },
  'cli.help.packageOut': { nl: 'doelbestand', en: 'target file' },
  'cli.help.plan': { nl: 'Toon wat de synchronisatie zou wijzigen', en: 'show what a sync would change' },
  'cli.help.apply': { nl: 'Voer de wijzigingen door in de tenants', en: 'apply the changes to the tenants' },
  'cli.help.drift': { nl: 'Toon wat met de hand is gewijzigd', en: 'show what was changed by hand' },
  'cli.help.yes': { nl: 'niet om bevestiging vragen', en: 'do not ask for confirmation' },
  'cli.help.prune': {
    nl: 'verwijder ook wat niet in het bestand staat',
    en: 'also remove what the file does not have',
  },
  'cli.help.acties': { nl: 'De actielijsten van de werkgroepen', en: "the werkgroepen's action lists" },
  'cli.help.werkgroep': { nl: 'alleen deze werkgroep', en: 'only this werkgroep' },
  'cli.help.mine': { nl: 'alleen acties van deze persoon (id)', en: "only this person's actions (id)" },
  'cli.help.overdue': { nl: 'alleen acties die te laat zijn', en: 'only overdue actions' },
  'cli.help.wijzig': {
    nl: 'wijzig deze actie (met --status, --titel, --deadline)',
    en: 'change this action (with --status, --titel, --deadline)',
  },
  'cli.help.status': { nl: 'open, loopt, wacht of gereed', en: 'open, loopt, wacht or gereed' },
  'cli.help.titel': { nl: 'nieuwe titel', en: 'new title' },
  'cli.help.deadline': { nl: 'JJJJ-MM-DD, of geen', en: 'YYYY-MM-DD, or geen' },
  'cli.help.besluiten': { nl: 'De besluitenlijst met doorlooptijden', en: 'the decision log with lead times' },
  'cli.help.bijeenkomst': {
    nl: 'de bijeenkomst: <cadans>:<JJJJ-MM-DD>, bv. regiegroep:2026-12-08',
    en: 'the meeting: <cadence>:<YYYY-MM-DD>, e.g. regiegroep:2026-12-08',
  },
  'cli.help.herinneringen': {
    nl: 'Ontwikkelen: verstuur het herinneringsritme van één bijeenkomst nu',
    en: "dev: send one meeting's reminder rhythm now",
  },
  'cli.help.capaciteit': {
    nl: 'Wie draagt wat, tegen de beschikbare uren',
    en: 'who carries what, against the hours they have',
  },
  'cli.help.tenant': {
    nl: 'De lokale tenant: Graph, identiteit en Bot Connector op deze machine',
    en: 'the local tenant',
  },
  'cli.help.tenantServe': {
    nl: 'Start de lokale tenant, gevuld uit het programmabestand',
    en: 'start the local tenant, seeded from the programme',
  },
  'cli.help.port': {
    nl: 'HTTPS-poort (standaard LOCAL_TENANT_PORT of 4443)',
    en: 'HTTPS port (default LOCAL_TENANT_PORT or 4443)',
  },
  'cli.help.httpPort': {
    nl: 'HTTP-poort (standaard LOCAL_TENANT_HTTP_PORT of 4080)',
    en: 'HTTP port (default LOCAL_TENANT_HTTP_PORT or 4080)',
  },
  'cli.help.reset': { nl: 'begin met een lege toestand', en: 'start clean' },
  'cli.help.latency': { nl: 'extra vertraging per verzoek in ms', en: 'added latency per request' },
  'cli.help.faults': { nl: 'aandeel 429- en 503-antwoorden, bv. 0.2', en: 'share of 429 and 503 answers' },
  'cli.help.throttle': { nl: 'gedocumenteerde limieten aan of uit', en: 'documented limits on or off' },
  'cli.help.seed': { nl: 'seed voor reproduceerbare storingen', en: 'seed for reproducible faults' },
  'cli.unexpected': { nl: 'onverwachte fout', en: 'unexpected error' },

  // `regiekamer acties`, `besluiten`, `capaciteit`, `herinneringen`
  'cli.acties.noServer': {
    nl: 'Regiekamer draait niet: start het eerst met `npm start` (dit commando werkt met de gegevens van de draaiende server).',
    en: "Regiekamer is not running: start it first with `npm start` (this command works on the running server's data).",
  },
  'cli.acties.none': { nl: 'Geen acties gevonden.', en: 'No actions found.' },
  'cli.acties.overdue': { nl: 'te laat', en: 'overdue' },
  'cli.acties.saved': {
    nl: 'Bijgewerkt; de server zet het door naar Planner.',
    en: 'Updated; the server passes it on to Planner.',
  },
  'cli.capaciteit.line': {
    nl: '{name} {load} / {hours} u/wk · {open} open, {overdue} te laat · {werkgroepen, plural, one {{werkgroepen} werkgroep} other {{werkgroepen} werkgroepen}}',
    en: '{name} {load} / {hours} h/wk · {open} open, {overdue} overdue · {werkgroepen, plural, one {{werkgroepen} werkgroep} other {{werkgroepen} werkgroepen}}',
  },
  'cli.capaciteit.over': { nl: '⚠ boven de beschikbare uren', en: '⚠ over the available hours' },
  'cli.besluiten.at': {
    nl: '{level} sinds {days, plural, one {{days} dag} other {{days} dagen}}',
    en: '{level} for {days, plural, one {{days} day} other {{days} days}}',
  },
  'cli.besluiten.line': {
    nl: '{id}  {title} — {werkgroep} · {where} · totaal {days, plural, one {{days} dag} other {{days} dagen}}',
    en: '{id}  {title} — {werkgroep} · {where} · total {days, plural, one {{days} day} other {{days} days}}',
  },
  'cli.besluiten.medians': {
    nl: 'Mediane doorlooptijd per niveau (afgelopen jaar):',
    en: 'Median lead time per level (past year):',
  },
  'cli.besluiten.median': {
    nl: '{level} {days, plural, one {{days} dag} other {{days} dagen}} ({count})',
    en: '{level} {days, plural, one {{days} day} other {{days} days}} ({count})',
  },
  'cli.besluiten.total': { nl: 'totaal', en: 'total' },
  'cli.herinneringen.done': {
    nl: '{planned, plural, one {{planned} bericht} other {{planned} berichten}} voor {meeting} ingepland voor nu; {queued} naar de wachtrij (al verstuurde gaan niet nog eens).',
    en: '{planned, plural, one {{planned} message} other {{planned} messages}} for {meeting} scheduled for now; {queued} queued (ones already sent are not sent again).',
  },

  // `regiekamer start` (npm start)
  'cli.start.programmeInvalid': {
    nl: 'Regiekamer start niet: los eerst de problemen in het programmabestand op.',
    en: 'Fix the programme file first.',
  },
  'cli.start.portInUse': {
    nl: 'Poort {port} is al in gebruik; kies een andere met PORT=…',
    en: 'port {port} is in use; set PORT=…',
  },
  'cli.start.running': { nl: 'Regiekamer draait (lokale modus)', en: 'Regiekamer is running (local mode)' },
  'cli.start.runningTenant': { nl: 'Regiekamer draait (tenantmodus)', en: 'Regiekamer is running (tenant mode)' },
  'cli.start.tenants': {
    nl: '  Tenants    {count, plural, one {{count} tenant} other {{count} tenants}} via Graph {graph}, aanmelden bij {authority}{extraCa, select, yes { (met extra CA uit EXTRA_CA_FILE)} other {}}',
    en: '  Tenants    {count, plural, one {{count} tenant} other {{count} tenants}} via Graph {graph}, sign-in at {authority}{extraCa, select, yes { (with an extra CA from EXTRA_CA_FILE)} other {}}',
  },
  'cli.start.programme': {
    nl: '  Programma  {name} — {gemeenten, plural, one {{gemeenten} gemeente} other {{gemeenten} gemeenten}}, {werkgroepen, plural, one {{werkgroepen} werkgroep} other {{werkgroepen} werkgroepen}} ({source}, versie {version}, {changed, select, yes {nieuw sinds vorige start} other {ongewijzigd}})',
    en: '  Programme  {name} — {gemeenten, plural, one {{gemeenten} gemeente} other {{gemeenten} gemeenten}}, {werkgroepen, plural, one {{werkgroepen} werkgroep} other {{werkgroepen} werkgroepen}} ({source}, version {version}, {changed, select, yes {new since the last start} other {unchanged}})',
  },
  'cli.start.store': {
    nl: '  Opslag     {backend, select, pglite {PGlite (ingebouwd)} other {PostgreSQL-server}}: {location}',
    en: '  Storage    {backend, select, pglite {PGlite (embedded)} other {PostgreSQL server}}: {location}',
  },
  'cli.start.server': {
    nl: '  Server     {url}  (gezondheid: {url}/healthz, gereed: {url}/readyz)',
    en: '  Server     {url}  (health: {url}/healthz, ready: {url}/readyz)',
  },
  'cli.start.tenant': {
    nl: '  Tenant     lokale tenant ({tenants} tenants): {url}{also}{info}',
    en: '  Tenant     local tenant ({tenants} tenants): {url}{also}{info}',
  },
  'cli.start.tenantAlso': { nl: ' en {url}', en: ' and {url}' },
  'cli.start.tenantInfo': { nl: ' — gegevens in {file}', en: ' — details in {file}' },
  'cli.start.changed': { nl: '  Gewijzigd  ', en: '  Changed    ' },
  'cli.start.stop': { nl: '  Stoppen    Ctrl-C', en: '  Stop       Ctrl-C' },
  'cli.start.syncDone': {
    nl: '  Sync       {created} gemaakt, {updated} bijgewerkt, {unchanged} ongewijzigd, {skipped} overgeslagen, {failed} mislukt; {drift, plural, one {{drift} afwijking} other {{drift} afwijkingen}}',
    en: '  Sync       {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped, {failed} failed; {drift, plural, one {{drift} difference} other {{drift} differences}}',
  },
  'cli.start.syncFailed': { nl: 'mislukt', en: 'failed' },
  'cli.start.stopping': { nl: 'Regiekamer stopt…', en: 'stopping…' },
  'cli.stopped': { nl: 'Gestopt.', en: 'Stopped.' },

  // `regiekamer tenant serve`
  'cli.tenant.programmeInvalid': {
    nl: 'De lokale tenant start niet: los eerst de problemen in het programmabestand op.',
    en: 'Fix the programme file first.',
  },
  'cli.tenant.portInUse': {
    nl: 'Poort {port} of {httpPort} is al in gebruik; kies een andere met --port/--http-port.',
    en: 'Port {port} or {httpPort} is in use; choose another with --port/--http-port.',
  },
  'cli.tenant.intFlag': {
    nl: '--{name}: verwacht een geheel getal van {min} tot {max}',
    en: '--{name}: expected an integer from {min} to {max}',
  },
  'cli.tenant.faultsFlag': {
    nl: '--faults: verwacht een aandeel van 0 tot 1, bv. 0.2',
    en: 'expected a share from 0 to 1, e.g. 0.2',
  },
  'cli.tenant.throttleFlag': { nl: '--throttle: on of off', en: 'on or off' },
  'cli.tenant.running': { nl: 'Lokale tenant draait', en: 'local tenant is running' },
  'cli.tenant.also': { nl: 'ook', en: 'also' },
  'cli.tenant.inMemory': { nl: 'in geheugen', en: 'in memory' },
  'cli.tenant.notWritten': { nl: 'niet geschreven', en: 'not written' },
  'cli.tenant.stopping': { nl: 'Lokale tenant stopt…', en: 'stopping…' },

  // The server's own messages: configuration, startup, logs for the operator
  'server.config.invalid': { nl: 'Ongeldige configuratie', en: 'invalid configuration' },
  'server.config.caUnreadable': {
    nl: 'EXTRA_CA_FILE: {file} kan niet gelezen worden ({code})',
    en: 'EXTRA_CA_FILE: {file} cannot be read ({code})',
  },
  'server.config.caNoPem': {
    nl: 'EXTRA_CA_FILE: {file} bevat geen PEM-certificaat',
    en: 'EXTRA_CA_FILE: {file} holds no PEM certificate',
  },
  'server.config.caBroken': {
    nl: 'EXTRA_CA_FILE: {file} bevat een onleesbaar certificaat',
    en: 'EXTRA_CA_FILE: {file} holds an unreadable certificate',
  },
  'server.config.caNotCa': {
    nl: 'EXTRA_CA_FILE: {file} bevat een certificaat dat geen CA is ({subject})',
    en: 'EXTRA_CA_FILE: {file} holds a certificate that is not a CA ({subject})',
  },
  'server.config.notGuid': {
    nl: 'moet een GUID zijn, bv. 6f1c9a4e-2b7d-4c3f-8e5a-1a9b0c7d2e02',
    en: 'must be a GUID, e.g. 6f1c9a4e-2b7d-4c3f-8e5a-1a9b0c7d2e02',
  },
  'server.config.notUrl': {
    nl: 'moet een volledig adres zijn, bv. https://regiekamer.example',
    en: 'must be a full URL, e.g. https://regiekamer.example',
  },
  'server.config.notWholeNumber': { nl: 'moet een geheel getal zijn', en: 'must be a whole number' },
  'server.config.tooSmall': { nl: 'moet minstens {min} zijn', en: 'must be at least {min}' },
  'server.config.tooBig': { nl: 'mag hoogstens {max} zijn', en: 'must be at most {max}' },
  'server.config.oneOf': { nl: 'moet een van deze zijn: {values}', en: 'must be one of: {values}' },
  'server.config.badValue': { nl: 'ongeldige waarde', en: 'invalid value' },
  'server.config.databaseUrl': {
    nl: 'moet met postgres:// of postgresql:// beginnen',
    en: 'must start with postgres:// or postgresql://',
  },
  'server.config.tenantCredentials': {
    nl: 'REGIEKAMER_MODE=tenant vraagt GRAPH_CLIENT_ID en GRAPH_CLIENT_SECRET of GRAPH_CERTIFICATE_PATH',
    en: 'tenant mode needs GRAPH_CLIENT_ID and a secret or certificate',
  },
  'server.programmeInvalid': { nl: 'Het programmabestand is ongeldig', en: 'the programme file is invalid' },
  'server.playgroundMissing': {
    nl: 'Agents Playground niet geïnstalleerd (devDependency), de bot draait zonder; PLAYGROUND_PORT=0 zwijgt hierover',
    en: 'Agents Playground not installed (a devDependency), the bot runs without it; PLAYGROUND_PORT=0 silences this',
  },
  'server.syncOff': { nl: 'SYNC_INTERVAL_MINUTES=0: periodieke sync uit', en: 'periodic sync off' },
  'server.store.unreachable': { nl: 'De database is niet bereikbaar', en: 'the database cannot be reached' },
  'server.store.invalidUrl': { nl: 'ongeldige URL', en: 'invalid URL' },
  'server.bot.unknownLocalPerson': {
    nl: "LOCAL_BOT_PERSON: '{person}' staat niet in het programma",
    en: "LOCAL_BOT_PERSON: '{person}' is not in the programme",
  },
  'server.bot.noBotId': {
    nl: 'BOT_ID ontbreekt: de bot weigert alle berichten',
    en: 'BOT_ID missing: the bot refuses every activity',
  },
  'server.bot.playgroundExited': {
    nl: 'de Agents Playground stopte (code {code})',
    en: 'the Agents Playground exited (code {code})',
  },
  'server.planner.noTeam': {
    nl: 'het team bestaat nog niet (eerst synchroniseren)',
    en: 'the team does not exist yet (sync first)',
  },
  'validate.warning': { nl: 'waarschuwing: {message}', en: 'warning: {message}' },
  'validate.warnings': {
    nl: '{count, plural, one {{count} waarschuwing} other {{count} waarschuwingen}}; het bestand is geldig',
    en: '{count, plural, one {{count} warning} other {{count} warnings}}; the file is valid',
  },
  'server.store.inUse': {
    nl: 'De gegevensmap {dir} is in gebruik door een ander Regiekamer-proces (pid {pid}, `{command}`, sinds {since}); twee processen op één PGlite-map beschadigen de gegevens. Stop dat proces eerst (bij `npm start`: Ctrl-C in zijn venster; de draaiende server past het programmabestand zelf periodiek toe), of gebruik een PostgreSQL-server (DATABASE_URL). Draait dat proces niet meer, verwijder dan {file}.',
    en: 'the data directory {dir} is in use by another Regiekamer process (pid {pid}, `{command}`, since {since}); two processes on one PGlite directory damage the data. Stop that process first (for `npm start`: Ctrl-C in its window; the running server applies the programme file itself periodically), or use a PostgreSQL server (DATABASE_URL). If that process no longer runs, remove {file}.',
  },
  'dependency.localTenant': {
    nl: 'De lokale tenant ({url}) is niet bereikbaar ({code}): hij draait niet. Start hem met `npm start` (alles) of `npx regiekamer tenant serve` (alleen de tenant) en probeer het opnieuw.',
    en: 'the local tenant ({url}) cannot be reached ({code}): it is not running. Start it with `npm start` (everything) or `npx regiekamer tenant serve` (the tenant alone) and try again.',
  },
  'dependency.localTenantMissing': {
    nl: 'De lokale tenant is niet gevonden ({file}: {detail}): hij is hier nog niet gestart. Start hem met `npm start` (alles) of `npx regiekamer tenant serve` (alleen de tenant).',
    en: 'the local tenant was not found ({file}: {detail}): it has not been started here. Start it with `npm start` (everything) or `npx regiekamer tenant serve` (the tenant alone).',
  },
  'dependency.token': {
    nl: 'Entra ID ({url}) is niet bereikbaar voor een toegangstoken ({code}). Controleer de netwerkverbinding, een proxy of firewall, en AUTHORITY_HOST.',
    en: 'Entra ID ({url}) cannot be reached for an access token ({code}). Check the network connection, a proxy or firewall, and AUTHORITY_HOST.',
  },
  'dependency.graph': {
    nl: 'Microsoft Graph ({url}) is niet bereikbaar ({code}). Controleer de netwerkverbinding, een proxy of firewall, en GRAPH_BASE_URL.',
    en: 'Microsoft Graph ({url}) cannot be reached ({code}). Check the network connection, a proxy or firewall, and GRAPH_BASE_URL.',
  },
  'dependency.botConnector': {
    nl: 'De Bot Connector ({url}) is niet bereikbaar ({code}); het bericht wordt opnieuw geprobeerd. Controleer de netwerkverbinding, een proxy of firewall (lokaal: draait de Agents Playground?).',
    en: 'the Bot Connector ({url}) cannot be reached ({code}); the message will be tried again. Check the network connection, a proxy or firewall (locally: is the Agents Playground running?).',
  },
  'dependency.database': {
    nl: 'Controleer DATABASE_URL en of de PostgreSQL-server draait en verbindingen aanneemt.',
    en: 'check DATABASE_URL and that the PostgreSQL server is running and accepts connections.',
  },
  'cli.stop.timeout': {
    nl: 'Regiekamer is niet binnen {seconds} s gestopt: wacht nog op {step}. Het proces stopt nu zonder daarop te wachten (exitcode 1); controleer die afhankelijkheid.',
    en: 'Regiekamer did not stop within {seconds} s: still waiting for {step}. The process exits now without waiting for it (exit code 1); check that dependency.',
  },
  'cli.exit.lingering': {
    nl: 'de opdracht is klaar, maar het proces eindigt niet binnen {seconds} s: nog open zijn {resources}. Het stopt nu (exitcode 1).',
    en: 'the command has finished, but the process does not end within {seconds} s: still open are {resources}. It exits now (exit code 1).',
  },
  'cli.help.tenantAccept': {
    nl: 'Lokale tenant: de gast met dit e-mailadres accepteert de uitnodiging (zoals in de browser)',
    en: 'local tenant: the guest with this mail address accepts their invitation (as in a browser)',
  },
  'cli.tenant.accepted': {
    nl: '{email} heeft de uitnodiging geaccepteerd ({count} tenant(s)); de volgende synchronisatie voegt de gast toe',
    en: '{email} accepted the invitation ({count} tenant(s)); the next sync adds the guest',
  },
  'cli.tenant.acceptNone': {
    nl: 'geen openstaande uitnodiging voor {email} in de lokale tenant',
    en: 'no pending invitation for {email} in the local tenant',
  },
  'cli.tenant.acceptUnreachable': {
    nl: 'de lokale tenant ({url}) draait niet; start hem met `npm start` of `npx regiekamer tenant serve`',
    en: 'the local tenant ({url}) is not running; start it with `npm start` or `npx regiekamer tenant serve`',
  },
  'cli.tenant.acceptFailed': {
    nl: 'de lokale tenant antwoordde {status}',
    en: 'the local tenant answered {status}',
  },
} satisfies Record<string, Entry>;
