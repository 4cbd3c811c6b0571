// Every message the bot sends on its own (reminders, nudges, the compiled overview, announcements, digests) is a
// row in the delivery ledger with a unique key (kind|occurrence|recipient) and a pg-boss job that carries the
// send. The job only sends after claiming its row: a pending row with the due time the job was made for. So a
// restart, a re-run, a moved meeting or a second server instance never sends a message twice, and a job whose
// process died is taken up again by pg-boss once its claim has lapsed.
import type { BotRecords, DeliveryRow } from '../store/bot-records.ts';
import type { JobRunner } from '../queue/jobs.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Clock } from '../../domain/time/clock.ts';
import type { BotSender, ConversationAddress } from './connector.ts';

export const DELIVER_QUEUE = 'bot-deliver';

/** What to send for a delivery, or why nothing is sent (e.g. the update already came in; no conversation). */
export type Composed = { to: ConversationAddress; activity: Record<string, unknown> } | { skip: string };

export type Composer = (row: DeliveryRow) => Promise<Composed>;

interface DeliverJob {
  programmeId: string;
  key: string;
  dueAt: string;
}

export interface DeliveryWorkerOptions {
  records: BotRecords;
  runner: JobRunner;
  sender: BotSender;
  compose: Composer;
  clock: Clock;
  /** Names this process in the ledger's claims. */
  worker: string;
  logger?: Logger;
  /** How long a claim holds before another worker may take the row (a crashed sender's row). */
  leaseMs?: number;
  workers?: number;
  batchSize?: number;
  /** How long a delivery whose sends all failed waits before its job runs again. */
  retryDelaySeconds?: number;
}

export interface DeliveryOutcome {
  key: string;
  result: 'sent' | 'skipped' | 'failed' | 'not-claimed' | 'retry';
}

/** Handles one job: claim, compose, send, record. Exported for tests that drive it without a queue. */
export async function deliverOne(o: DeliveryWorkerOptions, job: DeliverJob): Promise<DeliveryOutcome> {
  const now = o.clock.now();
  const row = await o.records.claim(job.programmeId, job.key, new Date(job.dueAt), o.worker, now, o.leaseMs ?? 120_000);
  if (!row) return { key: job.key, result: 'not-claimed' };
  let composed: Composed;
  try {
    composed = await o.compose(row);
  } catch (err) {
    // A message that cannot be made now (e.g. Graph unreachable for the join link) is tried again by the job.
    await o.records.release(job.programmeId, job.key, 'compose-failed', o.clock.now());
    throw err;
  }
  if ('skip' in composed) {
    await o.records.finish(job.programmeId, job.key, { status: 'skipped', reason: composed.skip }, o.clock.now());
    return { key: job.key, result: 'skipped' };
  }
  const sent = await o.sender.send(composed.to, composed.activity);
  if (sent.ok) {
    await o.records.finish(
      job.programmeId,
      job.key,
      { status: 'sent', activityId: sent.activityId, conversationId: composed.to.conversationId },
      o.clock.now(),
    );
    return { key: job.key, result: 'sent' };
  }
  if (sent.final) {
    // 403 (blocked) and 404 (gone) end it for this recipient, recorded with the reason; no retry storm.
    await o.records.finish(
      job.programmeId,
      job.key,
      { status: 'failed', reason: `${sent.status} ${sent.code}` },
      o.clock.now(),
    );
    return { key: job.key, result: 'failed' };
  }
  // The sender's own retries ran out (a long throttle or outage): back to pending, and the job fails so
  // pg-boss tries it again later.
  await o.records.release(job.programmeId, job.key, `${sent.status} ${sent.code}`, o.clock.now());
  throw new Error(`delivery ${job.key.split('|')[0]} not sent yet: ${sent.status} ${sent.code}`);
}

/** Starts this instance's delivery workers. */
export async function startDeliveryWorkers(o: DeliveryWorkerOptions): Promise<void> {
  const log = o.logger?.child({ component: 'bot-deliveries' });
  await o.runner.work<DeliverJob>(
    DELIVER_QUEUE,
    { workers: o.workers ?? 4, batchSize: o.batchSize ?? 25, expireInSeconds: 300, retryLimit: 5 },
    async (job) => {
      try {
        await deliverOne(o, job);
      } catch (err) {
        log?.warn(
          { kind: job.key.split('|')[0], error: err instanceof Error ? err.message : String(err) },
          'delivery will be tried again',
        );
        // Rethrown per job would fail the whole batch in pg-boss; instead the row is pending again and the same job is
        // queued anew for a little later (its claim still needs the pending row, so it can never send twice).
        await o.runner.enqueue(DELIVER_QUEUE, [job], {
          retryLimit: 5,
          expireInSeconds: 300,
          startAfterSeconds: o.retryDelaySeconds ?? 15,
        });
      }
    },
  );
}

/** Hands every pending delivery that is due to the queue (each once: takeDue marks them). */
export async function dispatchDue(
  records: BotRecords,
  runner: JobRunner,
  programmeId: string,
  now: Date,
  limit = 5000,
): Promise<number> {
  const due = await records.takeDue(programmeId, now, limit);
  await runner.enqueue<DeliverJob>(
    DELIVER_QUEUE,
    due.map((d) => ({ programmeId, key: d.key, dueAt: d.dueAt.toISOString() })),
    { retryLimit: 5, expireInSeconds: 300 },
  );
  return due.length;
}
