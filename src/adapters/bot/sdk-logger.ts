// The Teams SDK's log, routed into ours (src/platform/logger.ts) instead of switched off, without personal data: the
// SDK logs whole activities (names, message text) and request errors that carry their request (headers with the
// bot's token). Kept: the SDK's own message strings, and of an Error its name, first line, code and HTTP status.
// Everything else it passes (objects, activities) is left out. The SDK's info is our debug (it is chatty).
import type { Logger } from '../../platform/logger.ts';

/** The ILogger interface of @microsoft/teams.common (logging/logger.d.ts), as far as the SDK calls it. */
interface SdkLogger {
  error(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  debug(...msg: unknown[]): void;
  trace(...msg: unknown[]): void;
  log(level: string, ...msg: unknown[]): void;
  child(name: string): SdkLogger;
}

type Level = 'error' | 'warn' | 'debug' | 'trace';

/** What of one log call may be logged: the message strings and the facts of any Error. */
function describe(args: unknown[]): { msg: string; fields: Record<string, unknown> } {
  const texts: string[] = [];
  const fields: Record<string, unknown> = {};
  for (const arg of args) {
    if (typeof arg === 'string') texts.push(arg.slice(0, 300));
    else if (arg instanceof Error) {
      const e = arg as Error & { code?: unknown; response?: { status?: unknown } };
      fields['error'] = `${e.name}: ${(e.message.split('\n')[0] ?? '').slice(0, 300)}`;
      if (typeof e.code === 'string') fields['code'] = e.code;
      if (typeof e.response?.status === 'number') fields['status'] = e.response.status;
    }
  }
  return { msg: texts.join(' ') || 'teams sdk', fields };
}

/** An ILogger for the Teams SDK's `App` that writes into `logger` (component teams-sdk); silent without one. */
export function sdkLogger(logger: Logger | undefined, name = 'app'): SdkLogger {
  const log = logger?.child({ component: 'teams-sdk', sdk: name });
  const at =
    (level: Level) =>
    (...args: unknown[]) => {
      if (!log) return;
      const { msg, fields } = describe(args);
      log[level](fields, msg);
    };
  const levels: Record<string, Level> = { error: 'error', warn: 'warn', info: 'debug', debug: 'debug', trace: 'trace' };
  return {
    error: at('error'),
    warn: at('warn'),
    info: at('debug'),
    debug: at('debug'),
    trace: at('trace'),
    log: (level, ...args) => at(levels[level] ?? 'debug')(...args),
    child: (child) => sdkLogger(logger, `${name}/${child}`),
  };
}
