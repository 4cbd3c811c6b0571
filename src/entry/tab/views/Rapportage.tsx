// The monthly voortgangsrapportage in the tab (issue 16 §2): pick a month, see its headline figures, write the
// projectleider's introduction (saved at the version read; a conflict keeps the text on screen with the server's
// message), approve it (only the projectleider; others see why the button is off), and download every version's
// documents (.docx and .pdf, the full version and the stuurgroep's). The server decides on every change.
import { useEffect, useId, useState } from 'react';
import { Body1, Button, Field, Input, Subtitle2, Textarea } from '@fluentui/react-components';
import type {
  ApproveResponse,
  IntroductionResponse,
  ReportMonthResponse,
  ReportVersionView,
} from '../../../app/contract.ts';
import { Loadable, Notice, useData, useTab, type NoticeState } from '../data.tsx';
import { LOCALE_OF, tr, type Lang } from '../i18n.ts';

/** The browser's current month, YYYY-MM (the tab has no programme time zone; as the measurement date). */
const thisMonth = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

const monthText = (month: string, lang: Lang) =>
  new Date(`${month}-15T12:00:00Z`).toLocaleDateString(LOCALE_OF[lang], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

const dateText = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleDateString(LOCALE_OF[lang], { day: 'numeric', month: 'long', year: 'numeric' });

/** Saves a downloaded file in the browser (an object URL clicked once). */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** One version: its state, and a download button per document the reader may have. */
function VersionRow({ v, onError }: { v: ReportVersionView; onError(text: string): void }) {
  const { api, lang } = useTab();
  const label = v.approved
    ? tr(lang, 'rapportage.version.approved', {
        version: v.version,
        name: v.approved.byName,
        date: dateText(v.approved.at, lang),
      })
    : tr(lang, 'rapportage.version.draft', { version: v.version });
  return (
    <li>
      <Body1>{label}</Body1>{' '}
      {v.documents.map((d) => {
        const text = tr(lang, 'rapportage.download', { format: d.format, variant: d.variant });
        return (
          <Button
            key={d.path}
            size="small"
            aria-label={tr(lang, 'rapportage.downloadLabel', { version: v.version, label: text })}
            disabled={!api.download}
            onClick={() => {
              api.download?.(d.path).then(
                (f) => save(f.blob, f.fileName),
                (err: unknown) => onError(err instanceof Error ? err.message : String(err)),
              );
            }}
          >
            {text}
          </Button>
        );
      })}
    </li>
  );
}

/** The month's report: figures, introduction, approval and versions. */
function MonthReport({ data, reload }: { data: ReportMonthResponse; reload(): void }) {
  const { api, lang } = useTab();
  const [text, setText] = useState(data.latest.introduction);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  const whyId = useId();
  // A newly loaded month or version replaces the text; a refused save keeps what was typed (no reload then).
  useEffect(() => setText(data.latest.introduction), [data.month, data.latest.etag, data.latest.introduction]);
  const s = data.summary;
  const may = data.mayApprove;
  const unsaved = text !== data.latest.introduction;
  const fail = (err: unknown) => setNotice({ intent: 'error', text: err instanceof Error ? err.message : String(err) });
  const saveIntro = async () => {
    setBusy(true);
    try {
      const r = await api.send<IntroductionResponse>(
        'PUT',
        `/rapporten/${data.month}/inleiding`,
        { introduction: text },
        data.latest.etag,
      );
      setNotice({ intent: 'success', text: tr(lang, 'rapportage.saved', { version: r.version }) });
      reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  const approve = async () => {
    setBusy(true);
    try {
      const r = await api.send<ApproveResponse>(
        'POST',
        `/rapporten/${data.month}/goedkeuren`,
        undefined,
        data.latest.etag,
      );
      const key = r.approvedNow ? 'rapportage.approved' : 'rapportage.alreadyApproved';
      setNotice({ intent: 'success', text: tr(lang, key, { version: r.version.version, to: data.to.join(', ') }) });
      reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 60 * 16 }}>
      <Subtitle2 as="h2" block>
        {tr(lang, 'rapportage.title', { month: monthText(data.month, lang) })}
      </Subtitle2>
      <Body1>
        {tr(lang, 'rapportage.due', { due: dateText(`${data.due}T12:00:00`, lang), to: data.to.join(', ') })}
      </Body1>
      {data.defaults && <Body1>{data.defaults}</Body1>}
      <section aria-label={tr(lang, 'rapportage.figures')}>
        <Subtitle2 as="h3" block>
          {tr(lang, 'rapportage.figures')}
        </Subtitle2>
        <ul>
          <li>{tr(lang, 'rapportage.werkgroepen', { ...s.werkgroepen })}</li>
          <li>{tr(lang, 'rapportage.decisions', { taken: s.decisionsTaken, waiting: s.decisionsWaiting })}</li>
          {s.medianLeadTimeDays !== null && <li>{tr(lang, 'rapportage.leadTime', { days: s.medianLeadTimeDays })}</li>}
          <li>{tr(lang, 'rapportage.actions', { overdue: s.overdueActions, blocked: s.blockedActions })}</li>
        </ul>
      </section>
      <Field label={tr(lang, 'rapportage.introduction')}>
        <Textarea
          value={text}
          rows={8}
          readOnly={!may.allowed}
          onChange={(_e, d) => setText(d.value)}
          resize="vertical"
        />
      </Field>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button disabled={!may.allowed || busy || !unsaved} onClick={() => void saveIntro()}>
          {tr(lang, 'rapportage.save')}
        </Button>
        <Button
          appearance="primary"
          disabled={!may.allowed || busy || unsaved}
          aria-describedby={whyId}
          onClick={() => void approve()}
        >
          {tr(lang, 'rapportage.approve')}
        </Button>
        <Body1 id={whyId}>{may.allowed ? (unsaved ? tr(lang, 'rapportage.unsaved') : '') : may.why}</Body1>
      </div>
      <Notice notice={notice} />
      <section aria-label={tr(lang, 'rapportage.versions')}>
        <Subtitle2 as="h3" block>
          {tr(lang, 'rapportage.versions')}
        </Subtitle2>
        {data.versions.length === 0 ? (
          <Body1>{tr(lang, 'rapportage.noVersions')}</Body1>
        ) : (
          <ul>
            {data.versions.map((v) => (
              <VersionRow key={v.version} v={v} onError={(t) => setNotice({ intent: 'error', text: t })} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The Rapportage view; `month` (YYYY-MM) from a deep link, else this month. */
export function Rapportage({ month }: { month?: string | undefined }) {
  const { lang } = useTab();
  const [picked, setPicked] = useState(month && /^\d{4}-\d{2}$/.test(month) ? month : thisMonth());
  const state = useData<ReportMonthResponse>(`/rapporten/${picked}`);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Field label={tr(lang, 'rapportage.month')} style={{ maxWidth: 16 * 14 }}>
        <Input type="month" value={picked} onChange={(_e, d) => d.value && setPicked(d.value)} />
      </Field>
      <Loadable state={state}>{(data) => <MonthReport data={data} reload={state.reload} />}</Loadable>
    </div>
  );
}
