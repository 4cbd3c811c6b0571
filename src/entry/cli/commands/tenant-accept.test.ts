// Guests in the local tenant (issue 14 §4): POST /invitations makes a guest user awaiting acceptance and refuses
// what Graph refuses; `regiekamer tenant accept EMAIL` accepts it in the running tenant, once.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startLocalTenant, trustingFetch } from '@regiekamer/local-tenant';
import { testDirectory, testIdentity, testToken, TENANT_A } from '@regiekamer/local-tenant/testing';
import { loadConfig } from '../../../platform/config.ts';
import type { CliIo } from '../io.ts';
import { tenantAcceptCommand } from './tenant-accept.ts';

function io(): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return {
    io: { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: os.tmpdir() },
    out: () => out,
    err: () => err,
  };
}

describe('guests in the local tenant', () => {
  it('invites, refuses bad invitations, and `tenant accept` accepts once', { timeout: 120_000 }, async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'rk-accept-'));
    const config = loadConfig({ REGIEKAMER_DATA_DIR: root, LOG_LEVEL: 'silent' }, root);
    const none = io();
    // No tenant running yet: said in words, exit 1.
    expect(await tenantAcceptCommand(none.io, config, 'gast@beta.example')).toBe(1);
    expect(none.err()).toContain('lokale tenant');

    const tenant = await startLocalTenant({
      directory: testDirectory(),
      dataDir: path.join(root, 'local-tenant'),
      port: 0,
      httpPort: null,
      identity: testIdentity,
    });
    const trusted = await trustingFetch(tenant.caCertPem);
    try {
      const post = async (body: unknown) => {
        const res = await trusted.fetch(`${tenant.baseUrl}/v1.0/invitations`, {
          method: 'POST',
          headers: { Authorization: testToken(TENANT_A), 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      const ok = {
        invitedUserEmailAddress: 'gast@beta.example',
        invitedUserDisplayName: 'Gast Beta',
        inviteRedirectUrl: 'https://teams.microsoft.com',
        sendInvitationMessage: true,
      };
      expect((await post({ ...ok, invitedUserEmailAddress: 'geen-adres' })).status).toBe(400);
      expect((await post({ invitedUserEmailAddress: 'gast@beta.example' })).status).toBe(400);
      expect((await post({ ...ok, redirectUrl: 'x' })).status).toBe(400);
      const invited = await post(ok);
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({
        invitedUserEmailAddress: 'gast@beta.example',
        status: 'PendingAcceptance',
        invitedUserType: 'Guest',
      });
      const userId = (invited.body['invitedUser'] as { id: string }).id;
      const user = async () => {
        const res = await trusted.fetch(
          `${tenant.baseUrl}/v1.0/users/${userId}?$select=id,mail,userType,externalUserState`,
          { headers: { Authorization: testToken(TENANT_A) } },
        );
        return (await res.json()) as Record<string, unknown>;
      };
      expect(await user()).toMatchObject({ userType: 'Guest', externalUserState: 'PendingAcceptance' });

      const accept = io();
      expect(await tenantAcceptCommand(accept.io, config, 'GAST@beta.example')).toBe(0);
      expect(accept.out()).toContain('gast@beta.example');
      expect(await user()).toMatchObject({ externalUserState: 'Accepted' });
      // Nothing pending any more: exit 2 with the reason.
      const again = io();
      expect(await tenantAcceptCommand(again.io, config, 'gast@beta.example')).toBe(2);
      expect(again.err()).toContain('geen openstaande uitnodiging');
    } finally {
      await trusted.close();
      await tenant.stop();
      await rm(root, { recursive: true, force: true });
    }
  });
});
