// Acties: the action lists with filters (mine, werkgroep, overdue, blocked, K), a search, sorting by any column
// and pages of PAGE_SIZE (never a silent cut: the count says which of how many are shown), and an inline status
// edit that goes through the API to Planner; a refusal (not a member: 403; changed meanwhile: 409, with the current
// values shown) is shown, never swallowed. Each row says what the action waits on and any recent conflict with Planner.
import { useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import {
  Button,
  Caption1,
  SearchBox,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { ActionPatch, ActionsResponse, ActionView, ErrorResponse } from '../../../app/contract.ts';
import { FOUR_KS } from '../../../domain/vocabulary.ts';
import { ApiError } from '../api.ts';
import { Loadable, Notice, useData, useTab, type NoticeState } from '../data.tsx';
import { kLabel, tr, type MessageKey } from '../i18n.ts';
import {
  dateText,
  filterActions,
  pageOf,
  searchActions,
  sortActions,
  type ActionSort,
  type ActionSortKey,
} from '../logic.ts';
import { actionsSheet } from '../export.ts';
import { ExportButton } from './ExportButton.tsx';
import { StatusSelect } from './StatusSelect.tsx';

const FIELD = {
  title: 'acties.field.title',
  due: 'acties.field.due',
  status: 'acties.field.status',
  ks: 'acties.field.ks',
  owners: 'acties.field.owners',
  notes: 'acties.field.notes',
} as const;

/** A field's value as a person reads it (lists joined, nothing as a dash). */
const shown_ = (v: unknown): string =>
  Array.isArray(v) ? v.join(', ') : v === null || v === undefined || v === '' ? '—' : String(v);

/** The filter state of the list, and its setters. */
interface Filters {
  mine: boolean;
  setMine(v: boolean): void;
  overdue: boolean;
  setOverdue(v: boolean): void;
  blocked: boolean;
  setBlocked(v: boolean): void;
  wg: string;
  setWg(v: string): void;
  k: string;
  setK(v: string): void;
  query: string;
  setQuery(v: string): void;
}

/** Rows per page: a page stays quick to render and to read; the pager shows the rest. */
const PAGE_SIZE = 50;

const COLUMNS: { key: ActionSortKey; label: MessageKey }[] = [
  { key: 'title', label: 'acties.col.title' },
  { key: 'werkgroep', label: 'acties.col.werkgroep' },
  { key: 'owners', label: 'acties.col.owners' },
  { key: 'due', label: 'acties.col.due' },
  { key: 'status', label: 'acties.col.status' },
];

export function Acties({ werkgroep }: { werkgroep?: string }) {
  const state = useData<ActionsResponse>('/acties');
  const { lang, me } = useTab();
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [wg, setWg] = useState(werkgroep ?? '');
  const [k, setK] = useState('');
  const [query, setQuery] = useState('');
  const [edits, setEdits] = useState<Record<string, ActionView>>({});
  const [notice, setNotice] = useState<NoticeState>(null);
  const all = useMemo(() => (state.data?.actions ?? []).map((a) => edits[a.id] ?? a), [state.data, edits]);
  const groups = useMemo(
    () =>
      [...new Map(all.map((a) => [a.werkgroep, a.werkgroepName])).entries()].sort((a, b) => a[1].localeCompare(b[1])),
    [all],
  );
  const shown = searchActions(
    filterActions(all, {
      mine: mine ? me.person?.id : undefined,
      werkgroep: wg || undefined,
      overdue,
      blocked,
      k: k || undefined,
    }),
    query,
  );
  const setStatus = useSetStatus(setEdits, setNotice);
  // "of how many": of the werkgroep's actions where the view is a werkgroep's (its page or channel tab), else of all.
  const scope = werkgroep && wg === werkgroep ? all.filter((a) => a.werkgroep === werkgroep).length : all.length;

  return (
    <section aria-label={tr(lang, 'nav.acties')}>
      <ActiesFilters
        filters={{ mine, setMine, overdue, setOverdue, blocked, setBlocked, wg, setWg, k, setK, query, setQuery }}
        groups={groups}
      />
      <Notice notice={notice} />
      <Loadable state={state}>
        {() =>
          shown.length === 0 ? (
            <Text role="status">{tr(lang, 'acties.empty')}</Text>
          ) : (
            <ActiesTable shown={shown} total={scope} setStatus={setStatus} />
          )
        }
      </Loadable>
    </section>
  );
}

/** The table of the shown actions: sortable headers, one page at a time, and a count of which of how many. */
function ActiesTable({
  shown,
  total,
  setStatus,
}: {
  shown: ActionView[];
  total: number;
  setStatus: (a: ActionView, status: ActionView['status']) => Promise<boolean>;
}) {
  const { lang } = useTab();
  const [sort, setSort] = useState<ActionSort | null>(null);
  const [page, setPage] = useState(1);
  const p = pageOf(sortActions(shown, sort), page, PAGE_SIZE);
  const toggle = (key: ActionSortKey) => {
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
    setPage(1);
  };
  const count =
    p.pages > 1
      ? tr(lang, 'acties.range', { from: p.from, to: p.to, n: shown.length })
      : shown.length < total
        ? tr(lang, 'acties.countOf', { n: shown.length, total })
        : tr(lang, 'acties.count', { n: shown.length });
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
        <Caption1 role="status">
          {count}
          {p.pages > 1 && shown.length < total ? ` (${tr(lang, 'acties.filteredFrom', { total })})` : ''}
        </Caption1>
        <ExportButton sheet={() => actionsSheet(sortActions(shown, sort), lang)} fileName="acties" />
      </div>
      <Table aria-label={tr(lang, 'nav.acties')} size="small">
        <TableHeader>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableHeaderCell
                key={c.key}
                sortable
                sortDirection={sort?.key === c.key ? sort.direction : undefined}
                onClick={() => toggle(c.key)}
              >
                {tr(lang, c.label)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {p.items.map((a) => (
            <ActieRow key={a.id} a={a} setStatus={setStatus} />
          ))}
        </TableBody>
      </Table>
      {p.pages > 1 && (
        <nav
          aria-label={tr(lang, 'acties.pages')}
          style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 8 }}
        >
          <Button disabled={p.page === 1} onClick={() => setPage(p.page - 1)}>
            {tr(lang, 'acties.page.prev')}
          </Button>
          <Caption1>{tr(lang, 'acties.page', { page: p.page, pages: p.pages })}</Caption1>
          <Button disabled={p.page === p.pages} onClick={() => setPage(p.page + 1)}>
            {tr(lang, 'acties.page.next')}
          </Button>
        </nav>
      )}
    </>
  );
}

/**
 * The inline status edit: a PATCH through the API, resolving to whether it was saved; a refusal (409 with the current
 * values) updates the row.
 */
function useSetStatus(
  setEdits: Dispatch<SetStateAction<Record<string, ActionView>>>,
  setNotice: Dispatch<SetStateAction<NoticeState>>,
) {
  const { api, lang } = useTab();
  return async (a: ActionView, status: ActionView['status']): Promise<boolean> => {
    setNotice(null);
    try {
      const saved = await api.patch<ActionView>(
        `/acties/${encodeURIComponent(a.id)}`,
        { status } satisfies ActionPatch,
        a.version,
      );
      setEdits((e) => ({ ...e, [a.id]: { ...a, ...saved } }));
      setNotice({ intent: 'success', text: tr(lang, 'acties.saved') });
      return true;
    } catch (err) {
      // Changed since it was loaded: the row shows the current values, and the message says so.
      const current =
        err instanceof ApiError && err.status === 409 ? (err.body as Partial<ErrorResponse>).action : undefined;
      if (current) setEdits((e) => ({ ...e, [a.id]: current }));
      setNotice({
        intent: 'error',
        text: tr(lang, 'acties.refused', { detail: err instanceof Error ? err.message : String(err) }),
      });
      return false;
    }
  };
}

/** The filter bar: mine, overdue, blocked, werkgroep and K. */
function ActiesFilters({ filters: f, groups }: { filters: Filters; groups: [string, string][] }) {
  const { lang, me } = useTab();
  return (
    <div
      role="group"
      aria-label="filters"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginBottom: 12 }}
    >
      <SearchBox
        aria-label={tr(lang, 'acties.search')}
        placeholder={tr(lang, 'acties.search')}
        value={f.query}
        onChange={(_e, d) => f.setQuery(d.value)}
      />
      <Switch
        label={tr(lang, 'acties.filter.mine')}
        checked={f.mine}
        onChange={(_e, d) => f.setMine(d.checked)}
        disabled={!me.person}
      />
      <Switch
        label={tr(lang, 'acties.filter.overdue')}
        checked={f.overdue}
        onChange={(_e, d) => f.setOverdue(d.checked)}
      />
      <Switch
        label={tr(lang, 'acties.filter.blocked')}
        checked={f.blocked}
        onChange={(_e, d) => f.setBlocked(d.checked)}
      />
      <label>
        {tr(lang, 'acties.filter.werkgroep')}{' '}
        <Select aria-label={tr(lang, 'acties.filter.werkgroep')} value={f.wg} onChange={(_e, d) => f.setWg(d.value)}>
          <option value="">{tr(lang, 'acties.filter.all')}</option>
          {groups.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      </label>
      <label>
        {tr(lang, 'acties.filter.k')}{' '}
        <Select aria-label={tr(lang, 'acties.filter.k')} value={f.k} onChange={(_e, d) => f.setK(d.value)}>
          <option value="">{tr(lang, 'acties.filter.all')}</option>
          {FOUR_KS.map((x) => (
            <option key={x} value={x}>
              {kLabel(lang, x)}
            </option>
          ))}
        </Select>
      </label>
    </div>
  );
}

/** One action: title (with what it waits on and any conflict with Planner), werkgroep, owners, due, status edit. */
function ActieRow({
  a,
  setStatus,
}: {
  a: ActionView;
  setStatus: (a: ActionView, status: ActionView['status']) => Promise<boolean>;
}) {
  const { lang } = useTab();
  return (
    <TableRow data-action={a.id}>
      <TableCell>
        {a.title}
        {a.blockedBy.length > 0 && (
          <Caption1 block>{tr(lang, 'acties.waitsOn', { names: a.blockedBy.map((b) => b.name).join(', ') })}</Caption1>
        )}
        {a.conflicts.map((c, i) => (
          <Caption1 block key={i} style={{ color: 'var(--colorPaletteDarkOrangeForeground1)' }}>
            {tr(lang, 'acties.conflict', {
              field: c.field in FIELD ? tr(lang, FIELD[c.field as keyof typeof FIELD]) : c.field,
              here: shown_(c.here),
              planner: shown_(c.planner),
            })}
          </Caption1>
        ))}
      </TableCell>
      <TableCell>{a.werkgroepName}</TableCell>
      <TableCell>{a.owners.map((o) => o.name).join(', ')}</TableCell>
      <TableCell>
        {a.overdue ? (
          <Text weight="semibold" style={{ color: 'var(--colorPaletteRedForeground1)' }}>
            {a.due && dateText(a.due, lang)}
          </Text>
        ) : a.due ? (
          dateText(a.due, lang)
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell>
        <StatusSelect
          label={`${tr(lang, 'acties.col.status')}: ${a.title}`}
          value={a.status}
          save={(status) => setStatus(a, status)}
        />
      </TableCell>
    </TableRow>
  );
}
