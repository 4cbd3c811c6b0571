// The tab: Teams theme (light, dark, high contrast; following Teams live), language from the Teams locale, the
// signed-in person, and the views. Outside Teams (local mode) the theme and language come from the URL or the
// browser, and sign-in goes through the local tenant; inside Teams the SSO token comes from teams-js.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  Title2,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { apiClient, forgetToken, type TokenSource } from './api.ts';
import { Ctx, type Me } from './data.tsx';
import { langOf, tr, type Lang } from './i18n.ts';
import { Acties } from './views/Acties.tsx';
import { Agenda } from './views/Agenda.tsx';
import { Capaciteit } from './views/Capaciteit.tsx';
import { Overzicht } from './views/Overzicht.tsx';
import { Werkgroep } from './views/Werkgroep.tsx';

// The views with charts load with recharts (some 40 % of the JavaScript) when they open, not before.
const Besluiten = lazy(() => import('./views/Besluiten.tsx').then((m) => ({ default: m.Besluiten })));
const VierKs = lazy(() => import('./views/VierKs.tsx').then((m) => ({ default: m.VierKs })));
const Vergadering = lazy(() => import('./views/Vergadering.tsx').then((m) => ({ default: m.Vergadering })));
const Rapportage = lazy(() => import('./views/Rapportage.tsx').then((m) => ({ default: m.Rapportage })));
const Berichtgeving = lazy(() => import('./views/Berichtgeving.tsx').then((m) => ({ default: m.Berichtgeving })));
const Besluitenlijsten = lazy(() =>
  import('./views/Besluitenlijst.tsx').then((m) => ({ default: m.Besluitenlijsten })),
);

export type ThemeName = 'light' | 'dark' | 'contrast';
const VIEWS = [
  'overzicht',
  'werkgroep',
  'acties',
  'besluiten',
  'vierks',
  'capaciteit',
  'vergadering',
  'besluitenlijsten',
  'agenda',
  'rapportage',
  'berichtgeving',
] as const;
export type View = (typeof VIEWS)[number];

export interface Host {
  inTeams: boolean;
  lang: Lang;
  theme: ThemeName;
  view: View;
  werkgroep?: string;
  /** The meeting app: `<bodyId>:<YYYY-MM-DD>` (?meeting=), or a body whose next meeting it opens (?body=). */
  meeting?: string;
  body?: string;
  /** The agenda view's meeting from a deep link (?view=agenda&body=…&date=…): a body id and a YYYY-MM-DD. */
  agenda?: { body?: string; date?: string };
  /** The report view's month from a deep link (?view=rapportage&maand=YYYY-MM, the report card's link). */
  month?: string;
  token: TokenSource;
  onThemeChange?(cb: (t: ThemeName) => void): void;
}

const THEMES = {
  teams: { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme },
  web: { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme },
};

/** The meeting app and the besluitenlijsten (issue 18 §3, §4), loaded when opened; nothing for other views. */
function MeetingViews({ view, host }: { view: View; host: Host }) {
  if (view !== 'vergadering' && view !== 'besluitenlijsten') return null;
  return (
    <Suspense fallback={<Spinner label={tr(host.lang, 'loading')} />}>
      {view === 'vergadering' ? (
        <Vergadering meeting={host.meeting} body={host.body} />
      ) : (
        <Besluitenlijsten meeting={host.meeting} />
      )}
    </Suspense>
  );
}

/** The sign-in screen after a 401: outside Teams with the button that signs in again. */
function SignIn({ lang, inTeams, onSignIn }: { lang: Lang; inTeams: boolean; onSignIn(): void }) {
  return (
    <section aria-labelledby="signin-title" style={{ maxWidth: 40 * 16 }}>
      <Title2 block as="h1" id="signin-title">
        {tr(lang, 'signin.title')}
      </Title2>
      <MessageBar intent="warning" role="alert">
        <MessageBarBody>{tr(lang, 'signin.expired')}</MessageBarBody>
      </MessageBar>
      <p>
        <Text>{tr(lang, 'signin.text')}</Text>
      </p>
      {!inTeams && (
        <Button appearance="primary" onClick={onSignIn}>
          {tr(lang, 'signin.button')}
        </Button>
      )}
    </section>
  );
}

export function App({ host }: { host: Host }) {
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [view, setView] = useState<View>(host.view);
  const [werkgroep, setWerkgroep] = useState<string | undefined>(host.werkgroep);
  const [me, setMe] = useState<Me | null>(null);
  const [unauthorized, setUnauthorized] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lang = host.lang;
  useEffect(() => host.onThemeChange?.(setTheme), [host]);
  const api = useMemo(() => apiClient(host.token), [host]);
  const onUnauthorized = useCallback(() => setUnauthorized(true), []);
  useEffect(() => {
    api.get<Me>('/ik').then(setMe, (err: unknown) => {
      if ((err as { status?: number }).status === 401) setUnauthorized(true);
      else setError(err instanceof Error ? err.message : String(err));
    });
  }, [api]);
  const signIn = () => {
    forgetToken();
    window.location.href = `/tab/aanmelden?${new URLSearchParams({ terug: view, lang, theme })}`;
  };
  let body;
  if (unauthorized) {
    body = <SignIn lang={lang} inTeams={host.inTeams} onSignIn={signIn} />;
  } else if (error) {
    body = (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{tr(lang, 'error.load', { detail: error })}</MessageBarBody>
      </MessageBar>
    );
  } else if (!me) {
    body = <Spinner label={tr(lang, 'loading')} />;
  } else {
    body = (
      <Ctx.Provider value={{ api, lang, me, onUnauthorized }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
          <Title2 block as="h1">
            {tr(lang, 'app.title')}
          </Title2>
          <Text>
            {me.person ? tr(lang, 'signedInAs', { name: me.person.name }) : ''}{' '}
            {!host.inTeams && (
              <Button
                size="small"
                onClick={() => {
                  forgetToken();
                  setUnauthorized(true);
                }}
              >
                {tr(lang, 'signout')}
              </Button>
            )}
          </Text>
        </header>
        <nav>
          <TabList
            selectedValue={view}
            onTabSelect={(_e, d) => setView(d.value as View)}
            aria-label={tr(lang, 'app.title')}
          >
            {VIEWS.map((v) => (
              <Tab key={v} value={v}>
                {tr(lang, `nav.${v}`)}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main style={{ paddingTop: 12 }}>
          {view === 'overzicht' && (
            <Overzicht
              onOpenWerkgroep={(id) => {
                setWerkgroep(id);
                setView('werkgroep');
              }}
            />
          )}
          {view === 'werkgroep' && <Werkgroep {...(werkgroep ? { id: werkgroep } : {})} onSelect={setWerkgroep} />}
          {view === 'acties' && <Acties {...(host.werkgroep ? { werkgroep: host.werkgroep } : {})} />}
          {view === 'besluiten' && (
            <Suspense fallback={<Spinner label={tr(lang, 'loading')} />}>
              <Besluiten />
            </Suspense>
          )}
          {view === 'vierks' && (
            <Suspense fallback={<Spinner label={tr(lang, 'loading')} />}>
              <VierKs />
            </Suspense>
          )}
          {view === 'capaciteit' && <Capaciteit />}
          {view === 'agenda' && <Agenda body={host.agenda?.body} date={host.agenda?.date} />}
          <MeetingViews view={view} host={host} />
          {view === 'rapportage' && (
            <Suspense fallback={<Spinner label={tr(lang, 'loading')} />}>
              <Rapportage month={host.month} />
            </Suspense>
          )}
          {view === 'berichtgeving' && (
            <Suspense fallback={<Spinner label={tr(lang, 'loading')} />}>
              <Berichtgeving />
            </Suspense>
          )}
        </main>
      </Ctx.Provider>
    );
  }
  return (
    <FluentProvider
      theme={THEMES[host.inTeams ? 'teams' : 'web'][theme]}
      style={{ minHeight: '100vh', padding: 16 }}
      lang={lang}
    >
      {body}
    </FluentProvider>
  );
}

/**
 * Outside Teams: ?lang=en, ?theme=dark, ?view=acties&werkgroep=… (a bot card links like this),
 * ?view=agenda&body=…&date=…, ?meeting=<body>:<date> (the meeting app).
 */
export function hostFromUrl(url: URL, browserLang: string, prefersDark: boolean): Omit<Host, 'token' | 'inTeams'> {
  const v = url.searchParams.get('view');
  const t = url.searchParams.get('theme');
  const werkgroep = url.searchParams.get('werkgroep');
  const meeting = url.searchParams.get('meeting');
  const body = url.searchParams.get('body');
  const date = url.searchParams.get('date');
  const month = url.searchParams.get('maand');
  return {
    lang: langOf(url.searchParams.get('lang') ?? browserLang),
    theme: t === 'dark' || t === 'contrast' || t === 'light' ? t : prefersDark ? 'dark' : 'light',
    // ?meeting= alone opens the meeting app (a link to a meeting, as the local stand-in for the meeting context).
    view: (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : meeting ? 'vergadering' : 'overzicht',
    ...(werkgroep ? { werkgroep } : {}),
    ...(meeting ? { meeting } : {}),
    ...(body ? { body } : {}),
    ...(body || date ? { agenda: { ...(body ? { body } : {}), ...(date ? { date } : {}) } } : {}),
    ...(month ? { month } : {}),
  };
}
