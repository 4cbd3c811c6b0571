// The runbook a gemeente's IT follows (docs/uitrol.md, English docs/uitrol.en.md; issue 15 §3): every permission the
// README or the Teams manifest names is explained there, every permission the code's one table lists is a row of the
// permission tables in both languages, the local tenant consents exactly that table, and the English runbook names
// every command and setting the Dutch one does.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSENTED_ROLES } from '../packages/local-tenant/src/identity-keys.ts';
import { REQUIRED_ROLES } from '../src/domain/permissions.ts';

const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');

/**
 * The Microsoft Graph / Teams permission names in a text: dotted names of capitalised segments whose last segment is
 * one Microsoft uses for permissions (`User.Read.All`, `Calendars.ReadWrite`, `Channel.Create.Group`, `Team.Create`).
 */
export function permissionNames(text: string): string[] {
  const names = text.match(/\b[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)+\b/g) ?? [];
  const last = /\.(All|Group|Chat|User|Read|ReadWrite|ReadBasic|Create|Send|Invite|Exchange|CrossTenantAccess)$/;
  return [...new Set(names.filter((n) => last.test(n)))].sort();
}

/**
 * Inline code spans outside fenced blocks, with `<placeholders>` emptied (they are words of the page's language);
 * quoted output with elisions (`oplossing: …`) is in the page's language too and left out.
 */
function codeSpans(markdown: string): Set<string> {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => (m[1] ?? '').replace(/<[^>]*>/g, '<>'));
  return new Set(spans.filter((s) => !s.includes('…')));
}

describe('the runbook explains every permission', () => {
  it('finds permission names in a text, and nothing else', () => {
    expect(
      permissionNames('Needs `Foo.ReadWrite.All`, Calendars.ReadWrite and Team.Create on Node.js, not README.md'),
    ).toEqual(['Calendars.ReadWrite', 'Foo.ReadWrite.All', 'Team.Create']);
  });

  it('every permission in README.md and manifest/manifest.json appears in docs/uitrol.md and docs/uitrol.en.md', async () => {
    const named = permissionNames(`${await read('README.md')}\n${await read('manifest/manifest.json')}`);
    expect(named).toEqual(expect.arrayContaining(['User.Read.All', 'Tasks.ReadWrite.All', 'Calendars.ReadWrite']));
    for (const doc of ['docs/uitrol.md', 'docs/uitrol.en.md']) {
      const text = await read(doc);
      expect(
        named.filter((p) => !text.includes(`\`${p}\``)),
        `${doc} misses these`,
      ).toEqual([]);
    }
  });

  it('every permission of the code table is a row of a permission table, with where it is needed', async () => {
    for (const doc of ['docs/uitrol.md', 'docs/uitrol.en.md']) {
      const rows = (await read(doc)).split('\n').filter((l) => l.startsWith('| `'));
      for (const p of REQUIRED_ROLES) {
        const row = rows.find((r) => r.startsWith(`| \`${p.role}\``));
        expect(row, `${doc}: a row for ${p.role}`).toBeDefined();
        // The tenants column: host only, or every gemeente.
        expect(row, `${doc}: where ${p.role} is needed`).toMatch(
          p.tenant === 'host' ? /\| host \|/ : /\*\*(elke|every)\*\*/,
        );
      }
    }
  });

  it('the local tenant consents exactly the permissions of the code table', () => {
    expect([...CONSENTED_ROLES].sort()).toEqual(REQUIRED_ROLES.map((r) => r.role).sort());
  });

  it('the English runbook names every command, setting and value the Dutch one does, in as many sections', async () => {
    const nl = await read('docs/uitrol.md');
    const en = await read('docs/uitrol.en.md');
    const missing = [...codeSpans(nl)].filter((s) => !codeSpans(en).has(s));
    expect(missing).toEqual([]);
    expect(en.match(/^## /gm)?.length).toBe(nl.match(/^## /gm)?.length);
    // The exact cmdlets and the role of RBAC for Applications, in both.
    for (const text of [nl, en])
      for (const cmd of [
        'New-ServicePrincipal -AppId',
        'New-ManagementScope -Name',
        '-RecipientRestrictionFilter',
        'New-ManagementRoleAssignment -Name',
        '-Role "Application Calendars.ReadWrite"',
        '-CustomResourceScope',
        'Test-ServicePrincipalAuthorization -Identity',
        '/adminconsent?client_id=<GRAPH_CLIENT_ID>',
        '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
        '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
        '@Microsoft.KeyVault(SecretUri=',
        'pg_dump --format=custom',
        'pg_restore --clean',
        'regiekamer controleer',
      ])
        expect(text).toContain(cmd);
  });

  it('the README links the runbook and no longer advises an application access policy', async () => {
    const readme = await read('README.md');
    expect(readme).toContain('(docs/uitrol.md');
    expect(readme).toContain('(docs/uitrol.en.md)');
    expect(readme).not.toMatch(/restrict it to the organizer mailbox with an application access policy/);
  });
});
