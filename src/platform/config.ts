// Configuration: read from the environment once, validated, then passed down. Nothing else reads process.env.
import path from 'node:path';
import { z } from 'zod';
import { parseLang, type Lang } from '../domain/i18n.ts';

const EnvSchema = z.object({
  REGIEKAMER_PROGRAMME: z.string().min(1).default('programmes/blnp.yaml'),
  REGIEKAMER_DATA_DIR: z.string().min(1).default('.regiekamer'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL moet met postgres:// of postgresql:// beginnen').optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUBLIC_URL: z.url().optional(),
  REGIEKAMER_LANG: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TEAMS_APP_ID: z.string().uuid().optional(),
  BOT_ID: z.string().uuid().optional(),
});

export interface Config {
  programmeFile: string;
  dataDir: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  publicUrl: string;
  lang: Lang;
  logLevel: z.output<typeof EnvSchema>['LOG_LEVEL'];
  teamsAppId: string | undefined;
  botId: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ongeldige configuratie / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  return {
    programmeFile: path.resolve(cwd, e.REGIEKAMER_PROGRAMME),
    dataDir: path.resolve(cwd, e.REGIEKAMER_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    lang: parseLang(e.REGIEKAMER_LANG ?? env.LANG, 'nl'),
    logLevel: e.LOG_LEVEL,
    teamsAppId: e.TEAMS_APP_ID,
    botId: e.BOT_ID,
  };
}
