// Calls to Regiekamer's API with the signed-in person's token; a 401 is reported, never swallowed.
export class ApiError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, message: string, body: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

const TOKEN_KEY = 'regiekamer.token';

export function storedToken(): string | null {
  // A token handed over by the sign-in redirect arrives in the fragment; it is moved to session storage at once.
  const m = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (m?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

export type TokenSource = () => Promise<string | null>;

export function apiClient(token: TokenSource, base = '/api') {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const t = await token();
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...headers,
        ...(t ? { authorization: `Bearer ${t}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) throw new ApiError(res.status, String(json['message'] ?? `HTTP ${res.status}`), json);
    return json as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    /** With `version`, the change applies only to that version of the thing (If-Match), as `patch` below. */
    post: <T>(path: string, body: unknown, version?: string) =>
      call<T>('POST', path, body, version ? { 'if-match': `"${version}"` } : {}),
    /**
     * The change applies only to `version`, the one the person saw (If-Match): a newer one answers 409 with the
     * current values; the API refuses a change without a version (428), so the version is required here too.
     */
    patch: <T>(path: string, body: unknown, version: string) =>
      call<T>('PATCH', path, body, { 'if-match': `"${version}"` }),
    /** Any other change made on `version` (If-Match), as `patch`: PUT, POST or DELETE with an optional body. */
    send: <T>(method: 'PUT' | 'POST' | 'DELETE', path: string, body: unknown, version: string) =>
      call<T>(method, path, body, { 'if-match': `"${version}"` }),
    /** A file the API serves (e.g. an HTML page): its content as a Blob and the name its Content-Disposition gives. */
    download: async (path: string): Promise<{ blob: Blob; filename: string }> => {
      const t = await token();
      const res = await fetch(`${base}${path}`, { headers: t ? { authorization: `Bearer ${t}` } : {} });
      if (!res.ok) {
        const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
        throw new ApiError(res.status, String(json['message'] ?? `HTTP ${res.status}`), json);
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
      return { blob: await res.blob(), filename: name };
    },
  };
}

type Client = ReturnType<typeof apiClient>;
/** The client as the views use it; `download` is optional so the views' test doubles need not provide it. */
export type Api = Omit<Client, 'download'> & Partial<Pick<Client, 'download'>>;
