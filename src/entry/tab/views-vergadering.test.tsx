// @vitest-environment happy-dom
// The meeting app in the tab against a fake API (issue 18 §3, §4): the agenda's items, an outcome recorded only once
// chosen and with the decision's version, an action with owner and due date, closing after a confirmation, a
// refusal shown as the server says it, and the besluitenlijst of a closed meeting with its print button.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { AgendaResponse, DecisionsResponse, MeetingResponse, WerkgroepResponse } from '../../app/contract.ts';
import type { Besluitenlijst } from '../../domain/meeting/besluitenlijst.ts';
import { ApiError, type Api } from './api.ts';
import { Ctx, type Me } from './data.tsx';
import { agendaPath, Vergadering } from './views/Vergadering.tsx';

afterEach(cleanup);

const me: Me = {
  person: { id: 'p-voorzitter', name: 'Fictieve Voorzitter', gemeente: 'alfa', roles: [] },
  app: false,
  mayDecide: true,
  werkgroepen: [],
  programme: { id: 'proef', name: 'Proef' },
};
const agenda = {
  body: { id: 'regiegroep', name: 'Regiegroep', kind: 'regiegroep' },
  meeting: {
    key: 'regiegroep:2026-12-08',
    cadenceId: 'regiegroep',
    date: '2026-12-08',
    start: '2026-12-08T14:00:00Z',
    end: '2026-12-08T15:30:00Z',
  },
  asOf: '2026-12-08',
  updatesSince: null,
  werkgroepen: [{ id: 'wg-a', name: 'Werkgroep A', trekker: { id: 'p-a', name: 'Trekker A' }, update: null }],
  missingUpdates: [],
  decisions: [
    {
      id: 'B1',
      title: 'Eén loket',
      proposal: 'Eén loket voor vier gemeenten',
      werkgroep: 'wg-a',
      werkgroepName: 'Werkgroep A',
      since: '2026-11-20',
      daysWaiting: 18,
      blocks: [],
    },
  ],
  blockedChains: [],
  overdueActions: [],
  capacityAlerts: [],
  capacityScope: 'all',
  // The projectleider's order: the added item first, the decision, then the werkgroep; one added item removed.
  items: [
    { id: 'punt:1', kind: 'punt', title: 'Rondvraag', note: 'Wat verder ter tafel komt', removed: false },
    { id: 'besluit:B1', kind: 'besluit', title: 'Eén loket', removed: false },
    { id: 'werkgroep:wg-a', kind: 'werkgroep', title: 'Werkgroep A', removed: false },
    { id: 'punt:2', kind: 'punt', title: 'Vervallen punt', removed: true },
  ],
  version: 3,
  mayEdit: false,
  bodies: [],
  meetingDates: [],
} as unknown as AgendaResponse;
const open: MeetingResponse = {
  body: { id: 'regiegroep', name: 'Regiegroep' },
  date: '2026-12-08',
  key: 'regiegroep:2026-12-08',
  state: 'open',
  records: [],
  closedAt: null,
  besluitenlijst: null,
};
const decisions = { decisions: [{ id: 'B1', version: 'v-B1' }] } as unknown as DecisionsResponse;
const werkgroep = {
  id: 'wg-a',
  name: 'Werkgroep A',
  trekker: { id: 'p-a', name: 'Trekker A', gemeente: 'Alfa' },
  members: [{ id: 'p-b', name: 'Lid B', gemeente: 'Beta' }],
} as unknown as WerkgroepResponse;
const MEETING = '/vergaderingen/regiegroep/2026-12-08';

function fakeApi(meeting: MeetingResponse, post: Api['post']): Api {
  const routes: Record<string, unknown> = {
    '/agenda?body=regiegroep&date=2026-12-08': agenda,
    [MEETING]: meeting,
    '/besluiten': decisions,
    '/werkgroepen/wg-a': werkgroep,
  };
  return {
    get: vi.fn(async (path: string) => {
      const r = routes[path];
      if (r === undefined) throw new ApiError(404, `not found: ${path}`);
      return r;
    }) as Api['get'],
    post,
    patch: vi.fn() as unknown as Api['patch'],
    send: vi.fn() as unknown as Api['send'],
  };
}

function show(api: Api) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Ctx.Provider value={{ api, lang: 'nl', me, onUnauthorized: () => undefined }}>
        <Vergadering meeting="regiegroep:2026-12-08" />
      </Ctx.Provider>
    </FluentProvider>,
  );
}

describe('agendaPath', () => {
  it('addresses a meeting, a body’s next meeting, or the regiegroep’s next', () => {
    expect(agendaPath('regiegroep:2026-12-08')).toBe('/agenda?body=regiegroep&date=2026-12-08');
    expect(agendaPath(undefined, 'pg-harmonisatie')).toBe('/agenda?body=pg-harmonisatie');
    expect(agendaPath('onzin')).toBe('/agenda');
  });
});

describe('Vergadering', () => {
  it('shows the agenda’s items in the projectleider’s order, without removed ones, and what was recorded at each', async () => {
    const records: MeetingResponse['records'] = [
      {
        seq: 1,
        item: 'punt:1',
        by: 'p-voorzitter',
        at: '2026-12-08T14:10:00Z',
        kind: 'decision',
        decisionId: 'B7',
        title: 'Rondvraag besloten',
      },
    ];
    show(fakeApi({ ...open, records }, vi.fn()));
    const list = await screen.findByRole('list', { name: 'Agendapunten' });
    const headings = within(list)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual(['1. Rondvraag', '2. Eén loket', '3. Werkgroep A']);
    expect(screen.queryByText('Vervallen punt')).toBeNull();
    const punt = within(list).getByRole('region', { name: 'Rondvraag' });
    expect(within(punt).getByText('Nieuw besluit: Rondvraag besloten')).toBeTruthy();
    expect(within(punt).queryByRole('button', { name: 'Uitkomst vastleggen' })).toBeNull();
    const form = screen.getByRole('form', { name: 'Actie toevoegen' });
    const options = within(within(form).getByLabelText('Agendapunt'))
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value);
    expect(options).toEqual(['', 'punt:1', 'besluit:B1', 'werkgroep:wg-a']);
    // Choosing the werkgroep first takes its update as the item; a chosen item is kept.
    fireEvent.change(within(form).getByLabelText('Werkgroep'), { target: { value: 'wg-a' } });
    await waitFor(() =>
      expect((within(form).getByLabelText('Agendapunt') as HTMLSelectElement).value).toBe('werkgroep:wg-a'),
    );
    const decisionForm = screen.getByRole('form', { name: 'Nieuw besluit' });
    fireEvent.change(within(decisionForm).getByLabelText('Agendapunt'), { target: { value: 'punt:1' } });
    fireEvent.change(within(decisionForm).getByLabelText('Werkgroep'), { target: { value: 'wg-a' } });
    await waitFor(() =>
      expect((within(decisionForm).getByLabelText('Werkgroep') as HTMLSelectElement).value).toBe('wg-a'),
    );
    expect((within(decisionForm).getByLabelText('Agendapunt') as HTMLSelectElement).value).toBe('punt:1');
  });

  it('records an outcome only once chosen, with the decision version', async () => {
    const post = vi.fn(async () => ({ title: 'Eén loket' })) as unknown as Api['post'];
    show(fakeApi(open, post));
    const item = await screen.findByRole('region', { name: 'Eén loket' });
    expect(item.closest('li')?.textContent).toContain('Werkgroep A · wacht 18 dagen (sinds 2026-11-20)');
    const button = within(item).getByRole('button', { name: 'Uitkomst vastleggen' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(item).getByLabelText('Uitkomst'), { target: { value: 'besloten' } });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    await waitFor(() =>
      expect(post).toHaveBeenCalledWith(
        `${MEETING}/vastleggingen`,
        { kind: 'outcome', item: 'besluit:B1', decision: 'B1', outcome: 'besloten' },
        'v-B1',
      ),
    );
    expect((await screen.findByRole('status')).textContent).toContain('Vastgelegd: Eén loket');
  });

  it('adds an action with an owner of the werkgroep and a due date, and names what is missing first', async () => {
    const post = vi.fn(async () => ({ title: 'Begroting afstemmen' })) as unknown as Api['post'];
    show(fakeApi(open, post));
    const form = await screen.findByRole('form', { name: 'Actie toevoegen' });
    fireEvent.click(within(form).getByRole('button', { name: 'Actie toevoegen' }));
    expect(within(form).getByRole('alert').textContent).toContain('Agendapunt');
    expect(post).not.toHaveBeenCalled();
    fireEvent.change(within(form).getByLabelText('Agendapunt'), { target: { value: 'werkgroep:wg-a' } });
    fireEvent.change(within(form).getByLabelText('Actie'), { target: { value: 'Begroting afstemmen' } });
    await within(form).findByRole('option', { name: 'Lid B' });
    fireEvent.change(within(form).getByLabelText('Eigenaar'), { target: { value: 'p-b' } });
    fireEvent.change(within(form).getByLabelText('Uiterste datum'), { target: { value: '2027-01-15' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Actie toevoegen' }));
    await waitFor(() =>
      expect(post).toHaveBeenCalledWith(
        `${MEETING}/vastleggingen`,
        {
          kind: 'action',
          item: 'werkgroep:wg-a',
          werkgroep: 'wg-a',
          title: 'Begroting afstemmen',
          owner: 'p-b',
          due: '2027-01-15',
        },
        undefined,
      ),
    );
  });

  it('closes after a confirmation, and shows a refusal as the server words it', async () => {
    const post = vi.fn(async () => {
      throw new ApiError(403, 'alleen de voorzitter van dit overleg … / only the chair …');
    }) as unknown as Api['post'];
    show(fakeApi(open, post));
    fireEvent.click(await screen.findByRole('button', { name: 'Vergadering sluiten' }));
    expect(post).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, sluiten en versturen' }));
    await waitFor(() => expect(post).toHaveBeenCalledWith(`${MEETING}/sluiten`, {}));
    expect((await screen.findByRole('alert')).textContent).toContain('alleen de voorzitter');
  });

  it('shows the besluitenlijst of a closed meeting with a print button, and no controls', async () => {
    const list: Besluitenlijst = {
      body: { id: 'regiegroep', name: 'Regiegroep' },
      date: '2026-12-08',
      decisions: [{ id: 'B1', title: 'Eén loket', item: 'besluit:B1', outcome: 'besloten', isNew: false }],
      actions: [
        {
          id: 'vg-1',
          title: 'Begroting afstemmen',
          item: 'werkgroep:wg-a',
          werkgroep: 'wg-a',
          werkgroepName: 'Werkgroep A',
          owner: 'p-b',
          ownerName: 'Lid B',
          due: '2027-01-15',
        },
      ],
      carriedOver: [{ id: 'punt:p1', title: 'Rondvraag' }],
    };
    show(fakeApi({ ...open, state: 'closed', closedAt: '2026-12-08T15:30:00Z', besluitenlijst: list }, vi.fn()));
    const article = await screen.findByRole('article', { name: 'Besluitenlijst Regiegroep — dinsdag 8 december 2026' });
    expect(within(article).getByText('Eén loket — besloten')).toBeTruthy();
    expect(
      within(article).getByText('Begroting afstemmen — Lid B, uiterlijk vrijdag 15 januari 2027 (Werkgroep A)'),
    ).toBeTruthy();
    expect(within(article).getByText('Rondvraag')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Afdrukken' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vergadering sluiten' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Actie toevoegen' })).toBeNull();
    const styles = [...document.querySelectorAll('style')].map((x) => x.textContent).join('\n');
    expect(styles).toMatch(/@media print \{\s*nav, button, form/);
  });
});
