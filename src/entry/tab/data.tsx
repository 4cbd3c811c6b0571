// Loading, error and empty states shared by every view, and the context the views read (API, language, person).
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { ApiError, type Api } from './api.ts';
import type { MeResponse } from '../../app/contract.ts';
import { tr, type Lang } from './i18n.ts';

/** The signed-in person (GET /api/ik); its flags only show buttons, the server decides on every change. */
export type Me = MeResponse;

export interface TabContext {
  api: Api;
  lang: Lang;
  me: Me;
  onUnauthorized(): void;
}

export const Ctx = createContext<TabContext | null>(null);

export function useTab(): TabContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('useTab outside the tab');
  return c;
}

export function useData<T>(path: string): { data?: T; error?: string; loading: boolean; reload(): void } {
  const { api, onUnauthorized } = useTab();
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api.get<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (err: unknown) => {
        if (!live) return;
        if (err instanceof ApiError && err.status === 401) onUnauthorized();
        setState({ error: err instanceof Error ? err.message : String(err), loading: false });
      },
    );
    return () => {
      live = false;
    };
  }, [api, path, n, onUnauthorized]);
  const reload = useCallback(() => setN((x) => x + 1), []);
  return { ...state, reload };
}

export function Loadable<T>({
  state,
  children,
}: {
  state: { data?: T; error?: string; loading: boolean; reload(): void };
  children: (data: T) => ReactNode;
}) {
  const { lang } = useTab();
  if (state.error) {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          {tr(lang, 'error.load', { detail: state.error })}{' '}
          <Button size="small" onClick={state.reload}>
            {tr(lang, 'retry')}
          </Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!state.data) return <Spinner label={tr(lang, 'loading')} />;
  return <>{children(state.data)}</>;
}

export type NoticeState = { intent: 'success' | 'error'; text: string } | null;

/** The outcome of a change the person made: a status when it worked, an alert (read out at once) when refused. */
export function Notice({ notice, wide }: { notice: NoticeState; wide?: boolean }) {
  if (!notice) return null;
  return (
    <MessageBar
      intent={notice.intent}
      role={notice.intent === 'error' ? 'alert' : 'status'}
      {...(wide ? { style: { width: '100%' } } : {})}
    >
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
