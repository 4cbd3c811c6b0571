// @vitest-environment happy-dom
// The tab's views with Testing Library against a fake API: what each shows, its filters, its edits and their
// refusals, its empty, loading and error states, and the sign-in screen on a 401.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type {
  ActionView,
  AgendaResponse,
  DecisionsResponse,
  OverviewResponse,
  PersonLoadView,
  VierKsResponse,
  WerkgroepResponse,
} from '../../app/contract.ts';
import { ApiError, type Api } from './api.ts';
import { App } from './app.tsx';
import { Ctx, type Me } from './data.tsx';
import type { Lang } from './i18n.ts';
import { ageText, filterActions, sortCapacity, timelinePercent } from './logic.ts';
import { Acties } from './views/Acties.tsx';
import { Agenda } from './views/Agenda.tsx';
import { AgendaItems } from './views/agenda-items.tsx';
import { Besluiten, seriesByQuarter } from './views/Besluiten.tsx';
import { Capaciteit } from './views/Capaciteit.tsx';
import { Overzicht } from './views/Overzicht.tsx';
import { parseNumber, VierKs } from './views/VierKs.tsx';
import { Werkgroep } from './views/Werkgroep.tsx';

afterEach(cleanup);
// Fluent's dialogs animate; happy-dom's Web Animations reject `finished` on cancel with no one listening (an unhandled
// rejection). Without element.animate Fluent takes its own test path (@fluentui/react-motion useAnimateAtoms).
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true });
});

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
const ACTIONS = [
  action('a1', { overdue: true, due: '2026-11-01', ks: ['kosten'], version: 'v1' }),
  action('a2', { owners: [{ id: 'p2', name: 'Fictief Twee' }], werkgroep: 'wg-b', werkgroepName: 'Werkgroep B' }),
  action('a3', { blockedBy: [{ kind: 'decision', id: 'd1', name: 'd1' }], ks: ['kansen'], status: 'gereed' }),
];

function fakeApi(routes: Record<string, unknown>, patch?: Api['patch'], post?: Api['post'], send?: Api['send']): Api {
  return {
    send: send ?? (vi.fn(async () => ({})) as Api['send']),
    post: post ?? (vi.fn(async () => ({})) as Api['post']),
    get: vi.fn(async (path: string) => {
      const r = routes[path];
      if (r instanceof Error) throw r;
      if (r === undefined) throw new ApiError(404, 'not found');
      return r;
    }) as Api['get'],
    patch: patch ?? (vi.fn(async () => ({})) as Api['patch']),
  };
}

function renderIn(node: ReactNode, api: Api, lang: Lang = 'nl', onUnauthorized = () => undefined, who: Me = me) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Ctx.Provider value={{ api, lang, me: who, onUnauthorized }}>{node}</Ctx.Provider>
    </FluentProvider>,
  );
}

describe('view logic', () => {
  it('filters actions by mine, werkgroep, overdue, blocked and K; overdue first', () => {
    expect(filterActions(ACTIONS, {}).map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(filterActions(ACTIONS, { mine: 'p1' }).map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(filterActions(ACTIONS, { werkgroep: 'wg-b' }).map((a) => a.id)).toEqual(['a2']);
    expect(filterActions(ACTIONS, { overdue: true }).map((a) => a.id)).toEqual(['a1']);
    expect(filterActions(ACTIONS, { blocked: true }).map((a) => a.id)).toEqual(['a3']);
    expect(filterActions(ACTIONS, { k: 'kansen' }).map((a) => a.id)).toEqual(['a3']);
  });

  it('ages, timeline positions and capacity order', () => {
    expect([ageText(0, 'nl'), ageText(1, 'nl'), ageText(5, 'en')]).toEqual(['vandaag', 'gisteren', '5 days ago']);
    expect(timelinePercent('2026-07-01', '2026-01-01', '2027-01-01')).toBeCloseTo(49.6, 1);
    expect(timelinePercent('2030-01-01', '2026-01-01', '2027-01-01')).toBe(100);
    const rows: PersonLoadView[] = [
      {
        personId: 'a',
        name: 'A',
        hoursPerWeek: 8,
        openActions: 1,
        overdueActions: 0,
        werkgroepen: [],
        meetingHours: 0,
        loadHours: 2,
        ratio: 0.25,
        overLimit: false,
      },
      {
        personId: 'b',
        name: 'B',
        hoursPerWeek: 2,
        openActions: 9,
        overdueActions: 3,
        werkgroepen: ['x'],
        meetingHours: 0,
        loadHours: 9,
        ratio: 4.5,
        overLimit: true,
      },
      {
        personId: 'c',
        name: 'C',
        hoursPerWeek: 8,
        openActions: 6,
        overdueActions: 0,
        werkgroepen: [],
        meetingHours: 0,
        loadHours: 6,
        ratio: 0.75,
        overLimit: false,
      },
    ];
    expect(sortCapacity(rows).map((r) => r.personId)).toEqual(['b', 'c', 'a']);
  });
});

describe('Overzicht', () => {
  it('shows a tile per werkgroep with its latest update and counts, and the meetings', async () => {
    const overview: OverviewResponse = {
      programme: { id: 'proef', name: 'Proefprogramma' },
      today: '2026-12-01',
      phases: [
        { number: 1, name: 'Voorbereiding', start: '2026-01-01', end: '2026-06-30' },
        { number: 2, name: 'Uitwerking', start: '2026-07-01', end: '2027-06-30' },
      ],
      meetings: [
        {
          body: 'regiegroep',
          name: 'Regiegroep',
          occurrence: 'regiegroep:2026-12-08',
          start: '2026-12-08T14:00:00Z',
          end: '2026-12-08T16:00:00Z',
        },
      ],
      werkgroepen: [
        {
          id: 'wg-a',
          name: 'Werkgroep A',
          trekker: { id: 'p1', name: 'Fictief Een' },
          open: 4,
          overdue: 1,
          blocked: 2,
          latestUpdate: { status: 'risico', progress: '', submittedAt: '2026-11-28T10:00:00Z', ageDays: 3 },
        },
        { id: 'wg-b', name: 'Werkgroep B', trekker: null, open: 0, overdue: 0, blocked: 0, latestUpdate: null },
      ],
    };
    const api = fakeApi({ '/overzicht': overview });
    renderIn(<Overzicht />, api);
    const a = await screen.findByRole('article', { name: 'Werkgroep A' });
    expect(within(a).getByText('risico · 3 dagen geleden')).toBeTruthy();
    expect(within(a).getByText('4 open · 1 te laat · 2 geblokkeerd')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Werkgroep B' })).getByText('Nog geen update')).toBeTruthy();
    expect(screen.getByText(/Regiegroep: dinsdag 8 december 2026/)).toBeTruthy();
    expect(screen.getByLabelText('Vandaag: 1 dec 2026')).toBeTruthy();
  });

  it('says what went wrong and offers to retry', async () => {
    const api = fakeApi({ '/overzicht': new ApiError(500, 'Er ging iets mis') });
    renderIn(<Overzicht />, api);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Kon de gegevens niet laden: Er ging iets mis');
    fireEvent.click(within(alert).getByRole('button', { name: 'Opnieuw' }));
    await waitFor(() => expect((api.get as ReturnType<typeof vi.fn>).mock.calls.length).toBe(2));
  });
});

describe('Acties', () => {
  it('filters, edits a status through the API and shows a refusal', async () => {
    const patch = vi.fn(async (path: string, body: unknown) => {
      if (path.endsWith('a2'))
        throw new ApiError(403, 'alleen leden van Werkgroep B kunnen de acties ervan wijzigen / only members…');
      return { ...ACTIONS[0], ...(body as object) };
    }) as unknown as Api['patch'];
    renderIn(<Acties />, fakeApi({ '/acties': { actions: ACTIONS } }, patch));
    await screen.findByText('3 acties');
    fireEvent.click(screen.getByRole('switch', { name: 'Te laat' }));
    expect(screen.getByText('1 van 3 acties')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Te laat' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status: Actie a1' }), { target: { value: 'gereed' } });
    await screen.findByText('Opgeslagen; Planner wordt bijgewerkt.');
    expect(patch).toHaveBeenCalledWith('/acties/a1', { status: 'gereed' }, 'v1');
    fireEvent.change(screen.getByRole('combobox', { name: 'Status: Actie a2' }), { target: { value: 'loopt' } });
    expect((await screen.findByRole('alert')).textContent).toContain('Niet opgeslagen: alleen leden van Werkgroep B');
    fireEvent.click(screen.getByRole('switch', { name: 'Geblokkeerd' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'K' }), { target: { value: 'kosten' } });
    expect(screen.getByText('Geen acties met deze filters. Zet een filter uit om meer te zien.')).toBeTruthy();
  });
});

describe('Acties: waits and conflicts', () => {
  it('says what an action waits on and its conflict with Planner; an edit on an older version shows the current values', async () => {
    const rows = [
      action('b1', { blockedBy: [{ kind: 'decision', id: 'd1', name: 'Keuze zaaksysteem' }], version: 'old' }),
      action('b2', { conflicts: [{ field: 'status', here: 'gereed', planner: 'loopt', at: '2026-11-20T10:00:00Z' }] }),
    ];
    const patch = vi.fn(async () => {
      throw new ApiError(409, "'Actie b1' is intussen gewijzigd / was changed", {
        error: 'changed',
        action: { ...rows[0], status: 'wacht', version: 'new' },
      });
    }) as unknown as Api['patch'];
    renderIn(<Acties />, fakeApi({ '/acties': { actions: rows } }, patch));
    await screen.findByText('2 acties');
    expect(screen.getByText('Wacht op: Keuze zaaksysteem')).toBeTruthy();
    expect(
      screen.getByText('Conflict met Planner over de status: hier "gereed", in Planner "loopt"; Planner ging voor.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'Geblokkeerd' }));
    expect(screen.getByText('1 van 2 acties')).toBeTruthy();
    const status = screen.getByRole('combobox', { name: 'Status: Actie b1' }) as HTMLSelectElement;
    fireEvent.change(status, { target: { value: 'gereed' } });
    expect((await screen.findByRole('alert')).textContent).toContain(
      "Niet opgeslagen: 'Actie b1' is intussen gewijzigd",
    );
    expect(patch).toHaveBeenCalledWith('/acties/b1', { status: 'gereed' }, 'old');
    // The row now shows what is stored (wacht), not what was chosen.
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Status: Actie b1' }) as HTMLSelectElement).value).toBe('wacht'),
    );
  });
});

/** A decision as GET /api/besluiten shows it, with the lead time per level given. */
function decision(
  x: Pick<DecisionsResponse['decisions'][number], 'id' | 'title' | 'werkgroepName' | 'route' | 'steps'> & {
    outcome?: { kind: 'besloten'; on: string };
  },
  levels: { level: 'werkgroep' | 'projectgroep'; days: number; current: boolean }[],
): DecisionsResponse['decisions'][number] {
  return {
    proposal: '',
    werkgroep: 'wg-a',
    blocks: [],
    version: `v-${x.id}`,
    ...x,
    leadTimes: {
      decisionId: x.id,
      levels: levels.map((l) => ({ ...l, from: '2026-10-01', to: '2026-10-11' })),
      totalDays: levels.reduce((n, l) => n + l.days, 0),
      decided: x.outcome !== undefined,
    },
  };
}

describe('Besluiten: moving decisions on', () => {
  const decisions: DecisionsResponse = {
    decisions: [
      decision(
        {
          id: 'd1',
          title: 'Verrekenmodel',
          werkgroepName: 'Werkgroep A',
          route: ['werkgroep', 'projectgroep', 'regiegroep'],
          steps: [{ level: 'werkgroep', reachedOn: '2026-10-01' }],
        },
        [{ level: 'werkgroep', days: 10, current: true }],
      ),
      decision(
        {
          id: 'd2',
          title: 'Zaaksysteem',
          werkgroepName: 'Werkgroep B',
          route: ['werkgroep', 'regiegroep'],
          steps: [{ level: 'werkgroep', reachedOn: '2026-10-01' }],
          outcome: { kind: 'besloten', on: '2026-10-06' },
        },
        [{ level: 'werkgroep', days: 5, current: false }],
      ),
    ],
    route: ['werkgroep', 'projectgroep', 'regiegroep'],
    medians: { levels: [] },
    period: { from: '2025-12-01', to: '2026-12-01' },
    perQuarter: [],
  };

  // Issue 18 §1: the tab changes decisions through the If-Match endpoints (POST /api/besluiten/:id/verplaatsen,
  // …/uitkomst) instead of the old POST /api/besluiten/:id; the same behaviour is checked against those.
  it('lets the projectleider and the regiegroep move an open decision on (confirming from → to) or record its chosen outcome; a change made meanwhile is said and reloaded', async () => {
    const post = vi.fn(async (path: string) => {
      if (path.endsWith('/uitkomst')) throw new ApiError(409, "Besluit 'Verrekenmodel' is intussen gewijzigd.");
      return decisions.decisions[0];
    }) as unknown as Api['post'];
    const api = fakeApi(
      { '/besluiten': decisions, '/besluiten/d1/geschiedenis': { id: 'd1', events: [], names: {} } },
      undefined,
      post,
    );
    renderIn(<Besluiten />, api, 'nl', () => undefined, { ...me, mayDecide: true });
    const open = await screen.findByRole('article', { name: 'Verrekenmodel' });
    const decided = screen.getByRole('article', { name: 'Zaaksysteem' });
    // Decided: nothing to change, only its history.
    expect(
      within(decided)
        .getAllByRole('button')
        .map((x) => x.textContent),
    ).toEqual(['Geschiedenis']);
    // A move to another level asks for confirmation first, naming from → to (cancelling: the next test).
    fireEvent.click(within(open).getByRole('button', { name: 'Verplaatsen' }));
    const dialog = await screen.findByRole('dialog', { name: "'Verrekenmodel' verplaatsen" });
    expect(dialog.textContent).toContain('Van werkgroep naar projectgroep.');
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ja, verplaatsen' }));
    expect((await screen.findByRole('status')).textContent).toContain("'Verrekenmodel' verplaatst naar projectgroep.");
    expect(post).toHaveBeenCalledWith('/besluiten/d1/verplaatsen', { level: 'projectgroep' }, 'v-d1');
    const listLoads = () =>
      (api.get as ReturnType<typeof vi.fn>).mock.calls.filter((c) => c[0] === '/besluiten').length;
    await waitFor(() => expect(listLoads()).toBe(2)); // reloaded
    // The outcome is chosen, not defaulted: nothing is preselected and recording waits for a choice.
    const card = () => screen.getByRole('article', { name: 'Verrekenmodel' });
    const outcomeSelect = within(card()).getByRole('combobox', {
      name: 'Uitkomst: Verrekenmodel',
    }) as HTMLSelectElement;
    expect(outcomeSelect.value).toBe('');
    const record = () => within(card()).getByRole('button', { name: 'Besluit vastleggen' }) as HTMLButtonElement;
    expect(record().disabled).toBe(true);
    fireEvent.change(outcomeSelect, { target: { value: 'afgewezen' } });
    expect(record().disabled).toBe(false);
    fireEvent.click(record());
    // Someone changed it meanwhile (409): said, and the list is loaded again.
    expect((await screen.findByRole('alert')).textContent).toContain(
      "Iemand anders heeft dit besluit intussen gewijzigd; de nieuwe stand is geladen. Kijk of je wijziging nog nodig is. (Besluit 'Verrekenmodel' is intussen gewijzigd.)",
    );
    expect(post).toHaveBeenLastCalledWith('/besluiten/d1/uitkomst', { outcome: 'afgewezen' }, 'v-d1');
    await waitFor(() => expect(listLoads()).toBe(3));
  });

  it('sends nothing when the move is cancelled, and offers every higher level of the route', async () => {
    const post = vi.fn(async () => decisions.decisions[0]) as unknown as Api['post'];
    renderIn(<Besluiten />, fakeApi({ '/besluiten': decisions }, undefined, post), 'en', () => undefined, {
      ...me,
      mayDecide: true,
    });
    const open = await screen.findByRole('article', { name: 'Verrekenmodel' });
    fireEvent.click(within(open).getByRole('button', { name: 'Move' }));
    const dialog = await screen.findByRole('dialog', { name: "Move 'Verrekenmodel'" });
    const to = within(dialog).getByRole('combobox', { name: 'To level' }) as HTMLSelectElement;
    expect([...to.options].map((o) => o.value)).toEqual(['projectgroep', 'regiegroep']);
    fireEvent.change(to, { target: { value: 'regiegroep' } });
    expect(dialog.textContent).toContain('From werkgroep to regiegroep.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(post).not.toHaveBeenCalled();
  });

  it('shows others the move and outcome controls disabled, with the reason', async () => {
    renderIn(<Besluiten />, fakeApi({ '/besluiten': decisions }), 'nl');
    const open = await screen.findByRole('article', { name: 'Verrekenmodel' });
    const move = within(open).getByRole('button', { name: 'Verplaatsen' }) as HTMLButtonElement;
    const record = within(open).getByRole('button', { name: 'Besluit vastleggen' }) as HTMLButtonElement;
    expect([move.disabled, record.disabled]).toEqual([true, true]);
    const reason = 'Verplaatsen en een besluit vastleggen kan alleen de projectleider of de regiegroep.';
    expect(within(open).getByText(reason)).toBeTruthy();
    expect(document.getElementById(move.getAttribute('aria-describedby') ?? '')?.textContent).toBe(reason);
    // Not the proposer and not steering: no withdrawal either.
    expect(within(open).queryByRole('button', { name: 'Intrekken' })).toBeNull();
  });
});

describe("Besluiten, De vier K's and Capaciteit", () => {
  it('shows each decision on its route with the days per level', async () => {
    renderIn(
      <Besluiten />,
      fakeApi({
        '/besluiten': {
          decisions: [
            decision(
              {
                id: 'd1',
                title: 'Verrekenmodel',
                werkgroepName: 'Werkgroep A',
                route: ['werkgroep', 'projectgroep', 'regiegroep'],
                steps: [
                  { level: 'werkgroep', reachedOn: '2026-10-01' },
                  { level: 'projectgroep', reachedOn: '2026-10-11' },
                ],
              },
              [
                { level: 'werkgroep', days: 10, current: false },
                { level: 'projectgroep', days: 4, current: true },
              ],
            ),
          ],
          route: ['werkgroep', 'projectgroep', 'regiegroep'],
          medians: { levels: [{ level: 'werkgroep', medianDays: 10, count: 1 }] },
          period: { from: '2025-12-01', to: '2026-12-01' },
          perQuarter: [],
        } satisfies DecisionsResponse,
      }),
      'en',
    );
    const card = await screen.findByRole('article', { name: 'Verrekenmodel' });
    expect(card.textContent).toContain('werkgroep: 10 d → projectgroep: 4 d · total 14 days');
    expect(screen.getByText('Median lead time per level (days)')).toBeTruthy();
    expect(
      seriesByQuarter([
        { quarter: '2026-K3', levels: [{ level: 'werkgroep', medianDays: 12 }] },
        {
          quarter: '2026-K4',
          levels: [
            { level: 'werkgroep', medianDays: 8 },
            { level: 'regiegroep', medianDays: 30 },
          ],
        },
      ]),
    ).toEqual({
      levels: ['werkgroep', 'regiegroep'],
      rows: [
        { quarter: '2026-K3', werkgroep: 12 },
        { quarter: '2026-K4', werkgroep: 8, regiegroep: 30 },
      ],
    });
  });

  it('shows per K its indicators, the successes reported in updates, and the actions serving it', async () => {
    renderIn(
      <VierKs />,
      fakeApi({
        '/vierks': {
          ks: [
            {
              k: 'kansen',
              actions: 1,
              indicators: [
                {
                  id: 'i1',
                  name: 'Doorstroom',
                  unit: 'aantal',
                  better: 'higher',
                  measurements: [],
                  trend: { direction: 'onbekend' },
                },
              ],
              successes: [
                {
                  werkgroepName: 'Werkgroep A',
                  text: 'Eerste gezamenlijke opleiding',
                  submittedAt: '2026-11-30T10:00:00Z',
                },
              ],
            },
            { k: 'kwaliteit', actions: 0, indicators: [], successes: [] },
          ],
        } satisfies VierKsResponse,
      }),
    );
    const kansen = await screen.findByRole('article', { name: 'Kansen' });
    expect(kansen.textContent).toContain('Doorstroom (aantal, hoger is beter)');
    expect(kansen.textContent).toContain('Werkgroep A: Eerste gezamenlijke opleiding');
    expect(kansen.textContent).toContain('1 actie draagt bij');
    expect(screen.getByRole('article', { name: 'Kwaliteit' }).textContent).toContain(
      'Nog geen successen gemeld voor deze K.',
    );
    expect(kansen.textContent).toContain('nog niet gemeten');
    expect(screen.queryByRole('form', { name: 'Meting vastleggen' })).toBeNull(); // not the projectleider or regiegroep
  });

  it("shows each indicator's latest value and trend; the projectleider records a measurement, a bad number is refused in the form", async () => {
    const vierks: VierKsResponse = {
      ks: [
        {
          k: 'kosten',
          actions: 0,
          successes: [],
          indicators: [
            {
              id: 'kost-inhuur',
              name: 'Kosten externe inhuur',
              unit: 'euro',
              better: 'lower',
              measurements: [
                { date: '2026-05-01', value: 120000, note: '' },
                { date: '2026-08-01', value: 131000, note: '' },
              ],
              trend: { latest: { on: '2026-08-01', value: 131000 }, direction: 'slechter' },
            },
          ],
        },
      ],
    };
    const post = vi.fn(async () => ({})) as unknown as Api['post'];
    const api = fakeApi({ '/vierks': vierks }, undefined, post);
    renderIn(<VierKs />, api, 'nl', () => undefined, { ...me, mayDecide: true });
    const kosten = await screen.findByRole('article', { name: 'Kosten' });
    expect(kosten.textContent).toContain('131.000 euro op 2026-08-01');
    expect(kosten.textContent).toContain('slechter');
    expect(
      within(kosten).getByRole('img', { name: 'Kosten externe inhuur: 2026-05-01 120.000, 2026-08-01 131.000' }),
    ).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Meting vastleggen' });
    fireEvent.change(within(form).getByLabelText('Datum'), { target: { value: '2026-11-01' } });
    fireEvent.change(within(form).getByLabelText('Waarde'), { target: { value: '1.250' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Vastleggen' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('zonder scheidingsteken voor duizendtallen');
    expect(post).not.toHaveBeenCalled();
    expect((within(form).getByLabelText('Waarde') as HTMLInputElement).value).toBe('1.250'); // what was typed stays

    fireEvent.change(within(form).getByLabelText('Waarde'), { target: { value: '118500,5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Vastleggen' }));
    await within(form).findByText('Meting vastgelegd.');
    expect(post).toHaveBeenCalledWith('/indicatoren/kost-inhuur/metingen', { date: '2026-11-01', value: 118500.5 });
  });

  it('reads numbers as Dutch and English speakers type them', () => {
    expect([parseNumber('7,5'), parseNumber(' 7.5 '), parseNumber('-3'), parseNumber('1250')]).toEqual([
      7.5, 7.5, -3, 1250,
    ]);
    for (const bad of ['1.250', '1,250', 'zeven', '', '7,5,1', '1e3']) expect(parseNumber(bad)).toBeUndefined();
  });

  it('shows a werkgroep: its people with their gemeente, what it waits on, its updates and actions', async () => {
    const onSelect = vi.fn();
    renderIn(
      <Werkgroep id="Werkgroep A" onSelect={onSelect} />,
      fakeApi({
        '/overzicht': {
          programme: { id: 'p', name: 'P' },
          today: '2026-12-01',
          phases: [],
          meetings: [],
          werkgroepen: [
            { id: 'wg-a', name: 'Werkgroep A', trekker: null, open: 0, overdue: 0, blocked: 0, latestUpdate: null },
            { id: 'wg-b', name: 'Werkgroep B', trekker: null, open: 0, overdue: 0, blocked: 0, latestUpdate: null },
          ],
        } satisfies OverviewResponse,
        '/werkgroepen/wg-a': {
          id: 'wg-a',
          name: 'Werkgroep A',
          trekker: { id: 'p1', name: 'Fictief Een', gemeente: 'Alfa', guest: null },
          members: [
            { id: 'p1', name: 'Fictief Een', gemeente: 'Alfa', guest: null },
            { id: 'p2', name: 'Fictief Twee', gemeente: 'Beta', guest: 'invited' },
          ],
          updates: [
            {
              id: 'wg-a@regiegroep:2026-12-08',
              period: 'regiegroep:2026-12-08',
              submittedAt: '2026-12-01T09:00:00Z',
              by: 'Fictief Een',
              status: 'aandacht',
              progress: 'Loopt door',
            },
          ],
          waitsOn: [{ id: 'wg-b', name: 'Werkgroep B', reason: null }],
          waitedOnBy: [],
        } satisfies WerkgroepResponse,
        '/acties': { actions: ACTIONS },
      }),
    );
    expect(await screen.findByText('Trekker: Fictief Een (Alfa)')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Leden' }).textContent).toContain('Fictief Twee — Beta');
    // A guest's invitation state (issue 14 §4).
    expect(screen.getByRole('list', { name: 'Leden' }).textContent).toContain(
      'Fictief Twee — Beta · gast, uitgenodigd (nog niet geaccepteerd)',
    );
    expect(screen.getByRole('list', { name: 'Leden' }).textContent).not.toContain('Fictief Een — Alfa ·');
    expect(screen.getByText('Werkgroep B', { selector: 'span' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'regiegroep:2026-12-08' }).textContent).toContain('aandacht nodig');
    expect(await screen.findByText('2 acties')).toBeTruthy();
    fireEvent.change(screen.getAllByRole('combobox', { name: 'Werkgroep' })[0] as HTMLElement, {
      target: { value: 'wg-b' },
    });
    expect(onSelect).toHaveBeenCalledWith('wg-b');
  });

  it('puts the overloaded first and flags them', async () => {
    renderIn(
      <Capaciteit />,
      fakeApi({
        '/capaciteit': {
          people: [
            {
              personId: 'a',
              name: 'Fictief Licht',
              hoursPerWeek: 8,
              openActions: 1,
              overdueActions: 0,
              werkgroepen: ['x'],
              loadHours: 2,
              ratio: 0.25,
              overLimit: false,
            },
            {
              personId: 'b',
              name: 'Fictief Zwaar',
              hoursPerWeek: 2,
              openActions: 9,
              overdueActions: 3,
              werkgroepen: ['x', 'y'],
              loadHours: 9,
              ratio: 4.5,
              overLimit: true,
            },
          ],
        },
      }),
    );
    const rows = await screen.findAllByRole('row');
    expect(rows[1]?.getAttribute('aria-label')).toBe('Fictief Zwaar (overbelast)');
    expect(rows[2]?.getAttribute('aria-label')).toBe('Fictief Licht');
  });

  it("says so when it shows only the person's own load (the API sends others' only to the projectleider and the regiegroep)", async () => {
    const own = {
      personId: 'a',
      name: 'Fictief Licht',
      hoursPerWeek: 8,
      openActions: 1,
      overdueActions: 0,
      werkgroepen: ['x'],
      loadHours: 2,
      ratio: 0.25,
      overLimit: false,
    };
    renderIn(<Capaciteit />, fakeApi({ '/capaciteit': { scope: 'own', people: [own] } }));
    expect(await screen.findByText(/Je ziet alleen je eigen belasting/)).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });
});

describe('the app', () => {
  it('asks to sign in when the API says 401, and shows the views once signed in', async () => {
    const none = async () => null;
    const unauthorized = {
      inTeams: false,
      lang: 'nl' as const,
      theme: 'dark' as const,
      view: 'overzicht' as const,
      token: none,
    };
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(new Response(JSON.stringify({ message: 'aanmelden vereist' }), { status: 401 }));
    render(<App host={unauthorized} />);
    expect((await screen.findByRole('alert')).textContent).toContain('(401)');
    expect(screen.getByRole('button', { name: 'Aanmelden' })).toBeTruthy();
    expect(
      new Set(fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['authorization'])),
    ).toEqual(new Set([undefined]));
    cleanup();
    fetchMock.mockClear();
    fetchMock.mockImplementation(
      async (input) =>
        new Response(JSON.stringify(String(input).endsWith('/ik') ? me : { actions: ACTIONS }), { status: 200 }),
    );
    render(<App host={{ ...unauthorized, lang: 'en', view: 'acties', token: async () => 'x' }} />);
    expect(await screen.findByText('Signed in as Fictief Een')).toBeTruthy();
    expect(await screen.findByText('3 actions')).toBeTruthy();
    // Every call carried the person's token.
    expect(fetchMock.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(
      new Set(fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>)['authorization'])),
    ).toEqual(new Set(['Bearer x']));
    fetchMock.mockRestore();
  });
});

describe('Agenda', () => {
  const update = {
    werkgroep: 'wg-a',
    period: 'regiegroep:2026-12-08',
    status: 'aandacht' as const,
    progress: 'Koppelingen getest',
    blockers: 'Wacht op leverancier',
    decisionsNeeded: 'Keuze voor het zaaksysteem',
    ks: [{ k: 'kosten' as const, note: 'Licenties duurder' }],
    actionIds: [],
    submittedBy: 'p1',
    submittedAt: '2026-12-02T09:00:00Z',
  };
  const agenda = (o: Partial<AgendaResponse> = {}): AgendaResponse => ({
    body: { id: 'regiegroep', name: 'Regiegroep', kind: 'regiegroep' },
    meeting: {
      key: 'regiegroep:2026-12-08',
      cadenceId: 'regiegroep',
      date: '2026-12-08',
      start: '2026-12-08T14:00:00Z',
      end: '2026-12-08T15:30:00Z',
    },
    asOf: '2026-12-01',
    updatesSince: null,
    werkgroepen: [
      { id: 'wg-a', name: 'Werkgroep A', trekker: { id: 'p1', name: 'Fictief Een' }, update },
      { id: 'wg-b', name: 'Werkgroep B', trekker: { id: 'p2', name: 'Fictief Twee' }, update: null },
    ],
    missingUpdates: [{ werkgroep: 'wg-b', werkgroepName: 'Werkgroep B', trekker: 'p2', trekkerName: 'Fictief Twee' }],
    decisions: [
      {
        id: 'B1',
        title: 'Keuze zaaksysteem',
        proposal: 'Kies systeem X',
        werkgroep: 'wg-a',
        werkgroepName: 'Werkgroep A',
        since: '2026-11-19',
        daysWaiting: 12,
        blocks: [],
      },
    ],
    blockedChains: [
      {
        items: [
          { kind: 'werkgroep', id: 'wg-a' },
          { kind: 'decision', id: 'B1', waitDays: 12 },
        ],
        oldestWaitDays: 12,
      },
    ],
    overdueActions: [
      { id: 'a1', title: 'Actie a1', werkgroep: 'wg-a', owners: ['p1'], due: '2026-11-01', daysOverdue: 30 },
    ],
    capacityScope: 'all',
    capacityAlerts: [],
    items: [
      { id: 'werkgroep:wg-a', kind: 'werkgroep', title: 'Werkgroep A', removed: false },
      { id: 'werkgroep:wg-b', kind: 'werkgroep', title: 'Werkgroep B', removed: false },
      { id: 'besluit:B1', kind: 'besluit', title: 'Keuze zaaksysteem', removed: false },
      { id: 'punt:1', kind: 'punt', title: 'Rondvraag', note: 'Vijf minuten', removed: true },
    ],
    version: 3,
    mayEdit: true,
    bodies: [
      { id: 'regiegroep', name: 'Regiegroep', kind: 'regiegroep' },
      { id: 'pg-a', name: 'Projectgroep A', kind: 'projectgroep' },
    ],
    meetingDates: ['2026-11-10', '2026-12-08', '2027-01-12'],
    ...o,
  });
  const pl: Me = { ...me, mayDecide: true, person: { ...me.person!, roles: ['projectleider'] } };

  it('shows the items in order with every update in full, the decisions waiting and the signals', async () => {
    const api = fakeApi({ '/agenda?body=regiegroep&date=2026-12-08': agenda({ mayEdit: false }) });
    renderIn(<Agenda body="regiegroep" date="2026-12-08" />, api);
    const list = await screen.findByRole('list', { name: 'Agendapunten' });
    expect(
      within(list)
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['1. Werkgroep A', '2. Werkgroep B', '3. Keuze zaaksysteem']);
    const [a, b, besluit] = within(list).getAllByRole('listitem');
    for (const text of ['aandacht nodig', 'Koppelingen getest', 'Wacht op leverancier', 'Keuze voor het zaaksysteem'])
      expect(within(a!).getByText(text)).toBeTruthy();
    expect(within(a!).getByText('kosten: Licenties duurder')).toBeTruthy();
    expect(within(b!).getByText('Nog geen update')).toBeTruthy();
    expect(within(besluit!).getByText('Werkgroep A · wacht 12 dagen (sinds 2026-11-19)')).toBeTruthy();
    // Not the projectleider: no controls, and the removed item is not shown.
    expect(screen.queryByRole('button', { name: /omhoog/ })).toBeNull();
    expect(screen.queryByText('Rondvraag')).toBeNull();
    expect(screen.queryByRole('form', { name: 'Punt toevoegen' })).toBeNull();
    expect(screen.getByText('Werkgroep A → Keuze zaaksysteem · langste wacht 12 dagen')).toBeTruthy();
    expect(screen.getByText('Actie a1 · 30 dagen over 2026-11-01')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Vergadering' })).toHaveProperty('value', '2026-12-08');
  });

  it('lets the projectleider move, remove, restore and add items, each on the version read', async () => {
    const send = vi.fn(async () => agenda({ version: 4 })) as unknown as Api['send'];
    const api = fakeApi({ '/agenda': agenda() }, undefined, undefined, send);
    renderIn(<Agenda />, api, 'nl', () => undefined, pl);
    fireEvent.click(await screen.findByRole('button', { name: 'Werkgroep A omlaag' }));
    await waitFor(() =>
      expect(send).toHaveBeenCalledWith(
        'PUT',
        '/agenda/punten',
        {
          body: 'regiegroep',
          date: '2026-12-08',
          order: ['werkgroep:wg-b', 'werkgroep:wg-a', 'besluit:B1', 'punt:1'],
        },
        '3',
      ),
    );
    expect(await screen.findByText('Agenda opgeslagen')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Werkgroep A omhoog' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Keuze zaaksysteem van de agenda halen' }));
    await waitFor(() =>
      expect(send).toHaveBeenLastCalledWith(
        'DELETE',
        '/agenda/punten/besluit%3AB1?body=regiegroep&date=2026-12-08',
        undefined,
        '4',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Rondvraag terugzetten' }));
    await waitFor(() =>
      expect(send).toHaveBeenLastCalledWith(
        'POST',
        '/agenda/punten/punt%3A1/herstellen?body=regiegroep&date=2026-12-08',
        undefined,
        '4',
      ),
    );
    const form = screen.getByRole('form', { name: 'Punt toevoegen' });
    fireEvent.change(within(form).getByRole('textbox', { name: /Titel van het punt/ }), {
      target: { value: 'Evaluatie' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Punt toevoegen' }));
    await waitFor(() =>
      expect(send).toHaveBeenLastCalledWith(
        'POST',
        '/agenda/punten',
        { body: 'regiegroep', date: '2026-12-08', title: 'Evaluatie' },
        '4',
      ),
    );
    expect(await screen.findByText("'Evaluatie' staat op de agenda")).toBeTruthy();
  });

  it('shows a refusal, reloads the agenda after a conflict and keeps what was typed', async () => {
    const send = vi.fn(async () => {
      throw new ApiError(409, 'de agenda is intussen gewijzigd (nu versie 4)');
    }) as unknown as Api['send'];
    const api = fakeApi({ '/agenda': agenda() }, undefined, undefined, send);
    renderIn(<Agenda />, api, 'nl', () => undefined, pl);
    const form = await screen.findByRole('form', { name: 'Punt toevoegen' });
    const title = within(form).getByRole('textbox', { name: /Titel van het punt/ });
    fireEvent.change(title, { target: { value: 'Evaluatie' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Punt toevoegen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('intussen gewijzigd');
    await waitFor(() => expect(api.get).toHaveBeenCalledTimes(2));
    expect(
      within(screen.getByRole('form', { name: 'Punt toevoegen' })).getByRole('textbox', { name: /Titel/ }),
    ).toHaveProperty('value', 'Evaluatie');
  });

  it('lists who has not sent an update and says how many were reminded', async () => {
    const post = vi.fn(async () => ({
      meeting: 'regiegroep:2026-12-08',
      nudged: [{ werkgroep: 'wg-b', trekker: 'p2' }],
      dispatched: 1,
    })) as unknown as Api['post'];
    renderIn(<Agenda />, fakeApi({ '/agenda': agenda() }, undefined, post), 'nl', () => undefined, pl);
    const missing = await screen.findByRole('region', { name: 'Nog geen update gestuurd' });
    expect(within(missing).getByText(/Werkgroep B \(trekker Fictief Twee\)/)).toBeTruthy();
    fireEvent.click(within(missing).getByRole('button', { name: 'Herinner alle 1 trekkers zonder update' }));
    await waitFor(() =>
      expect(post).toHaveBeenCalledWith('/agenda/herinneringen', { body: 'regiegroep', date: '2026-12-08' }),
    );
    expect(await within(missing).findByText('1 trekker herinnerd')).toBeTruthy();
    fireEvent.click(within(missing).getByRole('button', { name: 'Herinner Werkgroep B' }));
    await waitFor(() =>
      expect(post).toHaveBeenLastCalledWith('/agenda/herinneringen', {
        body: 'regiegroep',
        date: '2026-12-08',
        werkgroep: 'wg-b',
      }),
    );
  });

  it("renders an agenda's items with what another view puts under each (the meeting view's controls)", async () => {
    renderIn(
      <AgendaItems agenda={agenda()} renderItemExtra={(id) => <button type="button">{`Vastleggen ${id}`}</button>} />,
      fakeApi({}),
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Vastleggen werkgroep:wg-a',
      'Vastleggen werkgroep:wg-b',
      'Vastleggen besluit:B1',
    ]);
  });
});
