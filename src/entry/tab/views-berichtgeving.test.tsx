// @vitest-environment happy-dom
// Berichtgeving in the tab against a fake API (issue 16 §3): the composed draft edited with a live preview, saved
// with its version in If-Match, approved only after saving and confirming; for someone without the permission the
// text is read-only and approving is disabled with the server's reason; a save refused as changed keeps the text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { NewsResponse } from '../../app/contract.ts';
import { ApiError, type Api } from './api.ts';
import { Ctx, type Me } from './data.tsx';
import { Berichtgeving } from './views/Berichtgeving.tsx';

afterEach(cleanup);

const me: Me = {
  person: { id: 'ca-fictief', name: 'Fictieve Adviseur', gemeente: 'alfa', roles: ['communicatieadviseur'] },
  app: false,
  mayDecide: false,
  werkgroepen: [],
  programme: { id: 'proef', name: 'Proef' },
} as unknown as Me;

const draft: NewsResponse = {
  month: '2026-11',
  title: 'Nieuws van Proef — november 2026',
  body: '## Successen\n\n- Eerste succes',
  version: 0,
  state: 'draft',
  composed: { title: 'Nieuws van Proef — november 2026', body: '## Successen\n\n- Eerste succes' },
  channel: 'het algemene kanaal van het team',
  timeZone: 'Europe/Amsterdam',
  mayEdit: { allowed: true },
};

function fakeApi(news: NewsResponse, send: Api['send']): Api {
  return {
    get: vi.fn(async (path: string) => {
      if (/^\/berichten\/\d{4}-\d{2}\?lang=nl$/.test(path)) return news;
      throw new ApiError(404, `not found: ${path}`);
    }) as Api['get'],
    post: vi.fn() as unknown as Api['post'],
    patch: vi.fn() as unknown as Api['patch'],
    send,
  };
}

function show(api: Api) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Ctx.Provider value={{ api, lang: 'nl', me, onUnauthorized: () => undefined }}>
        <Berichtgeving />
      </Ctx.Provider>
    </FluentProvider>,
  );
}

const approveButton = () => screen.getByRole('button', { name: 'Goedkeuren en versturen' });

describe('Berichtgeving', () => {
  it('edits the draft with a live preview, saves with its version, then approves after confirming', async () => {
    const send = vi.fn(async (method: string, path: string, body: unknown, version: string) => {
      if (method === 'PUT')
        return {
          ...draft,
          ...(body as object),
          version: Number(version) + 1,
          edited: { by: { id: 'ca-fictief', name: 'Fictieve Adviseur' }, at: '2026-11-30T09:00:00Z' },
        };
      return {
        ...draft,
        title: 'Bewerkt nieuws',
        body: '## Successen\n\n- Bewerkt succes',
        version: 1,
        state: 'approved',
        approved: { by: { id: 'ca-fictief', name: 'Fictieve Adviseur' }, at: '2026-11-30T09:05:00Z' },
      };
    }) as unknown as Api['send'];
    show(fakeApi(draft, send));
    await screen.findByText('Concept, opgesteld uit de gegevens van de maand (nog door niemand bewerkt)');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Berichtgeving van november 2026');
    const text = screen.getByRole('textbox', { name: /^Tekst/ });
    fireEvent.change(screen.getByRole('textbox', { name: 'Titel' }), { target: { value: 'Bewerkt nieuws' } });
    fireEvent.change(text, { target: { value: '## Successen\n\n- Bewerkt **succes**' } });
    const preview = screen.getByRole('article', { name: 'Voorbeeld' });
    expect(within(preview).getByRole('heading', { name: 'Bewerkt nieuws' })).toBeTruthy();
    expect(within(preview).getByRole('listitem').innerHTML).toContain('<strong>succes</strong>');
    // Not saved yet: approving would approve another text than the one on screen.
    expect(approveButton().hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Sla uw wijzigingen eerst op.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findByText('Opgeslagen');
    expect(send).toHaveBeenCalledWith(
      'PUT',
      '/berichten/2026-11',
      { title: 'Bewerkt nieuws', body: '## Successen\n\n- Bewerkt **succes**' },
      '0',
    );
    expect(screen.getByRole('note').textContent).toMatch(
      /^Concept, laatst bewerkt door Fictieve Adviseur op 30 november 2026/,
    );

    fireEvent.click(approveButton());
    const confirm = screen.getByRole('group', { name: 'Goedkeuren en versturen' });
    expect(confirm.textContent).toContain('het algemene kanaal van het team');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ja, goedkeuren en versturen' }));
    await screen.findByText('Goedgekeurd; het bericht gaat naar het algemene kanaal van het team');
    expect(send).toHaveBeenLastCalledWith('POST', '/berichten/2026-11/goedkeuren', undefined, '1');
    expect(screen.getByRole('note').textContent).toBe(
      'Goedgekeurd door Fictieve Adviseur op 30 november 2026 om 10:05',
    );
    expect(screen.queryByRole('button', { name: 'Goedkeuren en versturen' })).toBeNull();
  });

  it('shows the text read-only and approving disabled with the reason to someone without the permission', async () => {
    const reason =
      'alleen de communicatieadviseur en de projectleider bewerken en keuren de berichtgeving goed / only the communicatieadviseur and the projectleider edit and approve the news message';
    const send = vi.fn() as unknown as Api['send'];
    show(fakeApi({ ...draft, mayEdit: { allowed: false, reason } }, send));
    await screen.findByText(reason);
    expect(approveButton().hasAttribute('disabled')).toBe(true);
    expect(approveButton().getAttribute('aria-describedby')).toBe('news-approve-reason');
    expect(screen.getByRole('textbox', { name: /^Tekst/ }).hasAttribute('readonly')).toBe(true);
    expect(screen.getByRole('button', { name: 'Opslaan' }).hasAttribute('disabled')).toBe(true);
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the person’s text when the save is refused because someone else saved meanwhile', async () => {
    const message = 'het bericht van november 2026 is intussen gewijzigd door Marieke / … changed meanwhile';
    const send = vi.fn(async () => {
      throw new ApiError(409, message, { error: 'changed' });
    }) as unknown as Api['send'];
    show(fakeApi(draft, send));
    const text = await screen.findByRole('textbox', { name: /^Tekst/ });
    fireEvent.change(text, { target: { value: 'Mijn eigen tekst' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(message));
    expect((screen.getByRole('textbox', { name: /^Tekst/ }) as HTMLTextAreaElement).value).toBe('Mijn eigen tekst');
  });
});
