// The settings part of `regiekamer controleer`: the bot's id, endpoint and tenant, and the Teams package's ids and
// URL — the local placeholders, a localhost or http address and a bot in another tenant than the host fail.
import { describe, expect, it } from 'vitest';
import { deploymentChecks, type DeploymentSettings } from './preflight-deployment.ts';

const HOST = '2e5c8b3d-9f4a-4b7c-8d6e-8f3a2b1c4d22';
const OTHER = '1d4b7a2c-8e3f-4a6b-9c5d-7e2f1a0b3c11';
const placeholders = {
  botId: '00000000-0000-4000-8000-00000000b001',
  teamsAppId: '00000000-0000-4000-8000-00000000a001',
};
const good: DeploymentSettings = {
  botId: '7d1e5c2a-3b4f-4c6d-8e9f-0a1b2c3d4e5f',
  teamsAppId: '8e2f6d3b-4c5a-4d7e-9f0a-1b2c3d4e5f60',
  publicUrl: 'https://regiekamer.eemnes.example/',
  botTenantId: undefined,
  placeholders,
};
const summary = (s: DeploymentSettings) => deploymentChecks(s, HOST).map((c) => `${c.check}:${c.status}:${c.what.key}`);

describe('the bot and Teams package checks', () => {
  it('pass on real ids, a public https URL and the host tenant, and print the messaging endpoint', () => {
    const checks = deploymentChecks({ ...good, botTenantId: HOST.toUpperCase() }, HOST);
    expect(checks.map((c) => c.status)).toEqual(['ok', 'ok']);
    expect(checks[0]?.what.params['endpoint']).toBe('https://regiekamer.eemnes.example/api/messages');
  });

  it('fail on the local placeholders, a missing id, localhost or http, and a bot outside the host tenant', () => {
    expect(summary({ ...good, botId: placeholders.botId })).toEqual([
      'bot:fail:controleer.bot.noId',
      'package:fail:controleer.package.placeholder',
    ]);
    expect(summary({ ...good, teamsAppId: undefined })).toEqual([
      'bot:ok:controleer.bot.ok',
      'package:fail:controleer.package.placeholder',
    ]);
    for (const url of [
      'http://regiekamer.eemnes.example',
      'https://localhost:3978',
      'https://127.0.0.1',
      'https://x.localhost',
    ])
      expect(summary({ ...good, publicUrl: url }), url).toEqual([
        'bot:fail:controleer.bot.publicUrl',
        'package:fail:controleer.package.placeholder',
      ]);
    const other = deploymentChecks({ ...good, botTenantId: OTHER }, HOST);
    expect(other.map((c) => `${c.check}:${c.status}:${c.what.key}`)).toEqual([
      'bot:fail:controleer.bot.tenant',
      'package:ok:controleer.package.ok',
    ]);
    expect(other[0]?.fix?.params).toEqual({ hostTenant: HOST });
  });
});
