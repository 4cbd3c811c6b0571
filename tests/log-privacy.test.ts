// Logs carry no personal data (issue 15 §5): a full local start — the server with the local tenant, the seeds, the
// first sync into the local tenant, the Planner poll, the bot's rhythm, the retention job and the Agents Playground;
// bot activity (an install, messages, an update card submitted); then Ctrl-C — at LOG_LEVEL=trace, and every line it
// wrote is scanned for every person's name, UPN and e-mail address of the programme, for anything shaped like a
// token (a JWT) or the app's client secret, and for the texts people sent the bot.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStart } from './helpers/stack.ts';
import { loadProgramme } from './helpers/programmes.ts';

const blnp = await loadProgramme('blnp');
const JWT = /eyJ[\w-]{5,}\.eyJ[\w-]{5,}\.[\w-]+/;
const SECRETS = {
  message: 'Vertrouwelijk bericht 4f7c: de begroting van Putten ligt onder vuur',
  progress: 'Voortgangstekst 9b2e over het zaaksysteem en de aanbesteding',
  blockers: 'Knelpunt 3d1a: de leverancier reageert niet',
};

/** A chat client on this machine, as the Agents Playground is: it takes the bot's replies and counts them. */
async function replySink(): Promise<{ url: string; replies: () => number; close(): Promise<void> }> {
  let replies = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST' && /\/v3\/conversations\/.+\/activities/.test(req.url ?? '')) replies++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    replies: () => replies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let run: RunningStart | undefined;
let dataDir = '';
let connector: Awaited<ReturnType<typeof replySink>> | undefined;
afterAll(async () => {
  await connector?.close();
  if (run && run.child.exitCode === null) {
    run.child.kill('SIGINT');
    await once(run.child, 'exit');
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Every line of `text` that names a person of BLNP, holds a JWT or the client secret, or a text sent to the bot. */
function findingsIn(text: string, clientSecret: string): string[] {
  const findings: string[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    const lower = line.toLowerCase();
    for (const p of blnp.people)
      for (const term of [p.name, p.upn, p.email].filter((x): x is string => !!x))
        if (lower.includes(term.toLowerCase())) findings.push(`line ${i}: ${p.id} (${term}): ${line.slice(0, 300)}`);
    if (JWT.test(line)) findings.push(`line ${i}: a JWT: ${line.slice(0, 300)}`);
    if (line.includes(clientSecret)) findings.push(`line ${i}: the client secret`);
    for (const [what, sent] of Object.entries(SECRETS))
      if (line.includes(sent.slice(0, 24))) findings.push(`line ${i}: the ${what} text: ${line.slice(0, 300)}`);
  }
  return findings;
}

describe('the log of a full local start', () => {
  it('names nobody, holds no token or secret and none of the texts people sent', { timeout: 300_000 }, async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'rk-logscan-'));
    connector = await replySink();
    const sink = connector;
    run = startStack({
      REGIEKAMER_DATA_DIR: dataDir,
      PORT: '0',
      LOCAL_TENANT_PORT: '0',
      LOCAL_TENANT_HTTP_PORT: '0',
      // The Agents Playground too (a port of its own; it falls back to a free one when it is taken).
      PLAYGROUND_PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
      LOG_LEVEL: 'trace',
    });
    const url = await run.url;
    await run.line(/Agents Playground: http:\/\/localhost:\d+/);
    // The first sync into the local tenant, the Planner poll after it, and the retention job have run.
    await run.line(/Sync\s+\d+ gemaakt/);
    await run.line(/"msg":"planner poll finished"/);
    await run.line(/"msg":"retention applied"/);

    // Bot activity as the Playground sends it (no token, a service URL on this machine, which takes the replies):
    // install, messages, a card.
    const conversation = { id: `a:${randomUUID()}`, conversationType: 'personal', tenantId: randomUUID() };
    const from = { id: `29:${randomUUID()}`, aadObjectId: randomUUID(), name: blnp.people[0]?.name ?? '' };
    const post = async (activity: Record<string, unknown>) => {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: randomUUID(),
          timestamp: new Date().toISOString(),
          channelId: 'msteams',
          serviceUrl: `${sink.url}/`,
          from,
          recipient: { id: '28:regiekamer', name: 'Regiekamer' },
          conversation,
          locale: 'nl-NL',
          ...activity,
        }),
      });
      await res.arrayBuffer();
      return res.status;
    };
    expect(await post({ type: 'conversationUpdate', membersAdded: [{ id: '28:regiekamer' }] })).toBeLessThan(300);
    expect(await post({ type: 'message', text: 'help' })).toBeLessThan(300);
    expect(await post({ type: 'message', text: SECRETS.message })).toBeLessThan(300);
    const werkgroep = blnp.bodies.find((b) => b.kind === 'werkgroep');
    expect(
      await post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'update.submit',
            data: {
              werkgroep: werkgroep?.id,
              period: 'regiegroep:2026-12-08',
              status: 'op-koers',
              progress: SECRETS.progress,
              blockers: SECRETS.blockers,
            },
          },
        },
      }),
    ).toBeLessThan(300);

    // The bot answered both messages (the card is the invoke's own answer).
    expect(sink.replies()).toBeGreaterThanOrEqual(2);
    run.child.kill('SIGINT');
    const [code] = (await once(run.child, 'exit')) as [number | null];
    expect(code).toBe(0);

    const { stdout, stderr } = run.output();
    const lines = stderr.split('\n').filter((l) => l.trim().length > 0);
    // The log is there and is the JSON log (so the scan reads what a deployment collects), at debug level and below (nothing
    // logs at trace).
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.filter((l) => l.startsWith('{')).length).toBeGreaterThan(lines.length * 0.9);
    expect(stderr).toContain('"level":20');

    const info = JSON.parse(await readFile(path.join(dataDir, 'local-tenant.json'), 'utf8')) as {
      app: { clientSecret: string };
    };
    const findings = findingsIn(`${stderr}\n${stdout}`, info.app.clientSecret);
    // The scan finds what it looks for (a line with a UPN, a token, a text sent), so an empty result means something.
    const person = blnp.people[0];
    expect(findingsIn(`{"upn":"${person?.upn}"}\nBearer eyJhbGciOi.eyJzdWIiOi.c2ln\n${SECRETS.message}`, 'x')).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`${person?.id} (`),
        expect.stringContaining('a JWT'),
        expect.stringContaining('the message text'),
      ]),
    );
    expect(findings).toEqual([]);
  });
});
