// Pacing against the local tenant's enforcement of Graph's limit of 4 requests per second per team: 200
// writes to one team, all issued at once, finish close to the 50 s the limit makes necessary and receive no
// 429. This test takes about a minute by nature: the limit is in real seconds on both sides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from './endpoints/directory.ts';
import { channels, teams, userMember } from './endpoints/teams.ts';
import { startGatewayFixture, TENANT_A, type GatewayFixture } from '../../../tests/support/local-tenant.ts';

let f: GatewayFixture;
beforeAll(async () => {
  f = await startGatewayFixture({ faults: { throttling: true, share429: 0, share503: 0 } });
});
afterAll(async () => {
  await f.close();
});

describe('pacing', () => {
  it(
    '200 writes to one team: within 1.25× of the time 4 requests/s needs, and not one 429',
    { timeout: 120_000 },
    async () => {
      const g = f.graph.gateway;
      const anna = await g.request<{ id: string }>(TENANT_A, users.get('anna@alfa.example', { select: ['id'] }));
      const created = await g.request(
        TENANT_A,
        teams.create({
          'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
          displayName: 'Tempo',
          members: [userMember(anna.body.id, ['owner'])],
        }),
      );
      const teamId = /\/teams\('([^']+)'\)/.exec(created.headers['location'] ?? '')?.[1] ?? '';
      const channel = await g.request<{ id: string }>(
        TENANT_A,
        channels.create(teamId, { displayName: 'Voortgang', kind: 'standard' }),
      );
      g.resetMetrics();
      f.tenant.resetStats();

      const writes = 200;
      const started = Date.now();
      const results = await Promise.all(
        Array.from({ length: writes }, (_, i) =>
          g.request(TENANT_A, channels.update(teamId, channel.body.id, { description: `Stand ${i}` })),
        ),
      );
      const elapsedS = (Date.now() - started) / 1000;

      expect(results.every((r) => r.status === 204 || r.status === 200)).toBe(true);
      // Necessary: the first four go at once, then four per second: (200 / 4 − 1) s = 49 s.
      const necessaryS = writes / 4 - 1;
      expect(elapsedS).toBeLessThanOrEqual(1.25 * necessaryS);
      expect(elapsedS).toBeGreaterThanOrEqual(necessaryS);
      const m = g.metrics();
      expect(m).toMatchObject({ requests: writes, throttled: 0, retries: 0 });
      const served = f.tenant.stats();
      expect(served.requests).toBe(writes);
      expect(served.sent429).toBe(0);
      console.log(
        `pacing: ${writes} writes to one team in ${elapsedS.toFixed(1)} s (necessary ${necessaryS} s, ratio ${(elapsedS / necessaryS).toFixed(3)}), 429s: ${served.sent429}`,
      );
    },
  );
});
