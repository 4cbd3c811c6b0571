// Use cases of the monthly berichtgeving (issue 16 §3). A month's message is the composed draft (./draft.ts) until
// someone saves it; from then on it is the saved text, never replaced by a recomposition — "opnieuw opstellen" is the
// tab putting `composed` in the editor, saved like any edit. Saving names the version it was made on (If-Match; 409
// when another save came first, the text kept on the editor's screen). Approving (news.approve: the
// communicatieadviseur and the projectleider, src/app/access.ts) keeps who and when and queues the message to the
// announcement channel in the bot's delivery ledger in the same transaction; nothing is queued before approval.
import { DateTime } from 'luxon';
import { decide, type Caller, type Permission } from '../access.ts';
import type { NewsInput, NewsResponse } from '../contract.ts';
import type { StoredNews } from '../../adapters/store/news-records.ts';
import { both, t, type Lang } from '../../domain/i18n.ts';
import { MONTH } from '../../domain/news/compose.ts';
import { newsHtml } from '../../domain/news/format.ts';
import { fail, ok, refused, type AppDeps, type Result } from '../result.ts';
import { composedDraft } from './draft.ts';
import { NEWS_KIND, newsChannelOf } from '../bot/news-delivery.ts';

/** The ledger's recipient for the team's General channel (a body's channel is `channel:<body id>`). */
const GENERAL_CHANNEL = 'general';

/**
 * Where the message goes: `communication.news.channel` (a body id: its channel) or, by default, the team's General
 * channel — the channel Teams installs a team app in, whose conversation reference the bot keeps from that install
 * (src/app/bot/service.ts onInstalled; a team's General channel id is the team's conversation id:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
 */
const newsRecipient = (d: AppDeps): string => {
  const body = d.programme.communication.news?.channel;
  return body ? `channel:${body}` : GENERAL_CHANNEL;
};

const channelName = (d: AppDeps, lang: Lang) => {
  const body = d.programme.communication.news?.channel;
  const b = body ? d.programme.bodies.find((x) => x.id === body) : undefined;
  return b ? (b.channel?.name ?? b.name) : t('news.generalChannel', {}, lang);
};

const person = (d: AppDeps, id: string) => ({ id, name: d.programme.people.find((p) => p.id === id)?.name ?? id });
const byOf = (caller: Caller): string | null => (caller.kind === 'person' ? caller.person.id : null);
const badMonth = (month: string) => fail('bad_input', 'news.badMonth', { month });
const monthLabel = (month: string, lang: Lang) =>
  DateTime.fromISO(`${month}-01`, { zone: 'utc' }).setLocale(lang).toFormat('LLLL yyyy');

const EDIT: Permission = { do: 'news.edit' };

/** The month's message as the tab reads it (`lang`: the reader's, for the composed draft). Errors: bad_input. */
export async function newsOf(d: AppDeps, caller: Caller, month: string, lang: Lang): Promise<Result<NewsResponse>> {
  if (!MONTH.test(month)) return badMonth(month);
  const stored = await d.store.news.get(d.programme.programme.id, month);
  const composed = await composedDraft(d, month, lang);
  const verdict = decide(d.programme, caller, EDIT);
  const no = refused(verdict, EDIT);
  return ok({
    month,
    ...(stored ? { title: stored.title, body: stored.body, version: stored.version } : { ...composed, version: 0 }),
    state: await stateOf(d, stored),
    ...(stored
      ? {
          edited: {
            ...(stored.editedBy ? { by: person(d, stored.editedBy) } : {}),
            at: stored.editedAt.toISOString(),
          },
        }
      : {}),
    ...(stored?.approvedBy && stored.approvedAt
      ? { approved: { by: person(d, stored.approvedBy), at: stored.approvedAt.toISOString() } }
      : {}),
    ...(await postedAt(d, stored)),
    composed,
    channel: channelName(d, lang),
    timeZone: d.programme.programme.timeZone,
    mayEdit: no ? { allowed: false, reason: both(no.error.key, no.error.params) } : { allowed: true },
  });
}

async function deliveryOf(d: AppDeps, stored: StoredNews | undefined) {
  if (!stored?.deliveryKey) return undefined;
  const all = await d.store.bot.deliveries(d.programme.programme.id);
  return all.find((x) => x.key === stored.deliveryKey);
}

async function stateOf(d: AppDeps, stored: StoredNews | undefined): Promise<NewsResponse['state']> {
  if (!stored?.approvedAt) return 'draft';
  return (await deliveryOf(d, stored))?.status === 'sent' ? 'posted' : 'approved';
}

async function postedAt(d: AppDeps, stored: StoredNews | undefined): Promise<{ postedAt?: string }> {
  const sent = (await deliveryOf(d, stored))?.sentAt;
  return sent ? { postedAt: sent.toISOString() } : {};
}

/** Why a save or approval of version `version` did not land: approved meanwhile, or another save came first. */
async function conflict(d: AppDeps, month: string, lang: Lang = 'nl') {
  const now = await d.store.news.get(d.programme.programme.id, month);
  if (now?.approvedAt) return fail('not_possible', 'news.approved', { month: monthLabel(month, lang) });
  const by = now?.editedBy ? person(d, now.editedBy).name : 'Regiekamer';
  return fail('changed', 'news.changed', { month: monthLabel(month, lang), by });
}

/**
 * Saves the text as the month's message over `version` (If-Match; 0 for the composed draft). Errors: bad_input (the
 * month), forbidden (news.edit), version_required (no If-Match), changed (another save came first; nothing written),
 * not_possible (already approved).
 */
export async function saveNews(
  d: AppDeps,
  caller: Caller,
  month: string,
  input: NewsInput,
  version: string | undefined,
): Promise<Result<NewsResponse>> {
  if (!MONTH.test(month)) return badMonth(month);
  const no = refused(decide(d.programme, caller, EDIT), EDIT);
  if (no) return no;
  if (version === undefined) return fail('version_required', 'api.versionRequired');
  const expected = Number(version);
  if (!Number.isInteger(expected) || expected < 0) return conflict(d, month);
  const saved = await d.store.news.save(d.programme.programme.id, month, expected, input, {
    who: byOf(caller),
    at: d.clock.now(),
  });
  if (!saved) return conflict(d, month);
  return newsOf(d, caller, month, 'nl');
}

/** Hands the deliveries due now to the bot's delivery jobs (as closing a meeting does, src/app/meeting.ts). */
type DeliverNow = () => Promise<unknown>;

/**
 * Approves version `version` of the month's message (If-Match; 0: the composed draft, saved first in the approver's
 * name) and queues its post to the announcement channel in the same transaction, then hands it to the delivery jobs
 * (`deliverNow`). Errors: as saveNews (permission news.approve); not_possible (news.noChannel) while the bot has no
 * conversation reference to the channel.
 */
export async function approveNews(
  d: AppDeps,
  caller: Caller,
  month: string,
  version: string | undefined,
  deliverNow?: DeliverNow,
): Promise<Result<NewsResponse>> {
  if (!MONTH.test(month)) return badMonth(month);
  const what: Permission = { do: 'news.approve' };
  const no = refused(decide(d.programme, caller, what), what);
  if (no) return no;
  if (version === undefined) return fail('version_required', 'api.versionRequired');
  let expected = Number(version);
  if (!Number.isInteger(expected) || expected < 0) return conflict(d, month);
  const pid = d.programme.programme.id;
  const at = d.clock.now();
  const recipient = newsRecipient(d);
  // Approving is sending: refused (nothing changed) while the bot cannot reach the channel, never approved unsent.
  if (!(await newsChannelOf(d.store, pid, recipient))) return fail('not_possible', 'news.noChannel');
  if (expected === 0) {
    const saved = await d.store.news.save(pid, month, 0, await composedDraft(d, month, 'nl'), {
      who: byOf(caller),
      at,
    });
    if (!saved) return conflict(d, month);
    expected = saved.version;
  }
  const approved = await d.store.news.approve(
    pid,
    month,
    expected,
    { who: byOf(caller) ?? 'app', at },
    { key: `${NEWS_KIND}|${month}|${recipient}`, kind: NEWS_KIND, recipient, payload: { month } },
  );
  if (!approved) return conflict(d, month);
  await deliverNow?.();
  return newsOf(d, caller, month, 'nl');
}

/**
 * The month's message as a standalone HTML page (src/domain/news/format.ts): the approved text for everyone in the
 * programme; before approval the draft, for those who may edit it only. Errors: bad_input, not_found (not approved,
 * for others).
 */
export async function newsPage(
  d: AppDeps,
  caller: Caller,
  month: string,
  lang: Lang,
): Promise<Result<{ filename: string; html: string }>> {
  const r = await newsOf(d, caller, month, lang);
  if (!r.ok) return r;
  const m = r.value;
  if (m.state === 'draft' && !m.mayEdit.allowed) return fail('not_found', 'news.notApproved', { month });
  const footer = t('news.footer', { programme: d.programme.programme.name, month: monthLabel(month, lang) }, lang);
  return ok({
    filename: `${d.programme.programme.id}-berichtgeving-${month}${m.state === 'draft' ? '-concept' : ''}.html`,
    html: newsHtml({ title: m.title, body: m.body, lang, footer }),
  });
}
