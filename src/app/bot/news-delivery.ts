// The approved news message posted to the announcement channel (issue 16 §3): composed when the delivery job sends
// it, from the message as approved (src/app/news/news.ts), as an Adaptive Card (src/domain/news/format.ts).
import { DateTime } from 'luxon';
import type { DeliveryRow } from '../../adapters/store/bot-records.ts';
import type { Composed } from '../../adapters/bot/deliveries.ts';
import type { Store } from '../../adapters/store/store.ts';
import { cardActivity } from '../../domain/bot/cards.ts';
import { t } from '../../domain/i18n.ts';
import { newsCard } from '../../domain/news/format.ts';
import type { BotContext } from './service.ts';

/** The ledger's kind of the news message; its recipient is `general` or `channel:<body id>`. */
export const NEWS_KIND = 'news';

/**
 * The conversation of the recipient (`general` or `channel:<body id>`) of programme `pid`: a body's channel, or the
 * team's General channel — the channel conversation the bot keeps from its install in the team that belongs to no
 * body (src/app/bot/service.ts onInstalled; Teams announces a team install in the General channel). Undefined while
 * the bot has no reference to it (the app is not in the team yet).
 */
export async function newsChannelOf(store: Store, pid: string, recipient: string) {
  if (recipient.startsWith('channel:')) return store.bot.channel(pid, recipient.slice('channel:'.length));
  const all = await store.bot.conversations(pid);
  return all.find((x) => x.kind === 'channel' && x.teamId && !x.bodyId);
}

/** The month's approved message as a card to its channel; skipped when it is not approved or the channel unknown. */
export async function composeNewsDelivery(c: BotContext, row: DeliveryRow): Promise<Composed> {
  const month = String(row.payload?.['month'] ?? row.occurrenceKey ?? '');
  const news = await c.o.store.news.get(c.pid, month);
  if (!news?.approvedAt) return { skip: 'news-not-approved' };
  const ref = await newsChannelOf(c.o.store, c.pid, row.recipient);
  if (!ref) return { skip: 'no-conversation' };
  const lang = c.o.lang;
  const label = DateTime.fromISO(`${month}-01`, { zone: 'utc' }).setLocale(lang).toFormat('LLLL yyyy');
  const footer = t('news.footer', { programme: c.p.programme.name, month: label }, lang);
  return { to: ref, activity: cardActivity(newsCard({ title: news.title, body: news.body, footer }), news.title) };
}
