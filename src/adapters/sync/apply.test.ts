// Failed changes are named in words a projectleider can act on, not as status codes.
import { describe, expect, it } from 'vitest';
import { t } from '../../domain/i18n.ts';
import type { Change } from '../../domain/sync/plan.ts';
import { failureReason } from './apply.ts';

const change = (apply: Change['apply']): Change => ({
  id: 'x',
  kind: 'channel-member',
  action: 'add',
  group: 'wg',
  target: 'Bram Beta → Werkgroep ICT',
  reason: { key: 'sync.reason.member', params: {} },
  destructive: false,
  drift: false,
  apply,
});

describe('failureReason', () => {
  it('names a missing direct connect, a person gone, a throttled tenant, a missing parent and a conflict', () => {
    const cross = change({ op: 'addChannelMember', channelKey: 'channel:wg', userId: 'u', tenantId: 't' });
    const words = (r: ReturnType<typeof failureReason>, lang: 'nl' | 'en' = 'nl') =>
      t(r.key as Parameters<typeof t>[0], r.params, lang);
    expect(words(failureReason(cross, { status: 403, code: 'Forbidden' }))).toContain('geen B2B direct connect');
    expect(words(failureReason(cross, { status: 403, code: 'Forbidden' }), 'en')).toContain('no B2B direct connect');
    expect(words(failureReason(cross, { status: 404, code: 'NotFound' }))).toBe(
      'Bram Beta → Werkgroep ICT: persoon niet gevonden of account uitgeschakeld',
    );
    expect(words(failureReason(cross, { status: 429, code: 'TooManyRequests' }))).toContain('bleef afknijpen (429)');
    expect(failureReason(cross, { status: 424, code: 'ParentMissing' }).key).toBe('sync.error.parentMissing');
    expect(failureReason(cross, { status: 412, code: 'PreconditionFailed' }).key).toBe('sync.error.conflict');
    expect(
      words(
        failureReason(
          change({
            op: 'createChannel',
            channelKey: 'c',
            displayName: 'X',
            description: '',
            kind: 'standard',
            ownerUserId: undefined,
          }),
          { status: 400, code: 'BadRequest' },
        ),
      ),
    ).toBe('Graph antwoordde 400 BadRequest');
  });
});
