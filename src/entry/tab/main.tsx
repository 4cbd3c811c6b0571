// Entry of the tab: inside Teams (an iframe) teams-js gives context, theme and the SSO token; outside Teams the URL
// and the local sign-in do.
import { createRoot } from 'react-dom/client';
import { App, hostFromUrl, type Host, type ThemeName } from './app.tsx';
import { storedToken } from './api.ts';
import { langOf, trBoth } from './i18n.ts';

const toTheme = (t: string | undefined): ThemeName => (t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'light');

async function host(): Promise<Host> {
  const url = new URL(window.location.href);
  const base = hostFromUrl(url, navigator.language, window.matchMedia('(prefers-color-scheme: dark)').matches);
  if (window.parent === window) return { ...base, inTeams: false, token: async () => storedToken() };
  const { app, authentication, pages } = await import('@microsoft/teams-js');
  await app.initialize();
  const ctx = await app.getContext();
  const channel = ctx.channel?.displayName;
  // In a meeting (side panel, meeting chat or details) teams-js names the meeting: the tab is the meeting app.
  const inMeeting = !!ctx.meeting?.id;
  if (url.pathname.endsWith('/configure')) {
    // Adding the tab to a channel: it always opens on that channel's werkgroep. Adding it to a meeting: the meeting
    // app, on the meeting of the body given (?body=, e.g. a projectgroep) or the regiegroep's meeting that is on.
    const body = url.searchParams.get('body');
    const view = inMeeting ? `vergadering${body ? `&body=${encodeURIComponent(body)}` : ''}` : 'werkgroep';
    pages.config.registerOnSaveHandler((save) => {
      void pages.config
        .setConfig({
          contentUrl: `${url.origin}/tab/?view=${view}`,
          websiteUrl: `${url.origin}/tab/?view=${view}`,
          entityId: inMeeting ? 'regiekamer-vergadering' : 'regiekamer-werkgroep',
          suggestedDisplayName: 'Regiekamer',
        })
        .then(() => save.notifySuccess());
    });
    pages.config.setValidityState(true);
  }
  return {
    ...base,
    inTeams: true,
    lang: langOf(ctx.app.locale),
    theme: toTheme(ctx.app.theme),
    // A channel tab opens on that channel's werkgroep (the channel is named after it).
    ...(channel ? { werkgroep: channel, view: url.searchParams.get('view') ? base.view : 'werkgroep' } : {}),
    ...(inMeeting && !url.searchParams.get('view') ? { view: 'vergadering' as const } : {}),
    token: () => authentication.getAuthToken(),
    onThemeChange: (cb) => app.registerOnThemeChangeHandler((t) => cb(toTheme(t))),
  };
}

const root = createRoot(document.getElementById('root') as HTMLElement);
host().then(
  (h) => root.render(<App host={h} />),
  (err: unknown) => root.render(<p role="alert">{trBoth('app.startFailed', { detail: String(err) })}</p>),
);
