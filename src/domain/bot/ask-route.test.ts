// Where the progress ask goes (docs/identiteit.md): a personal chat for people with an account in the host tenant
// (the host gemeente's people, accepted guests), the werkgroep's shared channel for people of other tenants, nowhere
// when neither can reach them. BLNP: Leusden is host; wg-hrm's trekker is of Nijkerk, wg-financien's of Leusden.
import { describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { askRoute } from './ask-route.ts';
import type { Programme } from '../programme/schema.ts';

const blnp = await loadProgramme('blnp');
const none = new Set<string>();

describe('the route of the progress ask', () => {
  it('is the personal chat for a person of the host gemeente', () => {
    expect(blnp.people.find((p) => p.id === 'th-financien')?.gemeente).toBe('leusden');
    expect(askRoute(blnp, 'th-financien', 'wg-financien', none)).toEqual({ via: 'personal' });
  });

  it("is the werkgroep's shared channel for a person of another gemeente without a host account", () => {
    expect(blnp.people.find((p) => p.id === 'th-hrm')?.gemeente).toBe('nijkerk');
    expect(askRoute(blnp, 'th-hrm', 'wg-hrm', none)).toEqual({ via: 'channel', werkgroep: 'wg-hrm' });
  });

  it('is the personal chat for a person of another gemeente with an accepted guest account in the host tenant', () => {
    expect(askRoute(blnp, 'th-hrm', 'wg-hrm', new Set(['th-hrm']))).toEqual({ via: 'personal' });
    // Someone else's guest account does not count for them.
    expect(askRoute(blnp, 'th-hrm', 'wg-hrm', new Set(['th-ict']))).toEqual({ via: 'channel', werkgroep: 'wg-hrm' });
  });

  it('is nowhere for a person of another gemeente whose werkgroep has no shared channel, or for someone unknown', () => {
    const privateHrm: Programme = {
      ...blnp,
      bodies: blnp.bodies.map((b) =>
        b.id === 'wg-hrm' ? { ...b, channel: { kind: 'private', externalAccess: 'guest' } } : b,
      ) as Programme['bodies'],
    };
    expect(askRoute(privateHrm, 'th-hrm', 'wg-hrm', none)).toEqual({ via: 'none', reason: 'no-shared-channel' });
    expect(askRoute(blnp, 'niemand', 'wg-hrm', none)).toEqual({ via: 'none', reason: 'unknown-person' });
  });

  it('is the personal chat for everyone in a programme without a host gemeente (one tenant)', () => {
    const oneTenant = { ...blnp, gemeenten: blnp.gemeenten.map((g) => ({ ...g, host: false })) };
    expect(askRoute(oneTenant, 'th-hrm', 'wg-hrm', none)).toEqual({ via: 'personal' });
  });
});
