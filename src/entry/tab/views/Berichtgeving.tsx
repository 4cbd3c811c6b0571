// Berichtgeving (issue 16 §3): the month's news message — pick the month, edit the title and the text (format of
// src/domain/news/format.ts) beside a preview, save (If-Match: a save made meanwhile by someone else is shown, never
// overwritten), compose it again from the month's data (into the editor, saved only when the person saves), approve
// it (which sends it to the announcement channel; disabled, with the reason, for those who may not), see where it
// stands (draft, approved by whom when, posted) and download it as an HTML page for the gemeenten' intranets.
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Caption1, Field, Input, Textarea, Title3, Subtitle2 } from '@fluentui/react-components';
import type { NewsResponse } from '../../../app/contract.ts';
import { parseNews, type Inline } from '../../../domain/news/format.ts';
import { ApiError } from '../api.ts';
import { Loadable, Notice, useData, useTab, type NoticeState } from '../data.tsx';
import { LOCALE_OF, tr, type Lang } from '../i18n.ts';

/** This month by the browser's own date (as the tab's measurement date), YYYY-MM. */
const thisMonth = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
};

/** The Berichtgeving view; the month defaults to this month. */
export function Berichtgeving() {
  const { lang } = useTab();
  const [month, setMonth] = useState(thisMonth);
  const path = `/berichten/${month}?lang=${lang}`;
  const state = useData<NewsResponse>(path);
  return (
    <section aria-label={tr(lang, 'nav.berichtgeving')} style={{ display: 'grid', gap: 12 }}>
      <Field label={tr(lang, 'news.month')} style={{ maxWidth: 220 }}>
        <Input
          type="month"
          value={month}
          onChange={(_e, d) => {
            if (/^\d{4}-\d{2}$/.test(d.value)) setMonth(d.value);
          }}
        />
      </Field>
      <Loadable state={state}>
        {(n) => <Editor key={`${path}:${n.version}`} loaded={n} reload={state.reload} />}
      </Loadable>
    </section>
  );
}

/** "november 2026" for 2026-11, in the reader's language. */
const monthLabel = (month: string, lang: Lang) =>
  new Date(`${month}-01T12:00:00Z`).toLocaleString(LOCALE_OF[lang], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const at = (iso: string, lang: Lang, timeZone: string) =>
  new Date(iso).toLocaleString(LOCALE_OF[lang], { timeZone, dateStyle: 'long', timeStyle: 'short' });

/** Where the message stands, in one line. */
function stateLine(n: NewsResponse, lang: Lang): string {
  const when = (iso: string) => at(iso, lang, n.timeZone);
  if (n.approved && n.postedAt)
    return tr(lang, 'news.state.posted', {
      by: n.approved.by.name,
      at: when(n.approved.at),
      channel: n.channel,
      posted: when(n.postedAt),
    });
  if (n.approved) return tr(lang, 'news.state.approved', { by: n.approved.by.name, at: when(n.approved.at) });
  if (n.edited?.by) return tr(lang, 'news.state.edited', { by: n.edited.by.name, at: when(n.edited.at) });
  return tr(lang, n.version === 0 ? 'news.state.composed' : 'news.state.draft');
}

const inline = (pieces: Inline[]): ReactNode =>
  pieces.map((p, i) => (p.bold ? <strong key={i}>{p.text}</strong> : <span key={i}>{p.text}</span>));

/** The message as it will read: the same blocks the card and the HTML page are made of. */
function Preview({ title, body, lang }: { title: string; body: string; lang: Lang }) {
  return (
    <article aria-label={tr(lang, 'news.preview')} style={{ border: '1px solid #ccc', borderRadius: 4, padding: 12 }}>
      <Subtitle2 block as="h3">
        {title}
      </Subtitle2>
      {parseNews(body).map((b, i) =>
        b.kind === 'heading' ? (
          <h4 key={i} style={{ margin: '12px 0 4px' }}>
            {inline(b.text)}
          </h4>
        ) : b.kind === 'paragraph' ? (
          <p key={i}>{inline(b.text)}</p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>{inline(item)}</li>
            ))}
          </ul>
        ),
      )}
    </article>
  );
}

/** Saves the file `blob` as `filename` in the browser. */
function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** The month's message as loaded, replaced by the answer of each save and the approval. */
function Editor({ loaded, reload }: { loaded: NewsResponse; reload(): void }) {
  const { api, lang } = useTab();
  const [news, setNews] = useState(loaded);
  const [title, setTitle] = useState(loaded.title);
  const [body, setBody] = useState(loaded.body);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setNews(loaded), [loaded]);
  const editable = news.mayEdit.allowed && news.state === 'draft';
  const dirty = title !== news.title || body !== news.body;
  const path = `/berichten/${news.month}`;
  const act = async (run: () => Promise<NewsResponse>, done: string) => {
    setNotice(null);
    try {
      const now = await run();
      setNews(now);
      setTitle(now.title);
      setBody(now.body);
      setNotice({ intent: 'success', text: done });
    } catch (err) {
      // Changed meanwhile: the person's text stays in the editor; the message says who changed it.
      setNotice({ intent: 'error', text: err instanceof Error ? err.message : String(err) });
      if (err instanceof ApiError && err.status === 409 && err.body['error'] === 'not_possible') reload();
    }
  };
  const save = () =>
    act(() => api.send<NewsResponse>('PUT', path, { title, body }, String(news.version)), tr(lang, 'news.saved'));
  const approve = () =>
    act(
      () => api.send<NewsResponse>('POST', `${path}/goedkeuren`, undefined, String(news.version)),
      tr(lang, 'news.approvedNotice', { channel: news.channel }),
    );
  const download = async () => {
    try {
      if (!api.download) return;
      const { blob, fileName } = await api.download(`${path}.html?lang=${lang}`);
      saveFile(blob, fileName);
    } catch (err) {
      setNotice({ intent: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };
  const approveReason = !news.mayEdit.allowed ? news.mayEdit.reason : dirty ? tr(lang, 'news.unsaved') : undefined;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Title3 block as="h2">
        {tr(lang, 'news.title', { month: monthLabel(news.month, lang) })}
      </Title3>
      <Caption1 role="note">{stateLine(news, lang)}</Caption1>
      {news.state === 'draft' && <Caption1>{tr(lang, 'news.channel', { channel: news.channel })}</Caption1>}
      <Notice notice={notice} />
      <div style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
        <div style={{ display: 'grid', gap: 8, alignContent: 'start' }}>
          <Field label={tr(lang, 'news.field.title')}>
            <Input value={title} readOnly={!editable} onChange={(_e, d) => setTitle(d.value)} />
          </Field>
          <Field label={tr(lang, 'news.field.body')} hint={tr(lang, 'news.format')}>
            <Textarea
              value={body}
              readOnly={!editable}
              rows={18}
              onChange={(_e, d) => setBody(d.value)}
              resize="vertical"
            />
          </Field>
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Button appearance="primary" disabled={!editable || !dirty} onClick={() => void save()}>
              {tr(lang, 'news.save')}
            </Button>
            <Button
              disabled={!editable}
              onClick={() => {
                setTitle(news.composed.title);
                setBody(news.composed.body);
                setNotice({ intent: 'success', text: tr(lang, 'news.recomposed') });
              }}
            >
              {tr(lang, 'news.recompose')}
            </Button>
            {news.state === 'draft' && (
              <Button
                disabled={!!approveReason}
                aria-describedby={approveReason ? 'news-approve-reason' : undefined}
                onClick={() => setConfirming(true)}
              >
                {tr(lang, 'news.approve')}
              </Button>
            )}
            <Button appearance="subtle" onClick={() => void download()}>
              {tr(lang, 'news.download')}
            </Button>
          </div>
          {news.state === 'draft' && approveReason && <Caption1 id="news-approve-reason">{approveReason}</Caption1>}
          {confirming && (
            <div role="group" aria-label={tr(lang, 'news.approve')} style={{ display: 'grid', gap: 8 }}>
              <Caption1>{tr(lang, 'news.approveConfirm', { channel: news.channel })}</Caption1>
              <div style={{ display: 'flex', gap: 8 }}>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirming(false);
                    void approve();
                  }}
                >
                  {tr(lang, 'news.approveYes')}
                </Button>
                <Button onClick={() => setConfirming(false)}>{tr(lang, 'news.cancel')}</Button>
              </div>
            </div>
          )}
        </div>
        <Preview title={title} body={body} lang={lang} />
      </div>
    </div>
  );
}
