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
  if (url.pathname.endsWith('/configure')) {
    // Adding the tab to a channel: it always opens on that channel's werkgroep.
    pages.config.registerOnSaveHandler((save) => {
      void pages.config
        .setConfig({
          contentUrl: `${url.origin}/tab/?view=werkgroep`,
          websiteUrl: `${url.origin}/tab/?view=werkgroep`,
          entityId: 'regiekamer-werkgroep',
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
    token: () => authentication.getAuthToken(),
    onThemeChange: (cb) => app.registerOnThemeChangeHandler((t) => cb(toTheme(t))),
  };
}

const root = createRoot(document.getElementById('root') as HTMLElement);
host().then(
  (h) => root.render(<App host={h} />),
  (err: unknown) => root.render(<p role="alert">{trBoth('app.startFailed', { detail: String(err) })}</p>),
);
