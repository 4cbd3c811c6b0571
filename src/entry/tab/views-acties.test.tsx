// @vitest-environment happy-dom
// Acties as a projectleider works in it (issue 17 §4): search, sort by any column, pages with a count of which of
// how many (no silent cut at 200), K names from the catalogue and dates in the reader's language.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ActionView } from '../../app/contract.ts';
import { ApiError, type Api } from './api.ts';
import { Ctx, type Me } from './data.tsx';
import type { Lang } from './i18n.ts';
import { dateText, pageOf, searchActions, sortActions } from './logic.ts';
import { Acties } from './views/Acties.tsx';

afterEach(cleanup);

const me: Me = {
  person: { id: 'p1', name: 'Fictief Een', gemeente: 'alfa', roles: [] },
  app: false,
  mayDecide: false,
  werkgroepen: ['wg-a'],
  programme: { id: 'proef', name: 'Proef' },
};
const action = (id: string, o: Partial<ActionView> = {}): ActionView => ({
  id,
  werkgroep: 'wg-a',
  werkgroepName: 'Werkgroep A',
  title: `Actie ${id}`,
  due: '2026-12-20',
  status: 'open',
  ks: [],
  owners: [{ id: 'p1', name: 'Fictief Een' }],
  notes: '',
  overdue: false,
  inPlanner: true,
  blockedBy: [],
  conflicts: [],
  version: `v-${id}`,
  ...o,
});

const api = (actions: ActionView[]): Api => ({
  send: vi.fn() as Api['send'],
  post: vi.fn() as Api['post'],
  patch: vi.fn() as Api['patch'],
  get: vi.fn(async (path: string) => {
    if (path === '/acties') return { actions };
    throw new ApiError(404, 'not found');
  }) as Api['get'],
});

const renderActies = (actions: ActionView[], lang: Lang = 'nl') =>
  render(
    <FluentProvider theme={webLightTheme}>
      <Ctx.Provider value={{ api: api(actions), lang, me, onUnauthorized: () => undefined }}>
        <Acties />
      </Ctx.Provider>
    </FluentProvider>,
  );

const titles = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.getAttribute('data-action'));

describe('Acties: the logic', () => {
  const rows = [
    action('z', { title: 'Zaaksysteem kiezen', werkgroepName: 'ICT', due: null, status: 'loopt' }),
    action('a', { title: 'Archief ordenen', werkgroepName: 'Juridische zaken', due: '2026-12-01', status: 'gereed' }),
    action('c', {
      title: 'Cursus privacy',
      werkgroepName: 'HRM',
      due: '2026-11-15',
      notes: 'met de functionaris gegevensbescherming',
      owners: [{ id: 'p9', name: 'Émile Voorbeeld' }],
    }),
  ];

  it('searches title, werkgroep, owners and notes, every word, without case or accents', () => {
    expect(searchActions(rows, 'zaak ict').map((a) => a.id)).toEqual(['z']);
    expect(searchActions(rows, 'EMILE').map((a) => a.id)).toEqual(['c']);
    expect(searchActions(rows, 'gegevensbescherming').map((a) => a.id)).toEqual(['c']);
    expect(searchActions(rows, '  ').map((a) => a.id)).toEqual(['z', 'a', 'c']);
    expect(searchActions(rows, 'zaak hrm')).toEqual([]);
  });

  it('sorts by each column both ways; no due date last either way; status in workflow order', () => {
    expect(sortActions(rows, { key: 'title', direction: 'ascending' }).map((a) => a.id)).toEqual(['a', 'c', 'z']);
    expect(sortActions(rows, { key: 'title', direction: 'descending' }).map((a) => a.id)).toEqual(['z', 'c', 'a']);
    expect(sortActions(rows, { key: 'due', direction: 'ascending' }).map((a) => a.id)).toEqual(['c', 'a', 'z']);
    expect(sortActions(rows, { key: 'due', direction: 'descending' }).map((a) => a.id)).toEqual(['a', 'c', 'z']);
    expect(sortActions(rows, { key: 'status', direction: 'ascending' }).map((a) => a.id)).toEqual(['c', 'z', 'a']);
    expect(sortActions(rows, { key: 'werkgroep', direction: 'ascending' }).map((a) => a.id)).toEqual(['c', 'z', 'a']);
    expect(sortActions(rows, { key: 'owners', direction: 'descending' }).map((a) => a.id)).toEqual(['z', 'a', 'c']);
    expect(sortActions(rows, null)).toBe(rows);
  });

  it('pages without losing a row, and dates as people read them', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    const seen = [1, 2, 3].flatMap((n) => pageOf(items, n, 50).items);
    expect(seen).toEqual(items);
    expect(pageOf(items, 3, 50)).toMatchObject({ page: 3, pages: 3, from: 101, to: 120 });
    expect(pageOf(items, 9, 50).page).toBe(3);
    expect(pageOf([], 1, 50)).toMatchObject({ items: [], page: 1, pages: 1, from: 0, to: 0 });
    expect(dateText('2026-12-08', 'nl')).toBe('8 dec 2026');
    expect(dateText('2026-12-08', 'en')).toBe('8 Dec 2026');
  });
});

describe('Acties: the view', () => {
  it('shows 120 actions in pages of 50 with which of how many, searches and sorts by a header', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      action(`a${String(i).padStart(3, '0')}`, { title: `Taak ${String(i).padStart(3, '0')}` }),
    );
    renderActies(many);
    await screen.findByText('1–50 van 120 acties');
    expect(titles()).toHaveLength(50);
    const pager = screen.getByRole('navigation', { name: 'Pagina’s' });
    expect(within(pager).getByText('Pagina 1 van 3')).toBeTruthy();
    fireEvent.click(within(pager).getByRole('button', { name: 'Volgende pagina' }));
    fireEvent.click(within(pager).getByRole('button', { name: 'Volgende pagina' }));
    expect(screen.getByText('101–120 van 120 acties')).toBeTruthy();
    expect(titles()).toHaveLength(20);
    expect((within(pager).getByRole('button', { name: 'Volgende pagina' }) as HTMLButtonElement).disabled).toBe(true);

    // Sorting by title, descending on the second click: the last one comes first, on page 1 again.
    const header = screen.getByRole('columnheader', { name: 'Actie' });
    fireEvent.click(within(header).getByRole('button', { name: 'Actie' }));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button', { name: 'Actie' }));
    expect(screen.getByRole('columnheader', { name: 'Actie' }).getAttribute('aria-sort')).toBe('descending');
    expect(titles()[0]).toBe('a119');
    expect(screen.getByText('1–50 van 120 acties')).toBeTruthy();

    // Searching narrows it to one page and says of how many.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoeken in acties' }), { target: { value: 'taak 11' } });
    expect(screen.getByText('11 van 120 acties')).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Pagina’s' })).toBeNull();
  });

  it('exports what is shown, every page of it, sorted as shown, to Excel', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      action(`a${String(i).padStart(3, '0')}`, { title: `Taak ${String(i).padStart(3, '0')}` }),
    );
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:export';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const column = async (n: number) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await (blobs[n] as Blob).arrayBuffer());
      const cells: unknown[] = [];
      book.worksheets[0]?.getColumn(1).eachCell((c) => cells.push(c.value));
      return cells;
    };
    renderActies(many);
    await screen.findByText('1–50 van 120 acties');
    // All three pages, not only the one on screen.
    fireEvent.click(screen.getByRole('button', { name: 'Exporteren naar Excel' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect((await column(0)).slice(1)).toHaveLength(120);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoeken in acties' }), { target: { value: 'taak 11' } });
    const header = screen.getByRole('columnheader', { name: 'Actie' });
    fireEvent.click(within(header).getByRole('button', { name: 'Actie' }));
    fireEvent.click(within(header).getByRole('button', { name: 'Actie' }));
    expect(screen.getByText('11 van 120 acties')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Exporteren naar Excel' }));
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    const titlesInFile = await column(1);
    // 'taak 11' matches Taak 011 and 110–119: 11 rows, descending as shown.
    expect(titlesInFile[0]).toBe('Actie');
    expect(titlesInFile.slice(1)).toHaveLength(11);
    expect(titlesInFile[1]).toBe('Taak 119');
    expect(titlesInFile.at(-1)).toBe('Taak 011');
  });

  it('names the K’s and writes dates in the reader’s language', async () => {
    renderActies([action('k1', { ks: ['kansen'], due: '2026-12-08' })], 'en');
    await screen.findByText('1 action');
    const k = screen.getByRole('combobox', { name: 'K' });
    expect([...k.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'All',
      'Quality',
      'Vulnerability',
      'Costs',
      'Opportunities',
    ]);
    expect(screen.getByText('8 Dec 2026')).toBeTruthy();
  });
});
