// Messages about people of other gemeenten who join as guests, and where every person of the file is placed
// (issue 14 §4). Spread at the end of the domain namespace (./domain.ts); keys used as they are.
import type { Entry } from '../i18n.ts';

export const guestMessages = {
  'channel.sharedGuest': {
    nl: "kanaal van '{name}': een gedeeld kanaal neemt mensen uit andere tenants op via B2B direct connect, niet als gast; gebruik externalAccess: direct-connect, of kind: private/standard met externalAccess: guest",
    en: "channel of '{name}': a shared channel takes people from other tenants via B2B direct connect, not as guests; use externalAccess: direct-connect, or kind: private/standard with externalAccess: guest",
  },
  'sync.reason.guestToInvite': {
    nl: '{person} ({upn}) heeft nog geen gastaccount in de host-tenant; wordt nu uitgenodigd en toegevoegd zodra de uitnodiging is geaccepteerd',
    en: '{person} ({upn}) has no guest account in the host tenant yet; is invited now and added once the invitation is accepted',
  },
  'sync.reason.guestPending': {
    nl: '{person} ({upn}) is uitgenodigd als gast en heeft de uitnodiging nog niet geaccepteerd; wordt toegevoegd zodra dat gebeurt',
    en: '{person} ({upn}) has been invited as a guest and has not accepted yet; added once they do',
  },
  'sync.reason.invite': {
    nl: 'uitnodigen als gast in de host-tenant ({email}), nodig om mee te doen in {bodies}',
    en: 'invite as a guest into the host tenant ({email}), needed to take part in {bodies}',
  },
  'sync.reason.guestMember': {
    nl: 'gast uit {gemeente}, lid van {body}',
    en: 'guest from {gemeente}, member of {body}',
  },
  'sync.kind.guest': { nl: 'gast', en: 'guest' },
  'sync.action.invite': { nl: 'uitnodigen', en: 'invite' },
  'guest.state.not-invited': { nl: 'niet uitgenodigd', en: 'not invited' },
  'guest.state.invited': { nl: 'uitgenodigd', en: 'invited' },
  'guest.state.accepted': { nl: 'geaccepteerd', en: 'accepted' },
  'placement.team': {
    nl: 'in het team (ziet het standaardkanaal {channel})',
    en: 'in the team (sees the standard channel {channel})',
  },
  'placement.channel': { nl: 'lid van kanaal {channel}', en: 'member of channel {channel}' },
  'placement.noChannel': {
    nl: '{body} heeft geen kanaal: alleen via de vergaderingen',
    en: '{body} has no channel: only through its meetings',
  },
  'placement.noBody': {
    nl: 'zit in geen enkel orgaan: niets te plaatsen',
    en: 'is in no body: nothing to place',
  },
  'placement.unrouted': {
    nl: 'niets in de synchronisatie plaatst deze persoon in {channel} (fout in Regiekamer; meld dit)',
    en: 'nothing in the sync places this person in {channel} (a fault in Regiekamer; report it)',
  },
  'placement.guestsHeader': {
    nl: 'Gasten ({count}), uitnodiging per persoon:',
    en: 'Guests ({count}), invitation per person:',
  },
  'placement.header': {
    nl: 'Mensen per orgaan: {pairs} in totaal — {placed} geplaatst, {planned} worden toegevoegd, {waiting} wachten op een uitnodiging, {notPlaced} niet te plaatsen, {noChannel} zonder kanaal:',
    en: 'People per body: {pairs} in all — {placed} placed, {planned} to be added, {waiting} waiting for an invitation, {notPlaced} cannot be placed, {noChannel} without a channel:',
  },
  'placement.status.placed': { nl: 'geplaatst', en: 'placed' },
  'placement.status.planned': { nl: 'wordt toegevoegd', en: 'to be added' },
  'placement.status.waiting': { nl: 'wacht op uitnodiging', en: 'waiting for invitation' },
  'placement.status.not-placed': { nl: 'niet geplaatst', en: 'not placed' },
  'placement.status.no-channel': { nl: 'geen kanaal', en: 'no channel' },
} satisfies Record<string, Entry>;
