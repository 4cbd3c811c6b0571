// Composes the monthly report's messages of the bot's delivery ledger (issue 16 §2, §5), called by the delivery
// worker (../bot/delivery.ts) from the data as it is when they are sent: the summary card of an approved version to
// a receiving body's channel, and the projectleider's reminder — skipped once the month's report is approved.
import type { DeliveryRow } from '../../adapters/store/bot-records.ts';
import type { Composed } from '../../adapters/bot/deliveries.ts';
import { cardActivity } from '../../domain/bot/cards.ts';
import type { Lang } from '../../domain/i18n.ts';
import { reportPlanOf } from '../../domain/report/due.ts';
import { reportCard, reportReminderCard } from '../../domain/report/card.ts';
import type { BotContext } from '../bot/service.ts';

type Address = Extract<Composed, { to: unknown }>['to'];

/** The summary card of the approved version the row names (payload: month, version, variant) for its channel. */
export async function composeReport(c: BotContext, ref: Address, row: DeliveryRow, lang: Lang): Promise<Composed> {
  const payload = row.payload ?? {};
  const month = String(payload['month'] ?? '');
  const version = Number(payload['version']);
  const report = (await c.o.store.reports.versions(c.pid, month)).find((r) => r.version === version);
  if (!report?.approved || !report.summary) return { skip: 'report-not-approved' };
  const bodyId = row.recipient.slice('channel:'.length);
  const informed = payload['variant'] === 'informed';
  const card = reportCard({
    summary: report.summary,
    version,
    introduction: report.introduction,
    approved: { byName: report.approved.byName, date: report.approved.at.toISOString() },
    forBody: informed ? c.bodyName(bodyId) : undefined,
    url: c.tabLink({ view: 'rapportage', maand: month }).tabUrl,
    lang,
  });
  return { to: ref, activity: cardActivity(card) };
}

/** The projectleider's reminder of the month in the row's key (`report-reminder|<month>|<person>`). */
export async function composeReportReminder(
  c: BotContext,
  ref: Address,
  row: DeliveryRow,
  lang: Lang,
): Promise<Composed> {
  const month = row.key.split('|')[1] ?? '';
  // Approved once is sent once: a correction being drafted afterwards (a new version) asks for no reminder.
  const versions = await c.o.store.reports.versions(c.pid, month);
  if (versions.some((v) => v.state === 'approved')) return { skip: 'report-approved' };
  const card = reportReminderCard({
    month,
    bodies: reportPlanOf(c.p).to.map(c.bodyName),
    url: c.tabLink({ view: 'rapportage', maand: month }).tabUrl,
    lang,
  });
  return { to: ref, activity: cardActivity(card) };
}
