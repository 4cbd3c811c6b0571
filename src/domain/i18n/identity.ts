// Messages about identity across tenants (docs/identiteit.md): the bot's tenant setting, the progress ask in a
// werkgroep's shared channel for a person of another gemeente, and the answer only that person may give.
// Part of the one catalogue (../i18n.ts); keys used as they are.
import type { Entry } from '../i18n.ts';

export const identityMessages = {
  'server.config.botTenantId': {
    nl: 'BOT_TENANT_ID moet de tenant-id (GUID) zijn van de tenant waarin de bot is geregistreerd, bv. 6f1c9a4e-2b7d-4c3f-8e5a-1a9b0c7d2e02; laat hem weg voor de host-tenant van het programma',
    en: "BOT_TENANT_ID must be the tenant id (GUID) of the tenant the bot is registered in, e.g. 6f1c9a4e-2b7d-4c3f-8e5a-1a9b0c7d2e02; leave it out for the programme's host tenant",
  },
  'identity.ask.mention': {
    nl: '{mention}, deze vraag is voor jou.',
    en: '{mention}, this question is for you.',
  },
  'identity.ask.notForYou': {
    nl: 'Deze kaart is voor {name}; alleen die persoon kan hem invullen.',
    en: 'This card is for {name}; only they can fill it in.',
  },
  'server.config.botCredentials': {
    nl: 'BOT_ID is een andere app dan GRAPH_CLIENT_ID: geef het geheim of certificaat van de app-registratie van de bot met BOT_CLIENT_SECRET of BOT_CERTIFICATE_PATH',
    en: "BOT_ID is another app than GRAPH_CLIENT_ID: give the bot's app registration's secret or certificate with BOT_CLIENT_SECRET or BOT_CERTIFICATE_PATH",
  },
} satisfies Record<string, Entry>;
