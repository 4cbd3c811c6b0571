// Messages of going live in a real tenant (issue 15): the production Teams package's refusals and the privacy
// statement and terms of use the server serves at /privacy and /gebruiksvoorwaarden (src/entry/server/legal.ts).
// Part of the one catalogue (../i18n.ts); keys used as they are. The privacy statement stays general; the register
// of personal data (docs/privacy.md) has the details per item.
import type { Entry } from '../i18n.ts';

export const uitrolMessages = {
  'package.production.idMissing': {
    nl: '{name} is niet gezet; een pakket voor een echte tenant heeft {name, select, TEAMS_APP_ID {een eigen GUID voor de Teams-app nodig (eenmalig gemaakt, bv. met uuidgen, en daarna nooit veranderd; niet de client-id)} other {de id van de app-registratie nodig}}',
    en: '{name} is not set; a package for a real tenant needs {name, select, TEAMS_APP_ID {a GUID for the Teams app itself (made once, e.g. with uuidgen, and never changed; not the client id)} other {the id of the app registration}}',
  },
  'package.production.idNotGuid': {
    nl: '{name} {id} is geen GUID; {name, select, TEAMS_APP_ID {maak eenmalig een eigen GUID voor de Teams-app (bv. met uuidgen)} other {gebruik de toepassings-id (client-id) van de app-registratie}}',
    en: '{name} {id} is not a GUID; {name, select, TEAMS_APP_ID {make a GUID for the Teams app itself, once (e.g. with uuidgen)} other {use the application (client) id of the app registration}}',
  },
  'package.production.idPlaceholder': {
    nl: '{name} {id} is een verzonnen lokale id; {name, select, TEAMS_APP_ID {maak eenmalig een eigen GUID voor de Teams-app (bv. met uuidgen)} other {vul de id van de echte app-registratie in}}',
    en: '{name} {id} is a made-up local id; {name, select, TEAMS_APP_ID {make a GUID for the Teams app itself, once (e.g. with uuidgen)} other {fill in the id of the real app registration}}',
  },
  'package.production.urlMissing': {
    nl: 'PUBLIC_URL is niet gezet; zet het https-adres waarop de server voor Teams bereikbaar is',
    en: 'PUBLIC_URL is not set; set the https address at which Teams reaches the server',
  },
  'package.production.urlNotHttps': {
    nl: 'PUBLIC_URL {url} is geen https-adres; Teams laadt tabs en de bot alleen over https (zonder PUBLIC_URL neemt de server http://localhost aan)',
    en: 'PUBLIC_URL {url} is not an https address; Teams loads tabs and reaches the bot over https only (without PUBLIC_URL the server assumes http://localhost)',
  },
  'package.production.urlLocal': {
    nl: 'PUBLIC_URL {url} wijst naar deze machine of een IP-adres; Teams en de Bot Connector hebben een DNS-naam met een certificaat nodig die vanaf internet bereikbaar is',
    en: 'PUBLIC_URL {url} points to this machine or an IP address; Teams and the Bot Connector need a DNS name with a certificate, reachable from the internet',
  },
  'package.production.refused': {
    nl: 'Tenantmodus: geen pakket met plaatshouders of een lokaal adres ({count, plural, one {{count} probleem} other {{count} problemen}}); niets geschreven',
    en: 'Tenant mode: no package with placeholders or a local address ({count, plural, one {{count} problem} other {{count} problems}}); nothing written',
  },
  'legal.otherLanguage': { nl: 'English', en: 'Nederlands' },
  'legal.privacy.title': { nl: 'Privacyverklaring van Regiekamer', en: 'Regiekamer privacy statement' },
  'legal.privacy.intro': {
    nl: 'Regiekamer is een Teams-app (tab en bot) voor gemeenten die samen een veranderprogramma uitvoeren. Deze verklaring zegt in het kort welke persoonsgegevens Regiekamer gebruikt, waarvoor, waar ze staan en hoe lang ze bewaard worden.',
    en: 'Regiekamer is a Teams app (tab and bot) for municipalities that run a change programme together. This statement says in short which personal data Regiekamer uses, what for, where it is kept and for how long.',
  },
  'legal.privacy.controllerHeading': { nl: 'Wie is verantwoordelijk', en: 'Who is responsible' },
  'legal.privacy.controller': {
    nl: 'De gemeenten van het programma zijn verwerkingsverantwoordelijke, elk voor de gegevens van de eigen medewerkers. De gastheer-gemeente beheert de installatie van Regiekamer. Microsoft is verwerker voor wat in Microsoft 365 staat.',
    en: 'The municipalities of the programme are the controllers, each for the data of its own employees. The host municipality runs the Regiekamer installation. Microsoft is the processor for what is kept in Microsoft 365.',
  },
  'legal.privacy.whatHeading': { nl: 'Welke gegevens', en: 'Which data' },
  'legal.privacy.what.identity': {
    nl: 'Je naam, je gebruikersnaam (UPN) of e-mailadres, je object-id en tenant-id in Microsoft Entra ID, je gemeente en je rol in het programma (uit het programmabestand).',
    en: 'Your name, your user name (UPN) or e-mail address, your object id and tenant id in Microsoft Entra ID, your municipality and your role in the programme (from the programme file).',
  },
  'legal.privacy.what.work': {
    nl: 'Wat je in het programma inbrengt: voortgangsupdates, acties met eigenaar en deadline, besluiten en metingen, en de uren per week die je voor het programma beschikbaar hebt.',
    en: 'What you contribute to the programme: progress updates, actions with owner and due date, decisions and measurements, and the hours per week you have for the programme.',
  },
  'legal.privacy.what.bot': {
    nl: 'Voor de bot: de verwijzing naar het gesprek met jou of je kanaal (om je een bericht te kunnen sturen), de taal die je gebruikt, en per verstuurd bericht een bezorgregel (wat, wanneer, aan wie).',
    en: 'For the bot: the reference to its conversation with you or your channel (so it can send you a message), the language you use, and per message sent a delivery row (what, when, to whom).',
  },
  'legal.privacy.what.logs': {
    nl: 'Technische logboeken van de server, zonder namen, e-mailadressen, tokens of berichtteksten.',
    en: 'Technical logs of the server, without names, e-mail addresses, tokens or message texts.',
  },
  'legal.privacy.whyHeading': { nl: 'Waarvoor', en: 'What for' },
  'legal.privacy.why': {
    nl: 'Alleen om het programma te laten lopen: kanalen en lidmaatschap bijhouden, overleggen in de agenda zetten, acties in Planner bijhouden, om voortgang vragen en herinneren, en laten zien wat het programma oplevert en wie wat draagt. Regiekamer gebruikt de gegevens niet voor iets anders en geeft ze aan niemand buiten het programma.',
    en: 'Only to run the programme: keep channels and membership, put meetings in the calendar, keep actions in Planner, ask for progress and send reminders, and show what the programme yields and who carries what. Regiekamer uses the data for nothing else and gives it to no one outside the programme.',
  },
  'legal.privacy.whereHeading': { nl: 'Waar en hoe lang', en: 'Where and for how long' },
  'legal.privacy.where': {
    nl: 'De gegevens staan in de Microsoft 365-tenants van de gemeenten en in de database van de Regiekamer-installatie van de gastheer-gemeente. Ze blijven bewaard zolang het programma loopt; updates, gespreksverwijzingen, bezorgregels en logboeken worden daarna verwijderd volgens de bewaartermijnen die de beheerder instelt.',
    en: 'The data is kept in the municipalities’ Microsoft 365 tenants and in the database of the host municipality’s Regiekamer installation. It is kept while the programme runs; updates, conversation references, delivery rows and logs are then deleted following the retention periods the administrator sets.',
  },
  'legal.privacy.rightsHeading': { nl: 'Je rechten', en: 'Your rights' },
  'legal.privacy.rights': {
    nl: 'Je kunt inzage, correctie of verwijdering van je gegevens vragen bij de functionaris gegevensbescherming van je eigen gemeente. De beheerder kan alles over één persoon exporteren en wissen; de cijfers van het programma blijven daarbij kloppen.',
    en: 'You can ask for access to, correction or erasure of your data at the data protection officer of your own municipality. The administrator can export and erase everything about one person; the programme’s figures still add up afterwards.',
  },
  'legal.privacy.register': {
    nl: 'De details per gegeven — wat, waarom, hoe lang en wie het ziet — staan in het register van persoonsgegevens van Regiekamer (docs/privacy.md in de documentatie van Regiekamer), dat de beheerder van je gemeente je kan geven.',
    en: 'The details per item — what, why, how long and who sees it — are in Regiekamer’s register of personal data (docs/privacy.md in Regiekamer’s documentation), which your municipality’s administrator can give you.',
  },
  'legal.terms.title': { nl: 'Gebruiksvoorwaarden van Regiekamer', en: 'Regiekamer terms of use' },
  'legal.terms.intro': {
    nl: 'Regiekamer is er voor de mensen van een intergemeentelijk veranderprogramma: de werkgroepen, projectgroepen, de regiegroep en de programmaleiding.',
    en: 'Regiekamer is for the people of an inter-municipal change programme: the working groups, project groups, the steering group and the programme management.',
  },
  'legal.terms.use': {
    nl: 'Gebruik Regiekamer alleen voor het werk van het programma. Het ICT-reglement en de informatiebeveiligingsregels van je eigen gemeente blijven gelden.',
    en: 'Use Regiekamer only for the programme’s work. The ICT rules and information security rules of your own municipality still apply.',
  },
  'legal.terms.visibility': {
    nl: 'Wat je invult (updates, acties, besluiten) is zichtbaar voor de mensen van het programma die het volgens hun rol mogen zien. Zet er geen gegevens van burgers of andere vertrouwelijke gegevens in.',
    en: 'What you enter (updates, actions, decisions) is visible to the people of the programme whose role lets them see it. Do not put data about citizens or other confidential data in it.',
  },
  'legal.terms.service': {
    nl: 'De gastheer-gemeente beheert de installatie en kan die onderhouden, wijzigen of stoppen. Regiekamer wordt geleverd zoals het is, onder de MIT-licentie, zonder garantie.',
    en: 'The host municipality runs the installation and may maintain, change or stop it. Regiekamer is provided as is, under the MIT licence, without warranty.',
  },
  'legal.terms.privacy': {
    nl: 'Hoe Regiekamer met persoonsgegevens omgaat staat in de privacyverklaring.',
    en: 'How Regiekamer handles personal data is in the privacy statement.',
  },
} satisfies Record<string, Entry>;
