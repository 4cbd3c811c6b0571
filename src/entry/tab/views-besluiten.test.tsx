// @vitest-environment happy-dom
// Decisions entered by people in the tab (issue 18 §1) with Testing Library against a fake API: the proposal form
// (its checks, a refusal that keeps what was typed), undo within the window, withdrawal, the history, a server
// refusal shown as an alert, and the update in full with "Maak voorstel" prefilled from its "decisions needed".
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type {
  ActionView,
  DecisionHistoryResponse,
  DecisionsResponse,
  DecisionView,
  OverviewResponse,
  WerkgroepResponse,
} from '../../app/contract.ts';
import { ApiError, type Api } from './api.ts';
import { Ctx, type Me } from './data.tsx';
import { Besluiten } from './views/Besluiten.tsx';
import { Werkgroep } from './views/Werkgroep.tsx';

afterEach(cleanup);
// Fluent's dialogs animate; happy-dom's Web Animations reject `finished` on cancel with no one listening (an unhandled
// rejection). Without element.animate Fluent takes its own test path (@fluentui/react-motion useAnimateAtoms).
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'animate', { value: undefined, configurable: true });
});

const member: Me = {
  person: { id: 'p1', name: 'Fictief Een', gemeente: 'alfa', roles: [] },
  app: false,
  mayDecide: false,
  werkgroepen: ['wg-a'],
  programme: { id: 'proef', name: 'Proef' },
};
const leider: Me = { ...member, person: { ...member.person!, id: 'p9', roles: ['projectleider'] }, mayDecide: true };

const ROUTE: DecisionsResponse['route'] = ['werkgroep', 'projectgroep', 'regiegroep'];

const decision = (o: Partial<DecisionView> = {}): DecisionView => ({
  id: 'd1',
  title: 'Verrekenmodel',
  proposal: 'Kosten naar inwonertal',
  werkgroep: 'wg-a',
  werkgroepName: 'Werkgroep A',
  route: ROUTE,
  steps: [{ level: 'werkgroep', reachedOn: '2026-11-20' }],
  blocks: [],
  proposedBy: 'p1',
  version: 'v1',
  leadTimes: {
    decisionId: 'd1',
    levels: [{ level: 'werkgroep', days: 3, current: true, from: '2026-11-20', to: '2026-11-23' }],
    totalDays: 3,
    decided: false,
  },
  ...o,
});
const log = (decisions: DecisionView[]): DecisionsResponse => ({
  decisions,
  route: ROUTE,
  medians: { levels: [] },
  period: { from: '2025-11-23', to: '2026-11-23' },
  perQuarter: [],
});
const overview: OverviewResponse = {
  programme: { id: 'proef', name: 'Proef' },
  today: '2026-11-23',
  phases: [],
  meetings: [],
  werkgroepen: [
    { id: 'wg-a', name: 'Werkgroep A', trekker: null, open: 1, overdue: 0, blocked: 0, latestUpdate: null },
    { id: 'wg-b', name: 'Werkgroep B', trekker: null, open: 0, overdue: 0, blocked: 0, latestUpdate: null },
  ],
};
const action = (id: string, werkgroep: string, status: ActionView['status'] = 'open'): ActionView => ({
  id,
  werkgroep,
  werkgroepName: werkgroep,
  title: `Actie ${id}`,
  due: '2026-12-20',
  status,
  ks: [],
  owners: [],
  notes: '',
  overdue: false,
  inPlanner: true,
  blockedBy: [],
  conflicts: [],
  version: `v-${id}`,
});
const ACTIONS = { actions: [action('a1', 'wg-a'), action('a2', 'wg-b'), action('a3', 'wg-a', 'gereed')] };

function fakeApi(routes: Record<string, unknown>, post: Api['post']): Api {
  return {
    post,
    get: vi.fn(async (path: string) => {
      const r = routes[path];
      if (r === undefined) throw new ApiError(404, 'not found');
      return typeof r === 'function' ? (r as () => unknown)() : r;
    }) as Api['get'],
    patch: vi.fn(async () => ({})) as Api['patch'],
    send: vi.fn(async () => ({})) as Api['send'],
  };
}

function renderAs(who: Me, node: ReactNode, api: Api) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Ctx.Provider value={{ api, lang: 'nl', me: who, onUnauthorized: () => undefined }}>{node}</Ctx.Provider>
    </FluentProvider>,
  );
}

const inputNamed = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

describe('Besluiten: a new proposal', () => {
  it('checks the form in Dutch, keeps what was typed when the server refuses, and submits the proposal', async () => {
    const made = decision({ id: 'B20261123-1', title: 'Pilot verlengen', steps: [] });
    const post = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(400, 'Onbekende actie(s): a1. / Unknown action(s): a1.'))
      .mockResolvedValueOnce({ ...made, steps: [{ level: 'projectgroep', reachedOn: '2026-11-23' }] });
    const api = fakeApi({ '/besluiten': log([]), '/overzicht': overview, '/acties': ACTIONS }, post as Api['post']);
    renderAs(member, <Besluiten />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Nieuw voorstel' }));
    const form = await screen.findByRole('region', { name: 'Nieuw voorstel' });
    // A member proposes for their own werkgroep only: that is the one offered, and chosen.
    const wg = (await within(form).findByRole('combobox', { name: /Werkgroep van herkomst/ })) as HTMLSelectElement;
    expect([...wg.options].filter((o) => !o.disabled).map((o) => o.text)).toEqual(['Werkgroep A']);
    expect(wg.value).toBe('wg-a');
    // Nothing typed: the form says what is missing, in Dutch, and sends nothing.
    fireEvent.click(within(form).getByRole('button', { name: 'Voorstel indienen' }));
    expect(await within(form).findByText('Geef het voorstel een titel.')).toBeTruthy();
    expect(within(form).getByText('Schrijf op wat besloten moet worden.')).toBeTruthy();
    // The field messages and the form's summary are alerts, read out at once.
    expect(
      within(form)
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual([
      'Het voorstel is nog niet compleet; zie de velden hieronder.',
      'Geef het voorstel een titel.',
      'Schrijf op wat besloten moet worden.',
    ]);
    expect(post).not.toHaveBeenCalled();

    fireEvent.change(inputNamed('Titel'), { target: { value: 'Pilot verlengen' } });
    fireEvent.change(inputNamed('Voorstel: wat besloten moet worden en waarom'), {
      target: { value: 'Drie maanden langer, binnen budget.' },
    });
    const level = within(form).getByRole('combobox', { name: /Niveau/ }) as HTMLSelectElement;
    expect([...level.options].map((o) => o.value)).toEqual(ROUTE);
    fireEvent.change(level, { target: { value: 'projectgroep' } });
    // Only the werkgroep's open actions can be ticked as blocked.
    const blocks = await within(form).findByRole('group', { name: 'Blokkeert deze acties' });
    expect(within(blocks).getAllByRole('checkbox')).toHaveLength(1);
    expect(within(blocks).getByRole('checkbox', { name: 'Actie a1' })).toBeTruthy();
    fireEvent.click(within(blocks).getByRole('checkbox', { name: 'Actie a1' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Voorstel indienen' }));
    const body = {
      title: 'Pilot verlengen',
      proposal: 'Drie maanden langer, binnen budget.',
      werkgroep: 'wg-a',
      level: 'projectgroep',
      blocks: ['a1'],
    };
    // Refused: the server's message as an alert; everything typed is still there.
    expect((await within(form).findByRole('alert')).textContent).toBe(
      'Voorstel niet ingediend: Onbekende actie(s): a1. / Unknown action(s): a1. Wat je typte staat er nog.',
    );
    expect(post).toHaveBeenLastCalledWith('/besluiten', body);
    expect(inputNamed('Titel').value).toBe('Pilot verlengen');
    expect(inputNamed('Voorstel: wat besloten moet worden en waarom').value).toBe(
      'Drie maanden langer, binnen budget.',
    );
    expect(level.value).toBe('projectgroep');
    expect((within(blocks).getByRole('checkbox', { name: 'Actie a1' }) as HTMLInputElement).checked).toBe(true);
    // Sent again: accepted; the form closes, the list reloads and says where it waits.
    fireEvent.click(within(form).getByRole('button', { name: 'Voorstel indienen' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      "Voorstel 'Pilot verlengen' ingediend bij projectgroep; de doorlooptijd loopt vanaf vandaag.",
    );
    expect(post).toHaveBeenCalledTimes(2);
    expect(post).toHaveBeenLastCalledWith('/besluiten', body);
    expect(screen.queryByRole('region', { name: 'Nieuw voorstel' })).toBeNull();
    await waitFor(() =>
      expect((api.get as ReturnType<typeof vi.fn>).mock.calls.filter((c) => c[0] === '/besluiten')).toHaveLength(2),
    );
  });

  it('offers no proposal form to someone who may not propose', async () => {
    const api = fakeApi({ '/besluiten': log([decision()]) }, vi.fn() as Api['post']);
    renderAs({ ...member, werkgroepen: [] }, <Besluiten />, api);
    await screen.findByRole('article', { name: 'Verrekenmodel' });
    expect(screen.queryByRole('button', { name: 'Nieuw voorstel' })).toBeNull();
  });
});

describe('Besluiten: undo, withdraw, history, refusals', () => {
  it('offers "Ongedaan maken" after a move while the window is open, with the version the move made', async () => {
    const until = new Date(Date.now() + 10 * 60_000).toISOString();
    const moved = decision({
      version: 'v2',
      steps: [
        { level: 'werkgroep', reachedOn: '2026-11-20' },
        { level: 'projectgroep', reachedOn: '2026-11-23' },
      ],
    });
    const post = vi.fn(async (path: string) => (path.endsWith('/verplaatsen') ? moved : decision({ version: 'v3' })));
    const history: DecisionHistoryResponse = { id: 'd1', events: [], names: {}, undoUntil: until };
    const api = fakeApi(
      { '/besluiten': log([decision()]), '/besluiten/d1/geschiedenis': history },
      post as unknown as Api['post'],
    );
    renderAs(leider, <Besluiten />, api);
    const card = await screen.findByRole('article', { name: 'Verrekenmodel' });
    expect(within(card).queryByRole('button', { name: 'Ongedaan maken' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Verplaatsen' }));
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: "'Verrekenmodel' verplaatsen" })).getByRole('button', {
        name: 'Ja, verplaatsen',
      }),
    );
    const undo = await within(card).findByRole('button', { name: 'Ongedaan maken' });
    expect(card.textContent).toContain('Ongedaan maken kan tot');
    fireEvent.click(undo);
    await waitFor(() => expect(post).toHaveBeenLastCalledWith('/besluiten/d1/ongedaan', {}, 'v2'));
    expect(
      (await screen.findByText("Laatste wijziging van 'Verrekenmodel' ongedaan gemaakt.")).textContent,
    ).toBeTruthy();
    await waitFor(() => expect(within(card).queryByRole('button', { name: 'Ongedaan maken' })).toBeNull());
  });

  it('offers "Ongedaan maken" after a reload from the list\'s undoUntil, to deciders only, until the window passes', async () => {
    // Time is driven by fake timers: the button goes by itself when the window passes, without a reload.
    vi.useFakeTimers({ now: Date.parse('2026-11-23T10:05:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    try {
      const moved = decision({ version: 'v2', undoUntil: '2026-11-23T10:10:00.000Z' });
      const post = vi.fn(async () => decision({ version: 'v3' }));
      const api = fakeApi({ '/besluiten': log([moved]) }, post as unknown as Api['post']);
      const flush = () => act(() => vi.advanceTimersByTimeAsync(1));
      renderAs(member, <Besluiten />, api);
      await flush();
      const asMember = screen.getByRole('article', { name: 'Verrekenmodel' });
      expect(within(asMember).queryByRole('button', { name: 'Ongedaan maken' })).toBeNull();
      cleanup();
      renderAs(leider, <Besluiten />, api);
      await flush();
      const card = screen.getByRole('article', { name: 'Verrekenmodel' });
      expect(within(card).getByRole('button', { name: 'Ongedaan maken' })).toBeTruthy();
      expect(card.textContent).toContain('Ongedaan maken kan tot');
      expect(api.get).not.toHaveBeenCalledWith('/besluiten/d1/geschiedenis');
      await act(() => vi.advanceTimersByTimeAsync(5 * 60_000 + 100));
      expect(within(card).queryByRole('button', { name: 'Ongedaan maken' })).toBeNull();
      expect(post).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends the undo with the version the list shows', async () => {
    const moved = decision({ version: 'v2', undoUntil: new Date(Date.now() + 10 * 60_000).toISOString() });
    const post = vi.fn(async () => decision({ version: 'v3' }));
    const api = fakeApi({ '/besluiten': log([moved]) }, post as unknown as Api['post']);
    renderAs(leider, <Besluiten />, api);
    const card = await screen.findByRole('article', { name: 'Verrekenmodel' });
    fireEvent.click(await within(card).findByRole('button', { name: 'Ongedaan maken' }));
    await waitFor(() => expect(post).toHaveBeenLastCalledWith('/besluiten/d1/ongedaan', {}, 'v2'));
  });

  it('offers no undo once the window has passed', async () => {
    const history: DecisionHistoryResponse = {
      id: 'd1',
      events: [],
      names: {},
      undoUntil: new Date(Date.now() - 1000).toISOString(),
    };
    const post = vi.fn(async () => decision({ version: 'v2' }));
    const api = fakeApi(
      { '/besluiten': log([decision()]), '/besluiten/d1/geschiedenis': history },
      post as unknown as Api['post'],
    );
    renderAs(leider, <Besluiten />, api);
    const card = await screen.findByRole('article', { name: 'Verrekenmodel' });
    fireEvent.change(within(card).getByRole('combobox', { name: 'Uitkomst: Verrekenmodel' }), {
      target: { value: 'besloten' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Besluit vastleggen' }));
    expect((await screen.findByRole('status')).textContent).toBe("Uitkomst van 'Verrekenmodel' vastgelegd: besloten.");
    expect(post).toHaveBeenCalledWith('/besluiten/d1/uitkomst', { outcome: 'besloten' }, 'v1');
    expect(within(card).queryByRole('button', { name: 'Ongedaan maken' })).toBeNull();
  });

  it("lets the proposer withdraw after confirming, and shows the server's refusal as an alert", async () => {
    const post = vi.fn(async () => {
      throw new ApiError(403, 'Alleen wie het voorstelde of de projectleider mag het intrekken.');
    });
    const api = fakeApi({ '/besluiten': log([decision()]) }, post as unknown as Api['post']);
    renderAs(member, <Besluiten />, api);
    const card = await screen.findByRole('article', { name: 'Verrekenmodel' });
    fireEvent.click(within(card).getByRole('button', { name: 'Intrekken' }));
    const dialog = await screen.findByRole('alertdialog', { name: "'Verrekenmodel' intrekken" });
    expect(dialog.textContent).toContain('Intrekken is definitief.');
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ja, intrekken' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Niet gewijzigd: Alleen wie het voorstelde of de projectleider mag het intrekken.',
    );
    expect(post).toHaveBeenCalledWith('/besluiten/d1/intrekken', {}, 'v1');
  });

  it('shows the history: who, when, from → to', async () => {
    const history: DecisionHistoryResponse = {
      id: 'd1',
      names: { p1: 'Fictief Een', p9: 'Fictief Negen' },
      events: [
        { decisionId: 'd1', at: '2026-11-20T09:00:00Z', by: 'p1', kind: 'proposed', to: 'werkgroep' },
        {
          decisionId: 'd1',
          at: '2026-11-23T10:00:00Z',
          by: 'p9',
          kind: 'moved',
          from: 'werkgroep',
          to: 'projectgroep',
        },
        {
          decisionId: 'd1',
          at: '2026-11-23T10:05:00Z',
          by: 'app',
          kind: 'closed',
          from: 'projectgroep',
          outcome: 'besloten',
        },
      ],
    };
    const api = fakeApi(
      { '/besluiten': log([decision()]), '/besluiten/d1/geschiedenis': history },
      vi.fn() as Api['post'],
    );
    renderAs(member, <Besluiten />, api);
    const card = await screen.findByRole('article', { name: 'Verrekenmodel' });
    fireEvent.click(within(card).getByRole('button', { name: 'Geschiedenis' }));
    const dialog = await screen.findByRole('dialog', { name: 'Geschiedenis van Verrekenmodel' });
    const items = (await within(dialog).findAllByRole('listitem')).map((li) => li.textContent);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^voorgesteld bij werkgroep.*20 nov 2026.* · Fictief Een$/);
    expect(items[1]).toMatch(/^verplaatst van werkgroep naar projectgroep.*23 nov 2026.* · Fictief Negen$/);
    expect(items[2]).toMatch(/^uitkomst bij projectgroep: besloten.* · Regiekamer \(app\)$/);
  });
});

describe('Werkgroep: the update in full, and a proposal made from it', () => {
  const update = {
    id: 'wg-a@regiegroep:2026-12-08',
    period: 'regiegroep:2026-12-08',
    submittedAt: '2026-12-01T09:00:00Z',
    by: 'Fictief Een',
    status: 'aandacht' as const,
    progress: 'Loopt door',
    successes: 'Eerste gemeente over',
    nextSteps: 'Tweede gemeente plannen',
    blockers: 'Licentie nog niet rond',
    decisionsNeeded: 'Licentiekosten verdelen\nNaar rato van inwonertal, vanaf 2027.',
    ks: [
      { k: 'kosten' as const, note: 'Binnen begroting' },
      { k: 'kansen' as const, note: '' },
    ],
  };
  const wg: WerkgroepResponse = {
    id: 'wg-a',
    name: 'Werkgroep A',
    trekker: { id: 'p1', name: 'Fictief Een', gemeente: 'Alfa', guest: null },
    members: [{ id: 'p1', name: 'Fictief Een', gemeente: 'Alfa', guest: null }],
    updates: [update],
    waitsOn: [],
    waitedOnBy: [],
  };

  it('shows every part of the update; "Maak voorstel" prefills the form from its decisions needed, linked to it', async () => {
    const made = decision({ id: 'B20261201-1', title: 'Licentiekosten verdelen' });
    const post = vi.fn(async () => ({ ...made, steps: [{ level: 'projectgroep', reachedOn: '2026-12-01' }] }));
    const api = fakeApi(
      {
        '/overzicht': overview,
        '/werkgroepen/wg-a': wg,
        '/acties': ACTIONS,
        '/besluiten': log([]),
      },
      post as unknown as Api['post'],
    );
    renderAs(member, <Werkgroep id="wg-a" onSelect={() => undefined} />, api);
    const card = await screen.findByRole('article', { name: 'regiegroep:2026-12-08' });
    for (const text of [
      'aandacht nodig',
      'Voortgang',
      'Loopt door',
      'Resultaten',
      'Eerste gemeente over',
      'Volgende stappen',
      'Tweede gemeente plannen',
      'Knelpunten',
      'Licentie nog niet rond',
      'Besluiten nodig van de regiegroep',
      'Licentiekosten verdelen',
    ])
      expect(card.textContent).toContain(text);
    // The K notes, only those with a note.
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Kosten: Binnen begroting']);

    fireEvent.click(within(card).getByRole('button', { name: 'Maak voorstel' }));
    const form = await within(card).findByRole('region', { name: 'Nieuw voorstel' });
    await within(form).findByRole('textbox', { name: 'Titel' }); // once the route has loaded
    expect(form.textContent).toContain('Uit de update 1-12-2026 · Fictief Een');
    expect(inputNamed('Titel').value).toBe('Licentiekosten verdelen');
    expect(inputNamed('Voorstel: wat besloten moet worden en waarom').value).toBe(update.decisionsNeeded);
    // At the projectgroep's level (issue 18 §1), as the bot's card does; it moves up from there.
    expect((within(form).getByRole('combobox', { name: /Niveau/ }) as HTMLSelectElement).value).toBe('projectgroep');
    expect(post).not.toHaveBeenCalled(); // the person confirms
    fireEvent.click(within(form).getByRole('button', { name: 'Voorstel indienen' }));
    expect((await within(card).findByRole('status')).textContent).toBe(
      "Voorstel 'Licentiekosten verdelen' ingediend bij projectgroep; de doorlooptijd loopt vanaf vandaag.",
    );
    expect(post).toHaveBeenCalledWith('/besluiten', {
      title: 'Licentiekosten verdelen',
      proposal: update.decisionsNeeded,
      werkgroep: 'wg-a',
      level: 'projectgroep',
      blocks: [],
      fromUpdate: 'wg-a@regiegroep:2026-12-08',
    });
    expect(within(card).queryByRole('button', { name: 'Maak voorstel' })).toBeNull();
  });

  it('says which decision an update was already proposed as, instead of "Maak voorstel"', async () => {
    const proposed = { ...wg, updates: [{ ...update, proposedAs: { id: 'B20261201-1', title: 'Licentiekosten' } }] };
    const api = fakeApi(
      { '/overzicht': overview, '/werkgroepen/wg-a': proposed, '/acties': ACTIONS },
      vi.fn() as Api['post'],
    );
    renderAs(member, <Werkgroep id="wg-a" onSelect={() => undefined} />, api);
    const card = await screen.findByRole('article', { name: 'regiegroep:2026-12-08' });
    expect(card.textContent).toContain("Al voorgesteld als besluit B20261201-1: 'Licentiekosten'.");
    expect(within(card).queryByRole('button', { name: 'Maak voorstel' })).toBeNull();
  });

  it('offers "Maak voorstel" only to who may propose for that werkgroep', async () => {
    const api = fakeApi(
      { '/overzicht': overview, '/werkgroepen/wg-a': wg, '/acties': ACTIONS },
      vi.fn() as Api['post'],
    );
    renderAs({ ...member, werkgroepen: ['wg-b'] }, <Werkgroep id="wg-a" onSelect={() => undefined} />, api);
    const card = await screen.findByRole('article', { name: 'regiegroep:2026-12-08' });
    expect(card.textContent).toContain('Licentiekosten verdelen');
    expect(within(card).queryByRole('button', { name: 'Maak voorstel' })).toBeNull();
  });
});
