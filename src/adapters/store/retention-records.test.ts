// Retention (issue 15 §5): one run of the retention job at a given moment (a FixedClock, no waiting) deletes what is
// older than its period and keeps what is fresh — and what is still needed however old: active conversation
// references, pending messages, the newest apply run and the newest programme version. On both backends.
import { describe, expect, it, vi } from 'vitest';
import { backends, useStore } from '../../../tests/helpers/db.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { applyRetention, type RetentionSettings } from '../../app/retention.ts';
import { startJobRunner } from '../queue/jobs.ts';
import { retentionRecords } from './retention-records.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const SETTINGS: RetentionSettings = { updatesDays: 365, conversationsDays: 30, deliveriesDays: 90, journalDays: 90 };

describe.each(backends)('retention on $name', (backend) => {
  const store = useStore(backend);

  it('deletes expired rows of every kind and keeps fresh and still-needed ones', { timeout: 120_000 }, async () => {
    const s = store();
    const q = (sql: string, params: unknown[] = []) => s.db.query(sql, params);
    for (const [period, at] of [
      ['old', ago(400)],
      ['fresh', ago(10)],
    ] as const)
      await s.bot.saveUpdate('p', { werkgroep: 'wg', period, data: {}, submittedBy: 'x', submittedAt: at });
    const conv = async (id: string, removedDaysAgo: number | null) => {
      await s.bot.saveConversation('p', {
        conversationId: id,
        kind: 'personal',
        tenantId: 't',
        serviceUrl: 'https://smba.example/',
        personId: id,
        installedAt: ago(500),
      });
      if (removedDaysAgo !== null) await s.bot.removeConversation('p', id, ago(removedDaysAgo));
      await s.botLanguages.set('p', { conversationId: id, userId: `29:${id}` }, 'nl', ago(40));
    };
    await conv('removed-long-ago', 40);
    await conv('removed-lately', 5);
    await conv('active', null);
    await s.bot.createDeliveries(
      'p',
      [
        { key: 'sent-old', kind: 'digest', recipient: 'x', dueAt: ago(100) },
        { key: 'sent-fresh', kind: 'digest', recipient: 'x', dueAt: ago(10) },
        { key: 'pending-old', kind: 'digest', recipient: 'x', dueAt: ago(100) },
      ],
      ago(200),
    );
    for (const key of ['sent-old', 'sent-fresh'])
      await s.bot.finish('p', key, { status: 'sent', activityId: 'a', conversationId: 'c' }, ago(5));
    const runs: number[] = [];
    for (const days of [120, 110, 5]) {
      const id = await s.sync.startRun('p', 'apply', ago(days));
      await s.sync.journal(id, [{ changeId: `team-member:x${days}:add`, state: 'done' }], ago(days));
      await s.sync.finishRun(id, ago(days), {});
      runs.push(id);
    }
    // The newest apply run is kept however old: start a programme whose only runs are old.
    const lone = await s.sync.startRun('q', 'apply', ago(300));
    await s.sync.finishRun(lone, ago(300), {});
    await s.actions.recordConflicts('p', [{ actionId: 'a1', field: 'title', ours: 'x', theirs: 'y' }], ago(100));
    await s.actions.recordConflicts('p', [{ actionId: 'a2', field: 'title', ours: 'x', theirs: 'y' }], ago(1));
    for (const [hash, days] of [
      ['v1', 200],
      ['v2', 150],
    ] as const)
      await s.programmes.record({ programmeId: 'p', hash, sourcePath: 'f', content: hash, loadedAt: ago(days) });

    const deleted = await applyRetention(retentionRecords(s.db), SETTINGS, new FixedClock(NOW));
    expect(deleted).toMatchObject({
      updates: 1,
      conversations: 1,
      botLanguages: 1,
      deliveries: 1,
      syncRuns: 2,
      conflicts: 1,
      programmeVersions: 1,
    });
    expect((await s.bot.updates('p')).map((u) => u.period)).toEqual(['fresh']);
    const convs = await q('SELECT conversation_id FROM bot_conversations ORDER BY 1');
    expect(convs.rows.map((r) => r['conversation_id'])).toEqual(['active', 'removed-lately']);
    const langs = await q('SELECT conversation_id FROM bot_languages ORDER BY 1');
    expect(langs.rows.map((r) => r['conversation_id'])).toEqual(['active', 'removed-lately']);
    // Runs of 120 and 110 days ago go (with their journal); the newest apply run of each programme stays.
    expect((await s.bot.deliveries('p')).map((d) => d.key).sort()).toEqual(['pending-old', 'sent-fresh']);
    const left = await q('SELECT id FROM sync_runs ORDER BY id');
    expect(left.rows.map((r) => Number(r['id']))).toEqual([runs[2], lone]);
    const journal = await q('SELECT change_id FROM sync_journal ORDER BY 1');
    expect(journal.rows.map((r) => r['change_id'])).toEqual(['team-member:x5:add']);
    expect((await s.actions.conflicts('p')).map((c) => c.actionId)).toEqual(['a2']);
    expect((await s.programmes.list('p')).map((v) => v.hash)).toEqual(['v2']);

    // A second run at the same moment finds nothing more; 0 keeps a kind for good.
    const again = await applyRetention(retentionRecords(s.db), SETTINGS, new FixedClock(NOW));
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    const clock = new FixedClock(NOW);
    clock.advance(3650 * 86_400_000);
    const kept = await applyRetention(
      retentionRecords(s.db),
      { updatesDays: 0, conversationsDays: 0, deliveriesDays: 0, journalDays: 0 },
      clock,
    );
    expect(Object.values(kept).every((n) => n === 0)).toBe(true);
    expect((await s.bot.updates('p')).length).toBe(1);
  });

  it(
    "keeps meetings, their records and besluitenlijst, and agenda edits however old (the programme's record)",
    { timeout: 120_000 },
    async () => {
      const s = store();
      const q = (sql: string) => s.db.query<{ n: number }>(sql).then((r) => Number(r.rows[0]?.n));
      const at = ago(3000);
      const record = { kind: 'decision', decisionId: 'd1', title: 'Besluit', item: 'besluit:d1', by: 'x', at } as const;
      expect(await s.meetings.append('p', 'rg', '2018-06-01', record)).not.toBe(false);
      const besluitenlijst = {
        body: { id: 'rg', name: 'Regiegroep' },
        date: '2018-06-01',
        decisions: [{ id: 'd1', title: 'Besluit', item: 'besluit:d1', outcome: null, isNew: true }],
        actions: [],
        carriedOver: [],
      };
      const delivery = { key: 'bl', kind: 'besluitenlijst', occurrenceKey: 'k', recipient: 'channel:rg' };
      const closed = await s.meetings.close('p', 'rg', '2018-06-01', {
        lastSeq: 1,
        at,
        by: 'x',
        besluitenlijst,
        delivery: { ...delivery, payload: { besluitenlijst } },
      });
      expect(closed).toBe('closed');
      await s.bot.finish('p', 'bl', { status: 'sent', activityId: 'a', conversationId: 'c' }, at);
      const edits = { order: [], added: [{ id: 'punt:1', title: 'Punt' }], removed: [] };
      expect(await s.agendaEdits.save('p', { body: 'rg', date: '2018-06-01' }, 0, edits, { who: 'x', at })).toBe(1);

      await applyRetention(retentionRecords(s.db), SETTINGS, new FixedClock(NOW));
      expect((await s.meetings.get('p', 'rg', '2018-06-01'))?.besluitenlijst).toEqual(besluitenlijst);
      expect(await s.meetings.records('p', 'rg', '2018-06-01')).toHaveLength(1);
      expect((await s.agendaEdits.get('p', { body: 'rg', date: '2018-06-01' })).version).toBe(1);
      // The card's copy in the delivery ledger goes with the ledger's period; the meeting keeps the list.
      expect(await q("SELECT count(*)::int AS n FROM bot_deliveries WHERE key = 'bl'")).toBe(0);
    },
  );

  it('deletes finished jobs older than the journal period, not newer ones', { timeout: 120_000 }, async () => {
    const s = store();
    const runner = await startJobRunner(s, { pollingIntervalSeconds: 0.5 });
    try {
      await runner.every('retention-test', 3600, async () => ({ done: true }));
      await vi.waitFor(
        async () => expect((await runner.history('retention-test')).map((j) => j.state)).toContain('completed'),
        {
          timeout: 60_000,
          interval: 200,
        },
      );
    } finally {
      await runner.stop();
    }
    const finished = "name = 'retention-test' AND state = 'completed'";
    await s.db.query(`UPDATE pgboss.job SET completed_on = $1 WHERE ${finished}`, [ago(100)]);
    const waiting = await s.db.query(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'retention-test' AND state <> 'completed'`,
    );
    const deleted = await applyRetention(retentionRecords(s.db), SETTINGS, new FixedClock(NOW));
    expect(deleted.jobs).toBe(1);
    const left = await s.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'retention-test'`,
    );
    // The next run, queued for later, is not finished and stays.
    expect(Number(left.rows[0]?.n)).toBe(Number(waiting.rows[0]?.['n']));
    expect(Number(left.rows[0]?.n)).toBeGreaterThan(0);
  });
});
