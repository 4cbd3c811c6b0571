// Messages of `regiekamer controleer` (the pre-flight check of tenant mode) and the why of each application role in
// the one permissions table (src/domain/permissions.ts). Part of the one catalogue (../i18n.ts); keys carry their
// own `controleer.` prefix.
import type { Entry } from '../i18n.ts';

export const preflightMessages = {
  'controleer.help': {
    nl: 'Controleert per gemeente of de tenants klaar zijn voor de tenantmodus (token, rechten, postvak, team, Planner, mensen, direct connect, bot, pakket); exit 0 in orde, 1 een controle faalt, 2 verkeerde invoer',
    en: 'Checks per gemeente whether the tenants are ready for tenant mode (token, roles, mailbox, team, Planner, people, direct connect, bot, package); exit 0 passed, 1 a check failed, 2 bad input',
  },
  'controleer.why.userReadAll': {
    nl: 'de mensen van het programma opzoeken in hun eigen tenant (sync, de bot, toegewezenen in Planner); leest alle gebruikersprofielen van de tenant, schrijft niets',
    en: "look up the programme's people in their own tenant (sync, the bot, Planner assignees); reads every user profile of the tenant, writes nothing",
  },
  'controleer.why.groupMemberReadAll': {
    nl: 'het team van het programma terugvinden op zijn naam (na een onderbroken sync); leest groepen en hun leden',
    en: "find the programme's team again by its name (after an interrupted sync); reads groups and their members",
  },
  'controleer.why.teamCreate': {
    nl: 'het team van het programma aanmaken in de host-tenant; kan nieuwe teams maken, geen bestaande lezen of wijzigen',
    en: "create the programme's team in the host tenant; can create new teams, not read or change existing ones",
  },
  'controleer.why.teamSettings': {
    nl: 'naam en beschrijving van het team lezen en bijwerken; alle teams van de tenant',
    en: "read and update the team's name and description; every team of the tenant",
  },
  'controleer.why.teamMember': {
    nl: 'leden (en gasten) van het team toevoegen en verwijderen; alle teams van de tenant',
    en: "add and remove the team's members (and guests); every team of the tenant",
  },
  'controleer.why.channelCreate': {
    nl: 'een kanaal per werkgroep maken (standaard, privé of gedeeld); alle teams van de tenant',
    en: 'create a channel per werkgroep (standard, private or shared); every team of the tenant',
  },
  'controleer.why.channelSettings': {
    nl: 'de kanalen van het team lezen en hun naam en beschrijving bijwerken; alle teams van de tenant',
    en: "read the team's channels and update their name and description; every team of the tenant",
  },
  'controleer.why.channelMember': {
    nl: 'leden van privé- en gedeelde kanalen beheren, ook mensen van andere gemeenten (B2B direct connect); alle teams van de tenant',
    en: 'manage members of private and shared channels, people of other gemeenten too (B2B direct connect); every team of the tenant',
  },
  'controleer.why.teamsTab': {
    nl: 'het tabblad Acties (het Planner-plan) in het kanaal van een werkgroep zetten; alle teams van de tenant',
    en: "put the Acties tab (the Planner plan) in a werkgroep's channel; every team of the tenant",
  },
  'controleer.why.appInstallation': {
    nl: 'de Planner-app in het team installeren voordat zijn tabblad erin komt; alle teams van de tenant',
    en: 'install the Planner app in the team before its tab goes in; every team of the tenant',
  },
  'controleer.why.tasks': {
    nl: 'de actielijsten: Planner-plannen, buckets en taken van het team lezen en schrijven; alle plannen van de tenant (Planner kent geen smaller recht)',
    en: "the action lists: read and write the team's Planner plans, buckets and tasks; every plan of the tenant (Planner has no narrower permission)",
  },
  'controleer.why.calendars': {
    nl: 'de vergaderreeksen in het organisatorpostvak; alleen dat postvak, via RBAC for Applications van Exchange Online, NIET via toestemming in Entra ID (dat opent elk postvak)',
    en: 'the meeting series in the organizer mailbox; that mailbox only, through Exchange Online RBAC for Applications, NOT by consent in Entra ID (that opens every mailbox)',
  },
  'controleer.why.channelDelete': {
    nl: 'alleen voor apply --prune: kanalen verwijderen die niet meer in het programmabestand staan; zonder dit recht werkt de rest',
    en: 'only for apply --prune: delete channels no longer in the programme file; without it everything else works',
  },
  'controleer.why.userInvite': {
    nl: 'alleen bij guests.invite: true — mensen van andere gemeenten als gast uitnodigen (POST /invitations); zonder dit recht nodigt een beheerder uit',
    en: 'only with guests.invite: true — invite people of other gemeenten as guests (POST /invitations); without it an administrator invites them',
  },
  'controleer.localMode': {
    nl: 'regiekamer controleer controleert de tenantmodus (REGIEKAMER_MODE=tenant) en draait nu in de lokale modus. Tegen de lokale tenant: start "npx regiekamer tenant serve" en zet REGIEKAMER_MODE=tenant, GRAPH_BASE_URL, AUTHORITY_HOST, EXTRA_CA_FILE, GRAPH_CLIENT_ID en GRAPH_CLIENT_SECRET uit .regiekamer/local-tenant.json (README, onderdeel Tenant mode, Against the local tenant)',
    en: 'regiekamer check checks tenant mode (REGIEKAMER_MODE=tenant) and runs in local mode now. Against the local tenant: start "npx regiekamer tenant serve" and set REGIEKAMER_MODE=tenant, GRAPH_BASE_URL, AUTHORITY_HOST, EXTRA_CA_FILE, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET from .regiekamer/local-tenant.json (README, section Tenant mode, Against the local tenant)',
  },
  'controleer.header': {
    nl: 'Regiekamer controleer — {programme} (tenantmodus; Graph {graph}, Entra ID {authority})',
    en: 'Regiekamer check — {programme} (tenant mode; Graph {graph}, Entra ID {authority})',
  },
  'controleer.gemeente': {
    nl: '{name} — tenant {tenantId}{host, select, yes { (host-tenant)} other {}}',
    en: '{name} — tenant {tenantId}{host, select, yes { (host tenant)} other {}}',
  },
  'controleer.deployment': { nl: 'Bot en Teams-pakket', en: 'Bot and Teams package' },
  'controleer.status': {
    nl: '{status, select, ok {in orde} fail {FOUT} warn {let op} other {handmatig}}',
    en: '{status, select, ok {passed} fail {FAILED} warn {note} other {by hand}}',
  },
  'controleer.check': {
    nl: '{check, select, token {token} roles {toepassingsrechten} mailbox {organisatorpostvak} team {team} planner {Planner} people {mensen} directConnect {B2B direct connect} bot {bot} package {Teams-pakket} other {tenant}}',
    en: '{check, select, token {token} roles {application roles} mailbox {organizer mailbox} team {team} planner {Planner} people {people} directConnect {B2B direct connect} bot {bot} package {Teams package} other {tenant}}',
  },
  'controleer.fix': { nl: 'oplossing: {fix}', en: 'fix: {fix}' },
  'controleer.summary': {
    nl: 'Uitkomst: {ok} in orde, {fail} fout, {warn} let op, {manual} handmatig — {fail, plural, =0 {klaar voor gebruik} other {nog niet klaar}}',
    en: 'Result: {ok} passed, {fail} failed, {warn} notes, {manual} by hand — {fail, plural, =0 {ready} other {not ready yet}}',
  },
  'controleer.noTenantId': {
    nl: 'gemeente {gemeente} heeft geen tenantId in het programmabestand; niets te controleren',
    en: 'gemeente {gemeente} has no tenantId in the programme file; nothing to check',
  },
  'controleer.noTenantId.fix': {
    nl: 'zet gemeenten[].tenantId (de tenant-id uit het Entra-beheercentrum, Overzicht)',
    en: 'set gemeenten[].tenantId (the tenant id from the Entra admin center, Overview)',
  },
  'controleer.token.ok': {
    nl: 'app-token voor Graph verkregen (client credentials)',
    en: 'app-only Graph token obtained (client credentials)',
  },
  'controleer.token.fail': {
    nl: 'geen app-token voor deze tenant: {code}',
    en: 'no app-only token for this tenant: {code}',
  },
  'controleer.token.fix': {
    nl: 'controleer GRAPH_CLIENT_ID en het geheim of certificaat, en laat een beheerder van {gemeente} (Privileged Role Administrator of Global Administrator) toestemming geven: {url}',
    en: 'check GRAPH_CLIENT_ID and the secret or certificate, and have an administrator of {gemeente} (Privileged Role Administrator or Global Administrator) grant consent: {url}',
  },
  'controleer.skipped': {
    nl: 'niet gecontroleerd: zonder token kan niets gelezen worden',
    en: 'not checked: without a token nothing can be read',
  },
  'controleer.roles.ok': {
    nl: '{count, plural, one {het ene benodigde toepassingsrecht is verleend} other {alle # benodigde toepassingsrechten zijn verleend}}',
    en: '{count, plural, one {the one application role needed is granted} other {all # application roles needed are granted}}',
  },
  'controleer.roles.missing': {
    nl: '{count, plural, one {toepassingsrecht} other {toepassingsrechten}} niet verleend: {roles}',
    en: '{count, plural, one {application role} other {application roles}} not granted: {roles}',
  },
  'controleer.roles.missingItem': { nl: '{role} — nodig voor: {why}', en: '{role} — needed for: {why}' },
  'controleer.roles.fix': {
    nl: 'voeg {roles} toe aan de app-registratie (API-machtigingen, Microsoft Graph, Toepassingsmachtigingen) en laat een beheerder van {gemeente} (Privileged Role Administrator of Global Administrator) toestemming geven: {url}',
    en: 'add {roles} to the app registration (API permissions, Microsoft Graph, Application permissions) and have an administrator of {gemeente} (Privileged Role Administrator or Global Administrator) grant consent: {url}',
  },
  'controleer.roles.optional': {
    nl: '{role} niet verleend: {why}',
    en: '{role} not granted: {why}',
  },
  'controleer.roles.extra': {
    nl: 'verleend maar niet nodig in deze tenant: {roles}',
    en: 'granted but not needed in this tenant: {roles}',
  },
  'controleer.roles.extra.fix': {
    nl: 'trek ze in: Entra-beheercentrum › Enterprise-toepassingen › de app › Machtigingen (of verwijder ze uit de app-registratie en geef opnieuw toestemming)',
    en: 'revoke them: Entra admin center › Enterprise applications › the app › Permissions (or remove them from the app registration and consent again)',
  },
  'controleer.roles.calendarsTenantWide': {
    nl: 'Calendars.ReadWrite is in Entra ID verleend: de app kan dan elk postvak van {gemeente} lezen en schrijven',
    en: 'Calendars.ReadWrite is granted in Entra ID: the app can then read and write every mailbox of {gemeente}',
  },
  'controleer.roles.calendarsTenantWide.fix': {
    nl: 'trek Calendars.ReadWrite in Entra ID in en verleen het met RBAC for Applications alleen voor het organisatorpostvak: New-ManagementScope -Name "Regiekamer organisator" -RecipientRestrictionFilter "PrimarySmtpAddress -eq \'{mailbox}\'"; New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.ReadWrite" -CustomResourceScope "Regiekamer organisator"',
    en: 'revoke Calendars.ReadWrite in Entra ID and grant it with RBAC for Applications for the organizer mailbox only: New-ManagementScope -Name "Regiekamer organisator" -RecipientRestrictionFilter "PrimarySmtpAddress -eq \'{mailbox}\'"; New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.ReadWrite" -CustomResourceScope "Regiekamer organisator"',
  },
  'controleer.mailbox.ok': {
    nl: 'organisatorpostvak {mailbox} is schrijfbaar (testafspraak gemaakt en meteen verwijderd) en een ander postvak ({other}) wordt geweigerd',
    en: 'organizer mailbox {mailbox} is writable (test event made and deleted at once) and another mailbox ({other}) is refused',
  },
  'controleer.mailbox.okNoOther': {
    nl: 'organisatorpostvak {mailbox} is schrijfbaar (testafspraak gemaakt en meteen verwijderd); geen ander postvak om de afscherming mee te toetsen',
    en: 'organizer mailbox {mailbox} is writable (test event made and deleted at once); no other mailbox to test the scope with',
  },
  'controleer.mailbox.notWritable': {
    nl: 'organisatorpostvak {mailbox} is niet schrijfbaar voor de app: Graph antwoordde {status} {code}',
    en: 'organizer mailbox {mailbox} is not writable for the app: Graph answered {status} {code}',
  },
  'controleer.mailbox.notWritable.fix': {
    nl: 'geef de app met RBAC for Applications toegang tot dit postvak (Exchange Online PowerShell): New-ManagementScope -Name "Regiekamer organisator" -RecipientRestrictionFilter "PrimarySmtpAddress -eq \'{mailbox}\'"; New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.ReadWrite" -CustomResourceScope "Regiekamer organisator"; toets met Test-ServicePrincipalAuthorization -Identity {clientId} -Resource {mailbox}',
    en: 'give the app access to this mailbox with RBAC for Applications (Exchange Online PowerShell): New-ManagementScope -Name "Regiekamer organisator" -RecipientRestrictionFilter "PrimarySmtpAddress -eq \'{mailbox}\'"; New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.ReadWrite" -CustomResourceScope "Regiekamer organisator"; test with Test-ServicePrincipalAuthorization -Identity {clientId} -Resource {mailbox}',
  },
  'controleer.mailbox.cleanup': {
    nl: 'de testafspraak in {mailbox} kon niet worden verwijderd ({status} {code}); verwijder de afspraak "{subject}" met de hand',
    en: 'the test event in {mailbox} could not be deleted ({status} {code}); delete the event "{subject}" by hand',
  },
  'controleer.mailbox.tooWide': {
    nl: "de app kan ook postvak {other} lezen: het recht op agenda's is niet beperkt tot het organisatorpostvak",
    en: 'the app can read mailbox {other} too: its calendar permission is not limited to the organizer mailbox',
  },
  'controleer.mailbox.tooWide.fix': {
    nl: 'trek Calendars.ReadWrite in Entra ID in (Enterprise-toepassingen › de app › Machtigingen) en verleen het alleen voor het organisatorpostvak met RBAC for Applications (New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.ReadWrite" -CustomResourceScope "Regiekamer organisator")',
    en: 'revoke Calendars.ReadWrite in Entra ID (Enterprise applications › the app › Permissions) and grant it for the organizer mailbox only with RBAC for Applications (New-ManagementRoleAssignment -App {clientId} -Role "Application Calendars.ReadWrite" -CustomResourceScope "Regiekamer organisator")',
  },
  'controleer.mailbox.partnerOk': {
    nl: 'de app kan geen postvak van deze tenant lezen ({other} geweigerd); hier is geen postvak nodig',
    en: 'the app can read no mailbox of this tenant ({other} refused); no mailbox is needed here',
  },
  'controleer.mailbox.partnerNoRole': {
    nl: 'geen agendarecht in deze tenant; hier is geen postvak nodig',
    en: 'no calendar permission in this tenant; no mailbox is needed here',
  },
  'controleer.team.ok': {
    nl: 'team "{team}" bereikbaar ({channels, plural, one {{channels} kanaal} other {{channels} kanalen}})',
    en: 'team "{team}" reachable ({channels, plural, one {{channels} channel} other {{channels} channels}})',
  },
  'controleer.team.missing': {
    nl: 'team "{team}" bestaat nog niet; regiekamer apply maakt het (de leesrechten werken: de zoekvraag werd beantwoord)',
    en: 'team "{team}" does not exist yet; regiekamer apply makes it (read access works: the search was answered)',
  },
  'controleer.graphRefused': {
    nl: 'Graph weigerde het lezen: {status} {code}',
    en: 'Graph refused the read: {status} {code}',
  },
  'controleer.graphRefused.fix': {
    nl: 'controleer de toepassingsrechten hierboven en de toestemming in {gemeente}: {url}',
    en: 'check the application roles above and the consent in {gemeente}: {url}',
  },
  'controleer.planner.ok': {
    nl: 'Planner bereikbaar in de groep van het team ({plans, plural, one {{plans} plan} other {{plans} plannen}})',
    en: "Planner reachable in the team's group ({plans, plural, one {{plans} plan} other {{plans} plans}})",
  },
  'controleer.planner.noTeam': {
    nl: 'Planner wordt gecontroleerd zodra het team bestaat (na regiekamer apply)',
    en: 'Planner is checked once the team exists (after regiekamer apply)',
  },
  'controleer.people.ok': {
    nl: 'alle {count} mensen van {gemeente} gevonden in hun eigen tenant',
    en: 'all {count} people of {gemeente} found in their own tenant',
  },
  'controleer.people.problems': {
    nl: '{count} van {total} mensen niet bruikbaar: {unknown} onbekend, {disabled} uitgeschakeld, {guestMissing} zonder gastaccount, {pending} uitnodiging nog niet geaccepteerd',
    en: '{count} of {total} people not usable: {unknown} unknown, {disabled} disabled, {guestMissing} without a guest account, {pending} invitation not yet accepted',
  },
  'controleer.people.fix': {
    nl: 'pas het programmabestand aan (upn, email) of laat de beheerder van {gemeente} het account herstellen; gasten accepteren hun uitnodiging zelf',
    en: 'correct the programme file (upn, email) or have the administrator of {gemeente} restore the account; guests accept their invitation themselves',
  },
  'controleer.direct.ok': {
    nl: '{direction, select, inbound {binnenkomend vanuit} other {uitgaand naar}} {partner} ({partnerTenantId}) toegestaan',
    en: '{direction, select, inbound {inbound from} other {outbound to}} {partner} ({partnerTenantId}) allowed',
  },
  'controleer.direct.blocked': {
    nl: 'B2B direct connect {direction, select, inbound {binnenkomend vanuit} other {uitgaand naar}} {partner} ({partnerTenantId}) is geblokkeerd: mensen van {partner} kunnen niet in de gedeelde kanalen',
    en: 'B2B direct connect {direction, select, inbound {inbound from} other {outbound to}} {partner} ({partnerTenantId}) is blocked: people of {partner} cannot join the shared channels',
  },
  'controleer.direct.manual': {
    nl: 'B2B direct connect {direction, select, inbound {binnenkomend vanuit} other {uitgaand naar}} {partner} ({partnerTenantId}): de app mag de instellingen voor toegang tussen tenants niet lezen (Policy.Read.All heeft hij niet nodig)',
    en: 'B2B direct connect {direction, select, inbound {inbound from} other {outbound to}} {partner} ({partnerTenantId}): the app may not read the cross-tenant access settings (it does not need Policy.Read.All)',
  },
  'controleer.direct.fix': {
    nl: 'Entra-beheercentrum › Entra ID › External Identities › Instellingen voor toegang tussen tenants › Organisatie-instellingen › {partnerTenantId} (toevoegen als hij ontbreekt) › B2B direct connect › {direction, select, inbound {Binnenkomende toegang} other {Uitgaande toegang}} › Gebruikers en groepen en Externe toepassingen: Toegang toestaan; en in het Teams-beheercentrum het gedeelde kanaal toestaan (Teams › Teams-beleid: "Externe gebruikers uitnodigen voor gedeelde kanalen" en "Deelnemen aan externe gedeelde kanalen")',
    en: 'Entra admin center › Entra ID › External Identities › Cross-tenant access settings › Organizational settings › {partnerTenantId} (add it when missing) › B2B direct connect › {direction, select, inbound {Inbound access} other {Outbound access}} › Users and groups and External applications: Allow access; and in the Teams admin center allow shared channels (Teams › Teams policies: "Invite external users to shared channels" and "Join external shared channels")',
  },
  'controleer.bot.ok': {
    nl: 'bot {botId} in tenant {botTenant}, berichteneindpunt {endpoint} (zet dit eindpunt in de Azure Bot-resource)',
    en: 'bot {botId} in tenant {botTenant}, messaging endpoint {endpoint} (set this endpoint in the Azure Bot resource)',
  },
  'controleer.bot.noId': {
    nl: 'BOT_ID ontbreekt of is de lokale plaatshouder: de bot weigert dan elk bericht',
    en: 'BOT_ID is missing or the local placeholder: the bot then refuses every activity',
  },
  'controleer.bot.noId.fix': {
    nl: 'zet BOT_ID op de app-id (client-id) van de single-tenant bot-registratie in de host-tenant (Azure Bot › Configuratie › Microsoft App ID)',
    en: 'set BOT_ID to the app (client) id of the single-tenant bot registration in the host tenant (Azure Bot › Configuration › Microsoft App ID)',
  },
  'controleer.bot.publicUrl': {
    nl: 'PUBLIC_URL {url} is geen openbaar https-adres: Teams bereikt de bot en het tabblad alleen via https op een openbare naam',
    en: 'PUBLIC_URL {url} is not a public https address: Teams reaches the bot and the tab only over https on a public name',
  },
  'controleer.bot.publicUrl.fix': {
    nl: 'zet PUBLIC_URL op het openbare https-adres van de server, bv. https://regiekamer.gemeente.nl',
    en: 'set PUBLIC_URL to the public https address of the server, e.g. https://regiekamer.gemeente.nl',
  },
  'controleer.bot.tenant': {
    nl: 'BOT_TENANT_ID {botTenant} is niet de tenant van de host-gemeente ({hostTenant}); de bot is single-tenant in de host-tenant',
    en: "BOT_TENANT_ID {botTenant} is not the host gemeente's tenant ({hostTenant}); the bot is single-tenant in the host tenant",
  },
  'controleer.bot.tenant.fix': {
    nl: 'laat BOT_TENANT_ID weg (dan geldt de host-tenant) of zet het op {hostTenant}',
    en: 'leave BOT_TENANT_ID out (the host tenant applies then) or set it to {hostTenant}',
  },
  'controleer.package.ok': {
    nl: 'Teams-pakket: app-id {teamsAppId}, bot {botId}, adres {url}',
    en: 'Teams package: app id {teamsAppId}, bot {botId}, address {url}',
  },
  'controleer.package.placeholder': {
    nl: 'het Teams-pakket zou een plaatshouder bevatten: {what}',
    en: 'the Teams package would hold a placeholder: {what}',
  },
  'controleer.package.fix': {
    nl: 'zet TEAMS_APP_ID (een eigen GUID voor de app), BOT_ID en PUBLIC_URL en bouw het pakket opnieuw met npm run package',
    en: 'set TEAMS_APP_ID (a GUID of your own for the app), BOT_ID and PUBLIC_URL and build the package again with npm run package',
  },
  'cli.tenant.faultGemeente': {
    nl: "{flag}: gemeente '{gemeente}' staat niet (met een tenantId) in het programmabestand; bekend: {known}",
    en: "{flag}: gemeente '{gemeente}' is not in the programme file (with a tenantId); known: {known}",
  },
  'cli.tenant.faultPair': {
    nl: "{flag} verwacht gemeente:waarde, niet '{value}'",
    en: "{flag} expects gemeente:value, not '{value}'",
  },
  'cli.help.faultRole': {
    nl: 'storing: <gemeente>:<recht> niet verleend in die tenant (herhaalbaar)',
    en: 'fault: <gemeente>:<role> not consented in that tenant (repeatable)',
  },
  'cli.help.faultDisabled': {
    nl: 'storing: het account <upn> is uitgeschakeld (herhaalbaar)',
    en: 'fault: the account <upn> is disabled (repeatable)',
  },
  'cli.help.faultDirectConnect': {
    nl: 'storing: <gemeente>:<partner> — geen B2B direct connect in de instellingen van die gemeente (herhaalbaar)',
    en: "fault: <gemeente>:<partner> — no B2B direct connect in that gemeente's settings (repeatable)",
  },
  'cli.help.faultMailbox': {
    nl: 'storing: <gemeente>:<postvak> — de RBAC-scope van de app in die tenant bevat alleen dit postvak (herhaalbaar)',
    en: "fault: <gemeente>:<mailbox> — the app's RBAC scope in that tenant holds only this mailbox (repeatable)",
  },
  'cli.tenant.faultRoleUnknown': {
    nl: "--fault-role: '{role}' is in de tenant van {gemeente} niet verleend, dus er valt niets weg te nemen; verleend: {known}",
    en: "--fault-role: '{role}' is not consented in {gemeente}'s tenant, so there is nothing to take away; consented: {known}",
  },
} satisfies Record<string, Entry>;
