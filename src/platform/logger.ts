// One structured logger with child loggers per component. Secrets and personal data are redacted by path.
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACT_PATHS = [
  'token',
  'accessToken',
  'access_token',
  'refresh_token',
  'id_token',
  'clientSecret',
  'client_secret',
  'password',
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.token',
  '*.accessToken',
  '*.clientSecret',
  'upn',
  'email',
  'mail',
  'displayName',
  'name',
  '*.upn',
  '*.email',
  '*.mail',
  '*.displayName',
  'body',
  '*.body',
  // A backstop only (the sources log no such field): message texts and secrets under their usual names.
  'text',
  '*.text',
  'secret',
  '*.secret',
  'cookie',
  'headers.cookie',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'regiekamer' } };
  return destination ? pino(options, destination) : pino(options);
}
