// The proposal form (issue 18 §1): title, proposal text, the werkgroep it comes from, the level of the decision
// route it starts at and the actions it blocks; POST /api/besluiten. Checked here first (messages in the tab's
// language, Dutch unless Teams asks for English), then by the server, whose refusal is shown as an alert; nothing
// typed is lost on a refusal, the form keeps its values. Also opened from an update's "decisions needed"
// (Werkgroep view), prefilled from the update's text and linked to it (fromUpdate).
import { useState } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Select,
  Subtitle2,
  Text,
  Textarea,
} from '@fluentui/react-components';
import type {
  ActionsResponse,
  DecisionsResponse,
  DecisionView,
  OverviewResponse,
  ProposalInput,
} from '../../../app/contract.ts';
import type { BodyKind } from '../../../domain/programme/schema.ts';
import { ApiError } from '../api.ts';
import { Loadable, Notice, useData, useTab, type Me, type NoticeState } from '../data.tsx';
import { tr, type Lang } from '../i18n.ts';

/** What the form holds; `level` is '' until one is chosen. */
export interface ProposalDraft {
  title: string;
  proposal: string;
  werkgroep: string;
  level: BodyKind | '';
  blocks: string[];
  /** The update it comes from (updateRef), when made from an update's "decisions needed". */
  fromUpdate?: string | undefined;
  /** How the form names that update to the person (its date and author); the ref itself when absent. */
  fromUpdateLabel?: string | undefined;
}

/** The limits of ProposalInput (src/app/contract-besluiten.ts), checked before sending. */
const MAX_TITLE = 200;
const MAX_TEXT = 4000;

type Errors = Partial<Record<'title' | 'proposal' | 'werkgroep' | 'level', string>>;

const lengthError = (
  lang: Lang,
  text: string,
  max: number,
  empty: 'voorstel.titleRequired' | 'voorstel.textRequired',
) =>
  text.trim() === ''
    ? tr(lang, empty)
    : text.trim().length > max
      ? tr(lang, 'voorstel.tooLong', { length: text.trim().length, max })
      : undefined;

/** The form's own checks (the server checks again): per field the message to show, none when it may be sent. */
function check(lang: Lang, d: ProposalDraft): Errors {
  const e: Errors = {
    title: lengthError(lang, d.title, MAX_TITLE, 'voorstel.titleRequired'),
    proposal: lengthError(lang, d.proposal, MAX_TEXT, 'voorstel.textRequired'),
    werkgroep: d.werkgroep === '' ? tr(lang, 'voorstel.werkgroepRequired') : undefined,
  };
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as Errors;
}

/** Whether the person may propose at all: the access module allows werkgroep people and those who steer. */
export const mayPropose = (me: Me): boolean => me.app || me.mayDecide || me.werkgroepen.length > 0;

/** The werkgroepen the person may propose for (decision.propose): their own, or every one for those who steer. */
const proposableFor = (me: Me, all: OverviewResponse['werkgroepen']) =>
  me.app || me.mayDecide ? all : all.filter((w) => me.werkgroepen.includes(w.id));

/**
 * The form, for the levels of `route` (the programme's decision route). `onDone` gets the decision proposed;
 * `onCancel` closes the form.
 */
export function ProposalForm({
  route,
  initial = {},
  onDone,
  onCancel,
}: {
  route: BodyKind[];
  initial?: Partial<ProposalDraft>;
  onDone(made: DecisionView): void;
  onCancel(): void;
}) {
  const { lang, me } = useTab();
  const overview = useData<OverviewResponse>('/overzicht');
  return (
    <section aria-label={tr(lang, 'voorstel.heading')} style={{ display: 'grid', gap: 8, maxWidth: 640 }}>
      <Subtitle2 block as="h3">
        {tr(lang, 'voorstel.heading')}
      </Subtitle2>
      {!mayPropose(me) ? (
        <Text role="note">{tr(lang, 'voorstel.notAllowed')}</Text>
      ) : (
        <Loadable state={overview}>
          {(o) => (
            <Fields
              route={route}
              werkgroepen={proposableFor(me, o.werkgroepen)}
              initial={{
                title: '',
                proposal: '',
                werkgroep: initial.werkgroep ?? me.werkgroepen.find((w) => o.werkgroepen.some((x) => x.id === w)) ?? '',
                level: route[0] ?? '',
                blocks: [],
                ...initial,
              }}
              onDone={onDone}
              onCancel={onCancel}
            />
          )}
        </Loadable>
      )}
    </section>
  );
}

function Fields({
  route,
  werkgroepen,
  initial,
  onDone,
  onCancel,
}: {
  route: BodyKind[];
  werkgroepen: OverviewResponse['werkgroepen'];
  initial: ProposalDraft;
  onDone(made: DecisionView): void;
  onCancel(): void;
}) {
  const { api, lang, onUnauthorized } = useTab();
  const [draft, setDraft] = useState<ProposalDraft>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ProposalDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async () => {
    const found = check(lang, draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setNotice({ intent: 'error', text: tr(lang, 'voorstel.invalid') });
      return;
    }
    setNotice(null);
    setBusy(true);
    const body: ProposalInput = {
      title: draft.title.trim(),
      proposal: draft.proposal.trim(),
      werkgroep: draft.werkgroep,
      level: draft.level as BodyKind,
      blocks: draft.blocks,
      ...(draft.fromUpdate ? { fromUpdate: draft.fromUpdate } : {}),
    };
    try {
      onDone(await api.post<DecisionView>('/besluiten', body));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onUnauthorized();
      const detail = err instanceof Error ? err.message : String(err);
      setNotice({ intent: 'error', text: tr(lang, 'voorstel.refused', { detail }) });
    } finally {
      setBusy(false);
    }
  };
  const fieldState = (k: keyof Errors) =>
    errors[k] ? { validationState: 'error' as const, validationMessage: errors[k] } : {};
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      style={{ display: 'grid', gap: 8 }}
    >
      <Notice notice={notice} />
      {draft.fromUpdate && (
        <Caption1>{tr(lang, 'voorstel.fromUpdate', { period: draft.fromUpdateLabel ?? draft.fromUpdate })}</Caption1>
      )}
      <Field label={tr(lang, 'voorstel.title')} required {...fieldState('title')}>
        <Input value={draft.title} onChange={(_e, v) => set({ title: v.value })} />
      </Field>
      <Field label={tr(lang, 'voorstel.text')} required {...fieldState('proposal')}>
        <Textarea resize="vertical" rows={5} value={draft.proposal} onChange={(_e, v) => set({ proposal: v.value })} />
      </Field>
      <Field label={tr(lang, 'voorstel.werkgroep')} required {...fieldState('werkgroep')}>
        <Select value={draft.werkgroep} onChange={(_e, v) => set({ werkgroep: v.value, blocks: [] })}>
          <option value="" disabled>
            —
          </option>
          {werkgroepen.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr(lang, 'voorstel.level')} required {...fieldState('level')}>
        <Select value={draft.level} onChange={(_e, v) => set({ level: v.value as BodyKind })}>
          {route.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </Select>
      </Field>
      {draft.werkgroep !== '' && (
        <BlocksField werkgroep={draft.werkgroep} chosen={draft.blocks} onChange={(blocks) => set({ blocks })} />
      )}
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {tr(lang, 'voorstel.submit')}
        </Button>
        <Button type="button" onClick={onCancel}>
          {tr(lang, 'besluiten.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The open actions of `werkgroep` to tick as blocked by the decision. */
function BlocksField({
  werkgroep,
  chosen,
  onChange,
}: {
  werkgroep: string;
  chosen: string[];
  onChange(ids: string[]): void;
}) {
  const { lang } = useTab();
  const actions = useData<ActionsResponse>('/acties');
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
      <legend>{tr(lang, 'voorstel.blocks')}</legend>
      <Loadable state={actions}>
        {(a) => {
          const open = a.actions.filter((x) => x.werkgroep === werkgroep && x.status !== 'gereed');
          return open.length === 0 ? (
            <Caption1>{tr(lang, 'voorstel.noActions')}</Caption1>
          ) : (
            open.map((x) => (
              <Checkbox
                key={x.id}
                label={x.title}
                checked={chosen.includes(x.id)}
                onChange={(_e, v) => onChange(v.checked ? [...chosen, x.id] : chosen.filter((id) => id !== x.id))}
              />
            ))
          );
        }}
      </Loadable>
    </fieldset>
  );
}

/**
 * The level a proposal made from an update's "decisions needed from the regiegroep" starts at (issue 18 §1: at the
 * werkgroep's or projectgroep's level; the bot's card does the same, src/domain/bot/proposal-card.ts): the
 * projectgroep when the route passes one, else the route's first level. It moves up from there.
 */
const levelForUpdate = (route: BodyKind[]): BodyKind | '' =>
  route.includes('projectgroep') ? 'projectgroep' : (route[0] ?? '');

/**
 * The form prefilled from a werkgroep's update: its "decisions needed" as the proposal text (its first line as the
 * title), at the projectgroep's level (levelForUpdate), linked to the update.
 */
export function ProposalFromUpdate({
  werkgroep,
  update,
  onDone,
  onCancel,
}: {
  werkgroep: string;
  update: { id: string; decisionsNeeded: string; label: string };
  onDone(made: DecisionView): void;
  onCancel(): void;
}) {
  const log = useData<DecisionsResponse>('/besluiten');
  const firstLine = update.decisionsNeeded.trim().split('\n')[0]?.trim() ?? '';
  return (
    <Loadable state={log}>
      {(l) => (
        <ProposalForm
          route={l.route}
          initial={{
            title: firstLine.slice(0, MAX_TITLE),
            proposal: update.decisionsNeeded.trim(),
            werkgroep,
            level: levelForUpdate(l.route),
            fromUpdate: update.id,
            fromUpdateLabel: update.label,
          }}
          onDone={onDone}
          onCancel={onCancel}
        />
      )}
    </Loadable>
  );
}
