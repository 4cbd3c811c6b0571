// @vitest-environment happy-dom
// Overzicht's timeline with the programme's milestones (issue 16): a marker per milestone, and a list with date and
// title, marked when it is to be celebrated and when it has been reached; and a werkgroep's waits on a phase or a
// besluit as the Werkgroep view shows them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { OverviewResponse, WerkgroepResponse } from '../../app/contract.ts';
import { ApiError, type Api } from './api.ts';
import { Ctx, type Me } from './data.tsx';
import type { Lang } from './i18n.ts';
import { Overzicht } from './views/Overzicht.tsx';
import { Werkgroep } from './views/Werkgroep.tsx';

afterEach(cleanup);

const me: Me = {
  person: { id: 'p1', name: 'Fictief Een', gemeente: 'alfa', roles: [] },
  app: false,
  mayDecide: false,
  werkgroepen: ['wg-a'],
  programme: { id: 'proef', name: 'Proef' },
};

function fakeApi(routes: Record<string, unknown>): Api {
  const none = vi.fn(async () => ({}));
  return {
    send: none as Api['send'],
    post: none as Api['post'],
    patch: none as Api['patch'],
    get: vi.fn(async (path: string) => {
      const r = routes[path];
      if (r === undefined) throw new ApiError(404, 'not found');
      return r;
    }) as Api['get'],
  };
}

function renderIn(node: ReactNode, api: Api, lang: Lang = 'nl') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Ctx.Provider value={{ api, lang, me, onUnauthorized: () => undefined }}>{node}</Ctx.Provider>
    </FluentProvider>,
  );
}

const overview: OverviewResponse = {
  programme: { id: 'proef', name: 'Proefprogramma' },
  today: '2026-12-01',
  phases: [
    { number: 1, name: 'Voorbereiding', start: '2026-01-01', end: '2026-06-30' },
    { number: 2, name: 'Uitwerking', start: '2026-07-01', end: '2027-06-30' },
  ],
  milestones: [
    { id: 'start', date: '2026-03-17', title: 'Principebesluit', phase: 1, celebrate: true, reached: true },
    { id: 'gr', date: '2026-12-15', title: 'Besluit over de GR', phase: 2, celebrate: true, reached: false },
    {
      id: 'uitgewerkt',
      date: '2027-06-30',
      title: 'Inrichting uitgewerkt',
      phase: 2,
      celebrate: false,
      reached: false,
    },
  ],
  meetings: [],
  werkgroepen: [],
};

describe('milestones on the Overzicht timeline', () => {
  it('lists each milestone with its date and title, marking celebrated and reached ones', async () => {
    renderIn(<Overzicht />, fakeApi({ '/overzicht': overview }));
    const list = await screen.findByRole('list', { name: 'Mijlpalen' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      '17 maart 2026 Principebesluit',
      '15 december 2026 Besluit over de GR',
      '30 juni 2027 Inrichting uitgewerkt',
    ]);
    expect(within(items[0]!).getByText('wordt gevierd')).toBeTruthy();
    expect(within(items[0]!).getByText('bereikt')).toBeTruthy();
    expect(within(items[1]!).getByText('wordt gevierd')).toBeTruthy();
    expect(within(items[1]!).queryByText('bereikt')).toBeNull();
    expect(within(items[2]!).queryByText('wordt gevierd')).toBeNull();
    expect(within(items[2]!).queryByText('bereikt')).toBeNull();
  });

  it('puts a marker per milestone on the phases track at its date, in English too', async () => {
    renderIn(<Overzicht />, fakeApi({ '/overzicht': overview }), 'en');
    const marker = await screen.findByRole('img', { name: 'Milestone 15 December 2026: Besluit over de GR' });
    // 2026-01-01 … 2027-06-30: 15 December 2026 lies at 348 of 545 days.
    const left = (marker as HTMLElement).style.left;
    const percent = Number(/calc\(([\d.]+)%/.exec(left)?.[1]);
    expect(percent).toBeCloseTo((348 / 545) * 100, 1);
    expect(screen.getAllByRole('img', { name: /^Milestone / })).toHaveLength(3);
    expect(screen.getByRole('list', { name: 'Milestones' })).toBeTruthy();
  });

  it('shows no milestone section when the programme has none', async () => {
    renderIn(<Overzicht />, fakeApi({ '/overzicht': { ...overview, milestones: [] } }));
    await screen.findByText('Vandaag: 1 dec 2026');
    expect(screen.queryByRole('list', { name: 'Mijlpalen' })).toBeNull();
    expect(screen.queryAllByRole('img', { name: /^Mijlpaal / })).toHaveLength(0);
  });
});

describe('a werkgroep waiting on a phase or a besluit', () => {
  it('names the phase and the decision, and marks a met dependency', async () => {
    const werkgroep: WerkgroepResponse = {
      id: 'wg-a',
      name: 'Werkgroep A',
      trekker: { id: 'p1', name: 'Fictief Een', gemeente: 'Alfa', guest: null },
      members: [{ id: 'p1', name: 'Fictief Een', gemeente: 'Alfa', guest: null }],
      updates: [],
      waitsOn: [
        { id: 'wg-b', name: 'Werkgroep B', reason: null, kind: 'werkgroep', met: false },
        { id: '2', name: 'Uitwerking', reason: null, kind: 'phase', met: false },
        { id: 'b-1', name: 'Kaders verrekening', reason: null, kind: 'besluit', met: true },
      ],
      waitedOnBy: [],
    };
    const list: OverviewResponse = {
      ...overview,
      werkgroepen: [
        { id: 'wg-a', name: 'Werkgroep A', trekker: null, open: 0, overdue: 0, blocked: 0, latestUpdate: null },
      ],
    };
    renderIn(
      <Werkgroep id="wg-a" onSelect={() => undefined} />,
      fakeApi({ '/overzicht': list, '/werkgroepen/wg-a': werkgroep, '/acties': { actions: [] } }),
    );
    expect(
      await screen.findByText("Werkgroep B, fase 2: Uitwerking, besluit 'Kaders verrekening' (vervuld)"),
    ).toBeTruthy();
  });
});
