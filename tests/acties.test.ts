// Action lists end to end with `npm start`: the BLNP plans and tasks appear in the local tenant; a task edited in
// Planner shows up in `regiekamer acties` after the next poll; an edit through the CLI reaches the task; bad input
// is refused with a message and changes nothing; the API wants a valid token.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
let dir: string;
let server: ChildProcess;
let stderr = '';
let stdout = '';

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/regiekamer.js', ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        REGIEKAMER_DATA_DIR: dir,
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('exit', (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

/** Resolves when the server has logged `count` more finished Planner polls (an event, not a time). */
function polls(count: number): Promise<void> {
  const seen = () => (stderr.match(/planner poll finished/g) ?? []).length;
  const target = seen() + count;
  return new Promise((resolve) => {
    const check = () => {
      if (seen() >= target) {
        server.stderr?.off('data', check);
        resolve();
      }
    };
    server.stderr?.on('data', check);
  });
}

interface Info {
  baseUrl: string;
  httpUrl: string;
  tenants: { id: string; domain: string }[];
  app: { clientId: string; clientSecret: string };
}
async function graph(
  method: string,
  p: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> & { value?: Record<string, unknown>[] } }> {
  const info = JSON.parse(await readFile(path.join(dir, 'local-tenant.json'), 'utf8')) as Info;
  const host = info.tenants.find((t) => t.domain === 'leusden.example')?.id as string;
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: info.app.clientId,
    client_secret: info.app.clientSecret,
    scope: 'https://graph.microsoft.com/.default',
  });
  const token = (
    (await (await fetch(`${info.httpUrl}/${host}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as {
      access_token: string;
    }
  ).access_token;
  const init: RequestInit = {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${info.httpUrl}/v1.0${p}`, init);
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function api(
  method: string,
  p: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const info = JSON.parse(await readFile(path.join(dir, 'local-tenant.json'), 'utf8')) as Info;
  const host = info.tenants.find((t) => t.domain === 'leusden.example')?.id as string;
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: info.app.clientId,
    client_secret: info.app.clientSecret,
    scope: 'api://regiekamer/.default',
  });
  const token = (
    (await (await fetch(`${info.httpUrl}/${host}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as {
      access_token: string;
    }
  ).access_token;
  const url = (JSON.parse(await readFile(path.join(dir, 'server.json'), 'utf8')) as { url: string }).url;
  const init: RequestInit = {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${url}/api${p}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-acties-'));
  server = spawn(process.execPath, ['bin/regiekamer.js', 'start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      REGIEKAMER_DATA_DIR: dir,
      PORT: '0',
      LOCAL_TENANT_PORT: '0',
      LOCAL_TENANT_HTTP_PORT: '0',
      LOG_LEVEL: 'info',
      PLANNER_POLL_SECONDS: '5',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  server.stderr?.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  // The first poll after the first sync makes the plans and tasks.
  await new Promise<void>((resolve) => {
    const check = () => {
      if (/"planner".*"created":\d+/.test(stderr)) resolve();
    };
    server.stderr?.on('data', check);
  });
}, 240_000);

afterAll(async () => {
  server?.kill('SIGINT');
  if (server && server.exitCode === null) await once(server, 'exit');
});

describe('regiekamer acties with npm start', () => {
  it('lists the seeded actions, and the local tenant has the plans and tasks', { timeout: 60_000 }, async () => {
    const r = await cli(['acties', '--werkgroep', 'wg-ict', '--json']);
    expect(r.code).toBe(0);
    const list = (JSON.parse(r.stdout) as { actions: { id: string; inPlanner: boolean }[] }).actions;
    expect(list.length).toBeGreaterThan(15);
    expect(list.every((a) => a.inPlanner)).toBe(true);
    const all = JSON.parse((await cli(['acties', '--json'])).stdout) as { actions: unknown[] };
    expect(all.actions.length).toBeGreaterThanOrEqual(150);
    const text = await cli(['acties', '--werkgroep', 'wg-ict']);
    expect(text.stdout).toMatch(/^Werkgroep ICT/m);
    expect(stdout).toContain('Sync');
  });

  it(
    'an edit in Planner shows up after the next poll; an edit through the CLI reaches the task',
    { timeout: 120_000 },
    async () => {
      const list = (
        JSON.parse((await cli(['acties', '--werkgroep', 'wg-ict', '--json'])).stdout) as {
          actions: { id: string; title: string; status: string }[];
        }
      ).actions;
      const first = list[0];
      const second = list[1];
      if (!first || !second) throw new Error('no actions');
      // Find the task of the first action by its title in the werkgroep's plan, and rename it "in Planner".
      const groups = await graph(
        'GET',
        `/groups?$filter=${encodeURIComponent("displayName eq 'BLNP Versterking samenwerking'")}`,
      );
      const plans = await graph('GET', `/groups/${String(groups.body.value?.[0]?.['id'])}/planner/plans`);
      const planId = String(
        plans.body.value?.find((p) => p['title'] === 'Werkgroep ICT')?.['id'] ??
          plans.body.value?.find((p) => String(p['title']).includes('ICT'))?.['id'],
      );
      const tasks = await graph('GET', `/planner/plans/${planId}/tasks?$top=999`);
      const t1 = tasks.body.value?.find((t) => t['title'] === first.title);
      // The plan is a tab in the werkgroep's channel.
      const teamId = String(groups.body.value?.[0]?.['id']);
      const channels = await graph('GET', `/teams/${teamId}/channels?$top=50`);
      const ict = channels.body.value?.find(
        (c) => String(c['displayName']).startsWith('Werkgroep ICT') || String(c['displayName']).includes('ICT'),
      );
      const tabs = await graph('GET', `/teams/${teamId}/channels/${encodeURIComponent(String(ict?.['id']))}/tabs`);
      expect(
        tabs.body.value?.some(
          (t) =>
            t['displayName'] === 'Acties' &&
            (t['configuration'] as { entityId?: string } | undefined)?.entityId === planId,
        ),
      ).toBe(true);
      expect(t1).toBeDefined();
      const renamed = await graph(
        'PATCH',
        `/planner/tasks/${String(t1?.['id'])}`,
        { title: `${first.title} (bijgewerkt in Planner)` },
        { 'If-Match': String(t1?.['@odata.etag']) },
      );
      expect(renamed.status).toBeLessThan(300);
      // Two finished polls: the second began after the edit, whatever was running when it was made.
      await polls(2);
      const after = (
        JSON.parse((await cli(['acties', '--werkgroep', 'wg-ict', '--json'])).stdout) as {
          actions: { id: string; title: string }[];
        }
      ).actions;
      expect(after.find((a) => a.id === first.id)?.title).toBe(`${first.title} (bijgewerkt in Planner)`);

      const edited = await cli(['acties', '--wijzig', second.id, '--status', 'gereed', '--deadline', '2027-01-15']);
      expect(edited.code).toBe(0);
      expect(edited.stdout).toContain('gereed');
      // Two finished polls: the second began after the edit, whatever was running when it was made.
      await polls(2);
      const t2 = (await graph('GET', `/planner/plans/${planId}/tasks?$top=999`)).body.value?.find(
        (t) => t['title'] === second.title,
      );
      expect(t2).toMatchObject({ percentComplete: 100, dueDateTime: '2027-01-15T00:00:00Z' });
    },
  );

  it(
    'shows who carries what against their hours, over the limit flagged, highest load first',
    { timeout: 60_000 },
    async () => {
      const r = await cli(['capaciteit', '--json']);
      expect(r.code).toBe(0);
      const people = (
        JSON.parse(r.stdout) as { people: { name: string; ratio: number; overLimit: boolean; openActions: number }[] }
      ).people;
      expect(people.length).toBe(55);
      expect(people.some((p) => p.overLimit)).toBe(true);
      expect(people.some((p) => !p.overLimit)).toBe(true);
      const ratios = people.map((p) => p.ratio);
      expect(ratios).toEqual([...ratios].sort((a, b) => b - a));
      const text = await cli(['capaciteit']);
      expect(text.stdout).toContain('boven de beschikbare uren');
    },
  );

  it('shows the decision log with the lead time per level and the medians', { timeout: 60_000 }, async () => {
    const r = await cli(['besluiten', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      decisions: { id: string; leadTimes: { totalDays: number; levels: unknown[] } }[];
      medians: { levels: { level: string; medianDays: number }[] };
    };
    expect(body.decisions).toHaveLength(12);
    expect(body.decisions.every((b) => b.leadTimes.levels.length > 0 && b.leadTimes.totalDays >= 0)).toBe(true);
    expect(body.medians.levels[0]?.level).toBe('werkgroep');
    const text = await cli(['besluiten']);
    expect(text.stdout).toContain('Mediane doorlooptijd per niveau');
  });

  it(
    'records what an action waits on, refuses a cycle with a message, and lists the chains oldest wait first',
    { timeout: 60_000 },
    async () => {
      const list = (
        JSON.parse((await cli(['acties', '--werkgroep', 'wg-jz', '--json'])).stdout) as {
          actions: { id: string; status: string }[];
        }
      ).actions.filter((a) => a.status !== 'gereed');
      const [a, b] = list;
      if (!a || !b) throw new Error('not enough open actions');
      expect((await api('POST', `/acties/${a.id}/blokkades`, { kind: 'action', id: b.id })).status).toBe(201);
      const cycle = await api('POST', `/acties/${b.id}/blokkades`, { kind: 'action', id: a.id });
      expect(cycle.status).toBe(400);
      expect(String(cycle.body['message'])).toContain('kringloop van wachten');
      expect(String(cycle.body['message'])).toMatch(
        new RegExp(`${a.id} → ${b.id} → ${a.id}|${b.id} → ${a.id} → ${b.id}`),
      );
      const chains = (await api('GET', '/wachtrij')).body['chains'] as {
        items: { id: string }[];
        oldestWaitDays?: number;
      }[];
      expect(
        chains.some((c) => c.items.some((i) => i.id.includes(a.id)) && c.items.some((i) => i.id.includes(b.id))),
      ).toBe(true);
      const waits = chains.map((c) => c.oldestWaitDays).filter((x): x is number => x !== undefined);
      expect(waits).toEqual([...waits].sort((x, y) => y - x));
      expect((await api('POST', `/acties/${a.id}/blokkades`, { kind: 'besluit', id: 'x' })).status).toBe(400);
    },
  );

  it(
    'prioritises the backlog of a werkgroep and turns a topic into an action that reaches Planner',
    { timeout: 60_000 },
    async () => {
      const backlog = (await api('GET', '/backlog?werkgroep=wg-ict')).body['topics'] as {
        id: string;
        title: string;
        priority: number | null;
        action: string | null;
      }[];
      const open = backlog.filter((t) => t.action === null);
      const done = backlog.find((t) => t.action !== null);
      const [first, second] = open;
      if (!first || !second || !done) throw new Error('the ICT backlog should have topics with and without actions');
      expect((await api('PUT', `/backlog/${second.id}/prioriteit`, { werkgroep: 'wg-ict', priority: 1 })).status).toBe(
        200,
      );
      expect((await api('PUT', `/backlog/${first.id}/prioriteit`, { werkgroep: 'wg-ict', priority: 2 })).status).toBe(
        200,
      );
      const ordered = (await api('GET', '/backlog?werkgroep=wg-ict')).body['topics'] as { id: string }[];
      expect(ordered.slice(0, 2).map((t) => t.id)).toEqual([second.id, first.id]);
      const made = await api('POST', `/backlog/${second.id}/actie`, { werkgroep: 'wg-ict', due: '2027-02-01' });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ title: second.title, due: '2027-02-01', status: 'open' });
      expect((await api('POST', `/backlog/${second.id}/actie`, { werkgroep: 'wg-ict' })).status).toBe(409);
      expect((await api('POST', `/backlog/${done.id}/actie`, { werkgroep: 'wg-ict' })).status).toBe(409);
      expect(
        (await api('PUT', `/backlog/${first.id}/prioriteit`, { werkgroep: 'wg-ict', priority: 'hoog' })).status,
      ).toBe(400);
      await polls(2);
      const list = (
        JSON.parse((await cli(['acties', '--werkgroep', 'wg-ict', '--json'])).stdout) as {
          actions: { id: string; inPlanner: boolean }[];
        }
      ).actions;
      expect(list.find((a) => a.id === String(made.body['id']))?.inPlanner).toBe(true);
    },
  );

  it('refuses bad input with a message and changes nothing; the API wants a token', { timeout: 60_000 }, async () => {
    const list = (
      JSON.parse((await cli(['acties', '--werkgroep', 'wg-hrm', '--json'])).stdout) as {
        actions: { id: string; due: string | null; status: string }[];
      }
    ).actions;
    const a = list[0];
    if (!a) throw new Error('no actions');
    const bad = await cli(['acties', '--wijzig', a.id, '--deadline', '2026-13-45', '--status', 'klaar']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ongeldige invoer');
    expect(bad.stderr).toContain('nothing was changed');
    expect(bad.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const again = (
      JSON.parse((await cli(['acties', '--werkgroep', 'wg-hrm', '--json'])).stdout) as {
        actions: { id: string; due: string | null; status: string }[];
      }
    ).actions.find((x) => x.id === a.id);
    expect(again).toMatchObject({ due: a.due, status: a.status });
    const unknown = await cli(['acties', '--wijzig', 'bestaat-niet', '--status', 'gereed']);
    expect(unknown.code).toBe(2);
    const url = (JSON.parse(await readFile(path.join(dir, 'server.json'), 'utf8')) as { url: string }).url;
    const anonymous = await fetch(`${url}/api/acties`);
    expect(anonymous.status).toBe(401);
    const forged = await fetch(`${url}/api/acties`, {
      headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiJ4In0.c2ln' },
    });
    expect(forged.status).toBe(401);
  });

  it(
    'regiekamer agenda: the December regiegroep through the server; the one-click nudge; bad input exits 2',
    { timeout: 60_000 },
    async () => {
      const r = await cli(['agenda', '--body', 'regiegroep', '--date', '2026-12-08', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const a = JSON.parse(r.stdout) as {
        meeting: { key: string };
        werkgroepen: { id: string; update: unknown }[];
        missingUpdates: { werkgroep: string; trekker: string }[];
      };
      expect(a.meeting.key).toBe('regiegroep:2026-12-08');
      expect(a.werkgroepen).toHaveLength(9);
      expect(a.missingUpdates.map((m) => m.werkgroep)).toEqual(
        a.werkgroepen.filter((w) => w.update === null).map((w) => w.id),
      );
      const text = await cli(['agenda', '--date', '2026-12-08', '--lang', 'en']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Agenda Regiegroep, 2026-12-08');
      // The nudge, as the app (rhythm.trigger): the bot's reminder to each trekker without an update, queued now.
      const nudged = await api('POST', '/agenda/herinneringen', { date: '2026-12-08' });
      expect(nudged.status, JSON.stringify(nudged.body)).toBe(202);
      expect(nudged.body['nudged']).toEqual(
        a.missingUpdates.map((m) => ({ werkgroep: m.werkgroep, trekker: m.trekker })),
      );
      const unknown = await cli(['agenda', '--body', 'onbekend']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(
        /'onbekend' is geen regiegroep of projectgroep.* \/ 'onbekend' is not a regiegroep/,
      );
      const badDate = await cli(['agenda', '--date', '2026-02-30']);
      expect(badDate.code).toBe(2);
      expect(badDate.stderr).toContain('ongeldige invoer');
      expect(badDate.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      // An item added to the agenda (the app's token may, as the projectleider), at the end of the list.
      const punt = await cli(['agenda', '--date', '2026-12-08', '--punt', 'Rondvraag', '--toelichting', 'Kort']);
      expect(punt.code, punt.stderr).toBe(0);
      expect(punt.stdout).toContain("Agendapunt 'Rondvraag' toegevoegd (punt:1)");
      expect(punt.stdout).toMatch(/^\d+\. Rondvraag\n\n/m);
      const empty = await cli(['agenda', '--date', '2026-12-08', '--punt', '  ']);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('title');
    },
  );

  it(
    'enters a decision: propose, move, an outcome that must be chosen, undo; bad input exits 2',
    { timeout: 90_000 },
    async () => {
      const made = await cli([
        'besluiten',
        '--voorstel',
        'Eén zaaksysteem voor vier gemeenten',
        '--tekst',
        'De werkgroep stelt voor één zaaksysteem aan te schaffen.',
        '--werkgroep',
        'wg-hrm',
        '--niveau',
        'werkgroep',
        '--json',
      ]);
      expect(made.code, made.stderr).toBe(0);
      const id = (JSON.parse(made.stdout) as { id: string }).id;
      const moved = await cli(['besluiten', '--verplaats', id, '--niveau', 'regiegroep']);
      expect(moved.code, moved.stderr).toBe(0);
      expect(moved.stdout).toContain('ligt bij regiegroep');
      const noOutcome = await cli(['besluiten', '--sluit', id]);
      expect(noOutcome.code).toBe(2);
      expect(noOutcome.stderr).toContain('outcome');
      const closed = await cli(['besluiten', '--sluit', id, '--uitkomst', 'besloten']);
      expect(closed.code, closed.stderr).toBe(0);
      expect(closed.stdout).toContain('besloten');
      const undone = await cli(['besluiten', '--ongedaan', id, '--json']);
      expect(undone.code, undone.stderr).toBe(0);
      expect(JSON.parse(undone.stdout)).toMatchObject({ id, steps: [{ level: 'werkgroep' }, { level: 'regiegroep' }] });
      expect((JSON.parse(undone.stdout) as { outcome?: unknown }).outcome).toBeUndefined();
      const badLevel = await cli([
        'besluiten',
        '--voorstel',
        'x',
        '--tekst',
        'y',
        '--werkgroep',
        'wg-hrm',
        '--niveau',
        'kantine',
      ]);
      expect(badLevel.code).toBe(2);
      expect(badLevel.stderr).toMatch(/ongeldige invoer.+\/ .+/s);
      expect((await cli(['besluiten', '--intrekken', 'bestaat-niet'])).code).toBe(2);
    },
  );
});
