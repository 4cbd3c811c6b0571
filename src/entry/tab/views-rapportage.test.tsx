// @vitest-environment happy-dom
// The Rapportage view (issue 16 §2) with Testing Library against a fake API: the month's figures, the introduction
// saved with the version read, a conflict shown with the text kept on screen, approval only for the projectleider
// (others see why the button is off), and the versions with their download buttons.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ReportMonthResponse, ReportVersionView } from '../../app/contract.ts';
import { ApiError, type Api } from './api.ts';
import { Ctx, type Me } from './data.tsx';
import { Rapportage } from './views/Rapportage.tsx';

afterEach(cleanup);
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

const approvedV1: ReportVersionView = {
  version: 1,
  state: 'approved',
  etag: '1.2',
  introduction: 'Oktober liep goed.',
  updatedAt: '2026-10-30T10:00:00Z',
  approved: { at: '2026-10-30T10:00:00Z', byName: 'Fictief Negen' },
  documents: [
    { variant: 'regiegroep', format: 'docx', path: '/rapporten/2026-11/1.docx?variant=regiegroep' },
    { variant: 'informed', format: 'pdf', path: '/rapporten/2026-11/1.pdf?variant=informed' },
  ],
};
const draftV2: ReportVersionView = {
  version: 2,
  state: 'draft',
  etag: '2.1',
  introduction: 'Een correctie.',
  updatedAt: '2026-11-02T10:00:00Z',
  approved: null,
  documents: [],
};
const month = (o: Partial<ReportMonthResponse> = {}): ReportMonthResponse => ({
  month: '2026-11',
  due: '2026-11-30',
  to: ['Regiegroep', 'Stuurgroep-plus'],
  latest: draftV2,
  summary: {
    month: '2026-11',
    werkgroepen: { total: 3, opKoers: 1, aandacht: 1, risico: 0, none: 1 },
    decisionsTaken: 2,
    decisionsWaiting: 1,
    medianLeadTimeDays: 12,
    overdueActions: 4,
    blockedActions: 1,
    milestonesReached: [],
  },
  versions: [draftV2, approvedV1],
  mayApprove: { allowed: true },
  ...o,
});

function fakeApi(get: () => unknown, send: Api['send'], download?: Api['download']): Api {
  return {
    get: vi.fn(async (path: string) => {
      if (path !== '/rapporten/2026-11') throw new ApiError(404, 'not found');
      return get();
    }) as Api['get'],
    post: vi.fn(async () => ({})) as Api['post'],
    patch: vi.fn(async () => ({})) as Api['patch'],
    send,
    ...(download ? { download } : {}),
  };
}

function renderAs(who: Me, node: ReactNode, api: Api) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Ctx.Provider value={{ api, lang: 'nl', me: who, onUnauthorized: () => undefined }}>{node}</Ctx.Provider>
    </FluentProvider>,
  );
}

const introduction = () =>
  screen.getByRole('textbox', { name: /Inleiding van de projectleider/ }) as HTMLTextAreaElement;

describe('Rapportage', () => {
  it('shows the figures, saves with the version read, and keeps the text on a conflict', async () => {
    const send = vi
      .fn()
      .mockRejectedValueOnce(
        new ApiError(409, 'de rapportage over 2026-11 is intussen gewijzigd (nu versie 2, concept) / changed'),
      )
      .mockResolvedValueOnce({ ...draftV2, etag: '2.2', introduction: 'Nieuwe tekst.' });
    renderAs(
      leider,
      <Rapportage month="2026-11" />,
      fakeApi(() => month(), send as Api['send']),
    );
    expect(await screen.findByText('Voortgangsrapportage november 2026')).toBeTruthy();
    expect(screen.getByText('Werkgroepen: 1 op koers, 1 aandacht, 0 risico, 1 zonder update')).toBeTruthy();
    expect(screen.getByText('Mediane doorlooptijd: 12 dagen')).toBeTruthy();
    expect(introduction().value).toBe('Een correctie.');
    fireEvent.change(introduction(), { target: { value: 'Nieuwe tekst.' } });
    // With unsaved text, approving waits: it would send the saved text.
    expect((screen.getByRole('button', { name: 'Goedkeuren en versturen' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Inleiding opslaan' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^de rapportage over 2026-11 is intussen gewijzigd/);
    expect(send).toHaveBeenLastCalledWith(
      'PUT',
      '/rapporten/2026-11/inleiding',
      { introduction: 'Nieuwe tekst.' },
      '2.1',
    );
    // Nothing typed is lost: the text stays, and saving again goes through.
    expect(introduction().value).toBe('Nieuwe tekst.');
    fireEvent.click(screen.getByRole('button', { name: 'Inleiding opslaan' }));
    expect((await screen.findByRole('status')).textContent).toBe('De inleiding is opgeslagen (versie 2).');
  });

  it('approves the saved version for the projectleider', async () => {
    const send = vi.fn().mockResolvedValue({ month: '2026-11', version: draftV2, approvedNow: true, deliveries: [] });
    renderAs(
      leider,
      <Rapportage month="2026-11" />,
      fakeApi(() => month(), send as Api['send']),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Goedkeuren en versturen' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Versie 2 is goedgekeurd en gaat naar Regiegroep, Stuurgroep-plus.',
    );
    expect(send).toHaveBeenCalledWith('POST', '/rapporten/2026-11/goedkeuren', undefined, '2.1');
  });

  it('shows others why they cannot approve, and lists the versions with their downloads', async () => {
    const why = 'alleen de projectleider keurt de maandrapportage goed / only the projectleider approves';
    const download = vi.fn(async () => ({ blob: new Blob(['x']), fileName: 'r.pdf' }));
    const send = vi.fn();
    renderAs(
      member,
      <Rapportage month="2026-11" />,
      fakeApi(() => month({ mayApprove: { allowed: false, why } }), send as Api['send'], download as Api['download']),
    );
    const approve = (await screen.findByRole('button', { name: 'Goedkeuren en versturen' })) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    expect(document.getElementById(approve.getAttribute('aria-describedby') ?? '')?.textContent).toBe(why);
    expect(introduction().readOnly).toBe(true);
    expect(screen.getByText('Versie 2: concept')).toBeTruthy();
    expect(screen.getByText(/^Versie 1: goedgekeurd door Fictief Negen op 30 oktober 2026/)).toBeTruthy();
    const pdf = screen.getByRole('button', { name: 'Download versie 1 als PDF (voor de stuurgroep)' });
    expect(screen.getByRole('button', { name: 'Download versie 1 als Word (volledig)' })).toBeTruthy();
    const created = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    fireEvent.click(pdf);
    await waitFor(() => expect(created).toHaveBeenCalled());
    expect(download).toHaveBeenCalledWith('/rapporten/2026-11/1.pdf?variant=informed');
    expect(send).not.toHaveBeenCalled();
  });
});
