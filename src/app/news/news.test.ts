// The monthly berichtgeving's use cases on BLNP with an injected clock (30 November 2026, 10:00 UTC): the composed
// draft from the month's update successes, milestones, decisions and the next bijeenkomst; a save over a stale
// version refused with nothing overwritten; editing and approving only for the communicatieadviseur and the
// projectleider, with a Dutch-first reason for others; approving refused while the bot cannot reach the channel;
// nothing in the bot's ledger before approval and exactly one delivery after; the HTML page for editors before approval and for everyone after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { both } from '../../domain/i18n.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import type { Caller } from '../access.ts';
import type { NewsResponse } from '../contract.ts';
import type { AppDeps, Result } from '../result.ts';
import { approveNews, newsOf, newsPage, saveNews } from './news.ts';

let p: Programme;
let store: Store;
let deps: AppDeps;
const as = (role: string): Caller => {
  const person = p.people.find((x) => x.roles.includes(role as never));
  if (!person) throw new Error(`BLNP has a ${role}`);
  return { kind: 'person', person };
};
const member = (): Caller => {
  const person = p.people.find(
    (x) => !x.roles.includes('projectleider') && !x.roles.includes('communicatieadviseur') && x.roles.length > 0,
  );
  if (!person) throw new Error('BLNP has someone else');
  return { kind: 'person', person };
};
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.key}`);
  return r.value;
};

beforeAll(async () => {
  const blnp = await loadProgramme('blnp');
  // Milestones in an in-test copy (the example file gains its own with issue 16 §1).
  p = {
    ...blnp,
    milestones: [
      { id: 'm-keuze', date: '2026-11-12', title: 'Keuze zaaksysteem', celebrate: true },
      { id: 'm-later', date: '2026-12-15', title: 'Nog niet bereikt', celebrate: false },
    ],
  };
  const clock = new FixedClock('2026-11-30T10:00:00Z');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  deps = { store, programme: p, clock, today: () => '2026-11-30' };
  const wg = p.bodies.find((b) => b.kind === 'werkgroep');
  if (wg?.kind !== 'werkgroep') throw new Error('BLNP has a werkgroep');
  const update = (period: string, at: string, successes: string) =>
    store.bot.saveUpdate(p.programme.id, {
      werkgroep: wg.id,
      period,
      data: { werkgroep: wg.id, period, status: 'op-koers', progress: 'x', ks: [], actionIds: [], successes },
      submittedBy: wg.trekker,
      submittedAt: new Date(at),
    });
  await update('regiegroep:2026-11-10', '2026-11-06T09:00:00Z', 'Eerste gezamenlijke inkoop afgerond');
  // 31 October 23:30 UTC is 1 November 00:30 in Amsterdam: November's, by the programme's local date.
  await update('regiegroep:2026-10-13', '2026-10-31T23:30:00Z', 'Nieuwe werkwijze getest');
  await update('regiegroep:2026-10-12', '2026-10-20T09:00:00Z', 'Oktobersucces');
  const decision = (id: string, title: string, on: string) =>
    store.decisions.save(
      p.programme.id,
      {
        id,
        title,
        proposal: 'Interne toelichting die niet in het nieuws hoort',
        werkgroep: wg.id,
        route: [...p.decisionRoute],
        steps: [],
        blocks: [],
        outcome: { kind: 'besloten', on },
      },
      clock.now(),
    );
  await decision('B-nov', 'Eén salarisadministratie', '2026-11-17');
  await decision('B-okt', 'Besluit van oktober', '2026-10-20');
});

afterAll(async () => store.close());

describe('the monthly news message', () => {
  it("composes November's draft from the month's data, not saved (version 0)", async () => {
    const m = value(await newsOf(deps, member(), '2026-11', 'nl'));
    expect(m.version).toBe(0);
    expect(m.state).toBe('draft');
    expect(m.body).toBe(m.composed.body);
    expect(m.body).toContain('Eerste gezamenlijke inkoop afgerond');
    expect(m.body).toContain('Nieuwe werkwijze getest');
    expect(m.body).not.toContain('Oktobersucces');
    expect(m.body).toContain('**Keuze zaaksysteem**');
    expect(m.body).not.toContain('Nog niet bereikt');
    expect(m.body).toContain('Eén salarisadministratie');
    expect(m.body).not.toContain('Besluit van oktober');
    expect(m.body).not.toContain('Interne toelichting');
    // The quarterly bijeenkomst (third Thursday, every three months from January): 21 January 2027, 15:30 local.
    expect(m.body).toContain('Bijeenkomst voor alle betrokkenen: donderdag 21 januari om 15:30.');
    expect(m.channel).toBe('het algemene kanaal van het team');
    expect(m.mayEdit.allowed).toBe(false);
    expect(m.mayEdit.reason).toBe(both('news.notEditor'));
    expect(value(await newsOf(deps, member(), '2026-11', 'en')).title).toMatch(/^News from .* — November 2026$/);
  });

  it('refuses a bad month with a Dutch-first message', async () => {
    const r = await newsOf(deps, member(), '2026-13', 'nl');
    expect(r.ok ? undefined : [r.error.code, both(r.error.key, r.error.params)]).toEqual([
      'bad_input',
      "'2026-13' is geen maand; gebruik JJJJ-MM, bijvoorbeeld 2026-11 / '2026-13' is not a month; use YYYY-MM, for example 2026-11",
    ]);
  });

  it('lets only the communicatieadviseur and the projectleider save; a stale save loses nothing', async () => {
    const text = { title: 'Nieuws uit BLNP', body: '## Goed nieuws\n\n- Het zaaksysteem is gekozen' };
    const refusedSave = await saveNews(deps, member(), '2026-11', text, '0');
    expect(refusedSave.ok ? undefined : [refusedSave.error.code, refusedSave.error.key]).toEqual([
      'forbidden',
      'news.notEditor',
    ]);
    expect((await saveNews(deps, as('communicatieadviseur'), '2026-11', text, undefined)).ok).toBe(false);
    const saved = value(await saveNews(deps, as('communicatieadviseur'), '2026-11', text, '0'));
    expect(saved).toMatchObject({ version: 1, title: text.title, body: text.body, state: 'draft' });
    expect(saved.edited?.by?.name).toBe('Joost Hendriks');
    // The projectleider, working on the composed draft (version 0) meanwhile: refused, the saved edit stands.
    const stale = await saveNews(deps, as('projectleider'), '2026-11', { title: 'Ander', body: 'Ander' }, '0');
    expect(stale.ok ? undefined : [stale.error.code, stale.error.params['by']]).toEqual(['changed', 'Joost Hendriks']);
    const read = value(await newsOf(deps, member(), '2026-11', 'nl'));
    expect([read.title, read.body, read.version]).toEqual([text.title, text.body, 1]);
    // The composition is still offered, never written over the edit.
    expect(read.composed.body).toContain('Eén salarisadministratie');
  });

  it('sends nothing before approval; approval by the communicatieadviseur queues exactly one post', async () => {
    const pid = p.programme.id;
    expect(await store.bot.deliveries(pid)).toEqual([]);
    const page = await newsPage(deps, member(), '2026-11', 'nl');
    expect(page.ok ? undefined : page.error.code).toBe('not_found');
    const draftPage = value(await newsPage(deps, as('communicatieadviseur'), '2026-11', 'nl'));
    expect(draftPage.filename).toBe('blnp-berichtgeving-2026-11-concept.html');

    const refusedApproval = await approveNews(deps, member(), '2026-11', '1');
    expect(refusedApproval.ok ? undefined : refusedApproval.error.code).toBe('forbidden');
    expect(await store.bot.deliveries(pid)).toEqual([]);
    // The app is not in the team yet: approving is refused, nothing approved or queued, the text kept.
    const noChannel = await approveNews(deps, as('communicatieadviseur'), '2026-11', '1');
    expect(noChannel.ok ? undefined : [noChannel.error.code, noChannel.error.key]).toEqual([
      'not_possible',
      'news.noChannel',
    ]);
    expect(await store.bot.deliveries(pid)).toEqual([]);
    expect(value(await newsOf(deps, member(), '2026-11', 'nl'))).toMatchObject({ state: 'draft', version: 1 });
    // Teams adds the app to the team: the bot keeps the General channel's reference (src/app/bot/service.ts).
    await store.bot.saveConversation(pid, {
      conversationId: '19:general@thread.tacv2',
      kind: 'channel',
      tenantId: 'tenant',
      serviceUrl: 'https://smba.example/',
      teamId: '19:general@thread.tacv2',
      channelId: '19:general@thread.tacv2',
      installedAt: new Date('2026-11-30T09:00:00Z'),
    });
    let handed = 0;
    const approved: NewsResponse = value(
      await approveNews(deps, as('communicatieadviseur'), '2026-11', '1', async () => {
        handed++;
      }),
    );
    expect(approved.state).toBe('approved');
    expect(approved.approved?.by.name).toBe('Joost Hendriks');
    expect(handed).toBe(1);
    const ledger = await store.bot.deliveries(pid);
    expect(ledger.map((d) => [d.kind, d.recipient, d.status])).toEqual([['news', 'general', 'pending']]);
    // Approved once: no second approval, no more edits.
    const again = await approveNews(deps, as('projectleider'), '2026-11', '1');
    expect(again.ok ? undefined : again.error.key).toBe('news.approved');
    const late = await saveNews(deps, as('projectleider'), '2026-11', { title: 'Te laat', body: 'x' }, '1');
    expect(late.ok ? undefined : late.error.key).toBe('news.approved');
    expect(await store.bot.deliveries(pid)).toHaveLength(1);
    const html = value(await newsPage(deps, member(), '2026-11', 'nl'));
    expect(html.filename).toBe('blnp-berichtgeving-2026-11.html');
    expect(html.html).toContain('<h2 style="font-size:1.25em;margin:1.2em 0 0.4em">Goed nieuws</h2>');
  });
});
