// The besluitenlijst of a closed meeting (issue 18 §4): the decisions taken, the actions made, the items carried
// over — and the view listing the besluitenlijsten of past meetings, latest first. Printable: the print stylesheet
// hides the navigation and every control, so the printed page is the list alone.
import { Body1, Button, Subtitle2 } from '@fluentui/react-components';
import type { BesluitenlijstenResponse } from '../../../app/contract.ts';
import type { Besluitenlijst as List } from '../../../domain/meeting/besluitenlijst.ts';
import { Loadable, useData, useTab } from '../data.tsx';
import { LOCALE_OF, tr, type Lang } from '../i18n.ts';

/** On paper: no navigation, no buttons or form fields, no tab header; the lists in black on white. */
const PRINT_CSS = `@media print {
  nav, button, form, select, input, textarea, header, [data-print="hide"] { display: none !important; }
  body, .fui-FluentProvider { background: #fff !important; color: #000 !important; }
  [data-print="list"] { break-inside: avoid; }
}`;

/** A local date (YYYY-MM-DD) written out: "dinsdag 8 december 2026". */
export const dayText = (date: string, lang: Lang): string =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(LOCALE_OF[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

function Section({ title, lines }: { title: string; lines: string[] }) {
  const { lang } = useTab();
  return (
    <section>
      <Subtitle2 as="h3" block>
        {title}
      </Subtitle2>
      {lines.length === 0 ? (
        <Body1>{tr(lang, 'besluitenlijst.none')}</Body1>
      ) : (
        <ul>
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One besluitenlijst, as sent to the body's channel. */
export function BesluitenlijstView({ list }: { list: List }) {
  const { lang } = useTab();
  const title = tr(lang, 'besluitenlijst.title', { body: list.body.name, date: dayText(list.date, lang) });
  const decisions = list.decisions.map((x) => {
    const outcome = x.outcome ? tr(lang, `outcome.${x.outcome}`) : tr(lang, 'besluitenlijst.proposed');
    return `${x.title} — ${[outcome, ...(x.isNew ? [tr(lang, 'besluitenlijst.new')] : [])].join(', ')}`;
  });
  const actions = list.actions.map((a) =>
    tr(lang, 'besluitenlijst.action', {
      title: a.title,
      owner: a.ownerName,
      due: dayText(a.due, lang),
      werkgroep: a.werkgroepName,
    }),
  );
  return (
    <article aria-label={title} data-print="list">
      <Subtitle2 as="h2" block>
        {title}
      </Subtitle2>
      <Section title={tr(lang, 'besluitenlijst.decisions')} lines={decisions} />
      <Section title={tr(lang, 'besluitenlijst.actions')} lines={actions} />
      <Section title={tr(lang, 'besluitenlijst.carriedOver')} lines={list.carriedOver.map((i) => i.title)} />
    </article>
  );
}

/** The print button and the print stylesheet it relies on. */
export function PrintButton() {
  const { lang } = useTab();
  return (
    <>
      <style>{PRINT_CSS}</style>
      <Button onClick={() => window.print()}>{tr(lang, 'besluitenlijst.print')}</Button>
    </>
  );
}

/** The besluitenlijsten of the closed meetings, latest first; `meeting` (body:date) shows that one only. */
export function Besluitenlijsten({ meeting }: { meeting?: string | undefined }) {
  const { lang } = useTab();
  const state = useData<BesluitenlijstenResponse>('/vergaderingen');
  return (
    <Loadable state={state}>
      {(data) => {
        const shown = meeting ? data.meetings.filter((m) => `${m.body.id}:${m.date}` === meeting) : data.meetings;
        if (shown.length === 0) return <Body1>{tr(lang, 'besluitenlijsten.empty')}</Body1>;
        return (
          <div style={{ display: 'grid', gap: 24 }}>
            <div>
              <PrintButton />
            </div>
            {shown.map((m) => (
              <BesluitenlijstView key={`${m.body.id}:${m.date}`} list={m.besluitenlijst} />
            ))}
          </div>
        );
      }}
    </Loadable>
  );
}
