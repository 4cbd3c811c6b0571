// The CLI's account of every person: guests with their invitation state; counts per status; every pair that is not
// placed listed with its reason in words (Dutch, or English), the placed ones only counted.
import { describe, expect, it } from 'vitest';
import type { GuestStatus } from '../../../domain/sync/guests.ts';
import type { Placement } from '../../../domain/sync/placement.ts';
import { formatPeople, jsonPeople } from './placement-report.ts';

const guests: GuestStatus[] = [
  {
    personId: 'bram',
    name: 'Bram Beta',
    email: 'bram@beta.example',
    gemeente: 'beta',
    state: 'invited',
    userId: 'g-1',
    bodies: ['wg-communicatie'],
  },
];
const placements: Placement[] = [
  {
    personId: 'anna',
    name: 'Anna Alfa',
    bodyId: 'wg-communicatie',
    status: 'placed',
    reason: { key: 'placement.team', params: { channel: 'Communicatie' } },
  },
  {
    personId: 'bram',
    name: 'Bram Beta',
    bodyId: 'wg-communicatie',
    status: 'waiting',
    reason: { key: 'sync.reason.guestPending', params: { person: 'Bram Beta', upn: 'bram@beta.example' } },
  },
  {
    personId: 'gert',
    name: 'Gert Gamma',
    bodyId: 'wg-communicatie',
    status: 'not-placed',
    reason: { key: 'sync.reason.noGuest', params: { person: 'Gert Gamma', upn: 'gert@gamma.example' } },
  },
  {
    personId: 'dirk',
    name: 'Dirk Alfa',
    bodyId: undefined,
    status: 'no-channel',
    reason: { key: 'placement.noBody', params: {} },
  },
];

describe('the placement report', () => {
  it('lists guests and every pair that is not placed, with the reason; counts the rest', () => {
    const nl = formatPeople(guests, placements, 'nl');
    expect(nl).toEqual([
      'Gasten (1), uitnodiging per persoon:',
      '  Bram Beta (beta, bram@beta.example): uitgenodigd — wg-communicatie',
      'Mensen per orgaan: 4 in totaal — 1 geplaatst, 0 worden toegevoegd, 1 wachten op een uitnodiging, 1 niet te plaatsen, 1 zonder kanaal:',
      '  Bram Beta · wg-communicatie: wacht op uitnodiging — Bram Beta (bram@beta.example) is uitgenodigd als gast en heeft de uitnodiging nog niet geaccepteerd; wordt toegevoegd zodra dat gebeurt',
      '  Gert Gamma · wg-communicatie: niet geplaatst — Gert Gamma (gert@gamma.example) heeft nog geen gastaccount in de host-tenant: niet uitgenodigd; zet guests.invite: true in het programmabestand of laat een beheerder de persoon uitnodigen',
      '  Dirk Alfa · —: geen kanaal — zit in geen enkel orgaan: niets te plaatsen',
    ]);
    expect(formatPeople(guests, placements, 'en')[1]).toBe(
      '  Bram Beta (beta, bram@beta.example): invited — wg-communicatie',
    );
    expect(jsonPeople(guests, placements, 'en').placements).toContainEqual({
      person: 'dirk',
      body: null,
      status: 'no-channel',
      reason: 'is in no body: nothing to place',
    });
  });
});
