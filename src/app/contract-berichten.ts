// The API contract of the monthly berichtgeving (issue 16 §3), re-exported by ./contract.ts: GET /api/berichten/:maand
// (the month's message: the saved text, or the composed draft while none is saved), PUT /api/berichten/:maand (save
// the text; If-Match with the version read, 0 for the composed draft; 409 changed when another save came first),
// POST /api/berichten/:maand/goedkeuren (approve the version in If-Match: posts it to the announcement channel) and
// GET /api/berichten/:maand.html (the message as a standalone HTML page). `maand` is YYYY-MM. Pure: the tab imports it.
import { z } from 'zod';

/** The message's title: one line. */
const Title = z.string().trim().min(1).max(200);
/** The body, in the format of src/domain/news/format.ts; 20,000 characters is several pages of news. */
const Body = z.string().trim().min(1).max(20_000);

/** PUT: the text as the editor has it. */
export const NewsInput = z.strictObject({ title: Title, body: Body });
export type NewsInput = z.infer<typeof NewsInput>;

/** A person as the tab shows them: id and display name. */
interface NewsPerson {
  id: string;
  name: string;
}

/** 200: the month's message and where it stands. */
export interface NewsResponse {
  /** YYYY-MM. */
  month: string;
  title: string;
  body: string;
  /** The version to send in If-Match: 0 while the text is the composed draft (nothing saved yet). */
  version: number;
  /** draft: not approved; approved: approved, its post not yet confirmed; posted: the bot posted it. */
  state: 'draft' | 'approved' | 'posted';
  /** Who last saved it (absent while it is the composed draft nobody saved, or saved by the app) and when (ISO 8601). */
  edited?: { by?: NewsPerson; at: string };
  approved?: { by: NewsPerson; at: string };
  /** ISO 8601: when the bot posted it to the channel. */
  postedAt?: string;
  /** The draft composed from the month's data as it is now: what "opnieuw opstellen" puts in the editor. */
  composed: { title: string; body: string };
  /** The announcement channel it goes to: a body's channel name, or the team's General channel. */
  channel: string;
  /** The programme's time zone (IANA), in which the tab shows the times above. */
  timeZone: string;
  /** Whether the caller may edit and approve it; if not, why (Dutch first, "nl / en"). */
  mayEdit: { allowed: boolean; reason?: string };
}
