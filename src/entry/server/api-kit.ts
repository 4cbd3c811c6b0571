// What every API route file shares (src/entry/server/api*.ts): the dependencies, refusals as HTTP answers, input
// parsed with the contract's schemas, the caller of a request, If-Match, and the read routes' access check. Route
// files register themselves in api.ts's ROUTES; a new group of routes is a new file, not an edit of another's.
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import type { TokenValidator, ValidatedToken } from '../../adapters/auth/validate.ts';
import { callerOf, decide, type Caller, type Permission } from '../../app/access.ts';
import type { ErrorResponse } from '../../app/contract.ts';
import type { RhythmTrigger } from '../../app/rhythm.ts';
import type { Nudger } from '../../app/agenda.ts';
import { badInput, refused, type AppError, type Result } from '../../app/result.ts';
import type { WorkDeps } from '../../app/work/actions.ts';
import type { ReportRenderer } from '../../app/report/port.ts';
import { both } from '../../domain/i18n.ts';

export interface ApiDeps extends WorkDeps {
  validate: TokenValidator;
  /** Local mode (dev): send one meeting's reminder rhythm now. */
  triggerRhythm?: RhythmTrigger;
  /** The bot's nudge sent now (the agenda's one-click reminder); absent: no such route. */
  nudge?: Nudger;
  /** Hands the deliveries due now (a closed meeting's besluitenlijst) to the bot's jobs; absent: the rhythm does. */
  deliverNow?: () => Promise<unknown>;
  /**
   * The monthly report's content (src/app/report/port.ts); absent: a renderer that refuses with a clear "not
   * available" (src/app/report/workflow.ts unavailableRenderer).
   */
  reportRenderer?: ReportRenderer;
  /** The product's own app ids: an app-only token of any other app is a stranger (src/app/access.ts callerOf). */
  appIds?: readonly string[];
}

const STATUS: Record<AppError['code'], number> = {
  bad_input: 400,
  cycle: 400,
  forbidden: 403,
  not_found: 404,
  changed: 409,
  not_possible: 409,
  exists: 409,
  too_large: 413,
  unsupported_media_type: 415,
  version_required: 428,
};

/** A refusal as its HTTP answer; a 409 `changed` carries the action as it is now. */
function sendError(res: Response, e: AppError): void {
  const body: ErrorResponse = { error: e.code, message: both(e.key, e.params) };
  if (e.current) body.action = e.current;
  res.status(STATUS[e.code]).json(body);
}

/** Sends a use case's result: the value with `status`, or its refusal. */
export function send<T>(res: Response, r: Result<T>, status = 200): void {
  if (r.ok) res.status(status).json(r.value);
  else sendError(res, r.error);
}

/** What was wrong with the input, field by field ("status: Invalid option; due: …"). */
const issuesOf = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');

/** `input` parsed with the contract's `schema`, or undefined after answering 400 (with `detail`, if given). */
export function parse<S extends z.ZodType>(
  res: Response,
  schema: S,
  input: unknown,
  detail?: string,
): z.infer<S> | undefined {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  sendError(res, badInput(detail ?? issuesOf(r.error)).error);
  return undefined;
}

export const callerOfRes = (d: ApiDeps, res: Response): Caller =>
  callerOf(d.programme, res.locals['token'] as ValidatedToken, d.appIds);
export const param = (req: Request, name: string) => String(req.params[name]);
/** The version an edit applies to, from If-Match ("…", W/"…" or *); undefined without one (answered 428). */
export const ifMatch = (req: Request) => req.get('if-match')?.replace(/^W\//, '').replace(/"/g, '') || undefined;

/** A read route's access decision (src/app/access.ts): 403 with the reason before the route runs. */
export const mayRead =
  (d: ApiDeps, what: Permission = { do: 'programme.read' }) =>
  (_req: Request, res: Response, next: NextFunction) => {
    const no = refused(decide(d.programme, callerOfRes(d, res), what), what);
    if (no) sendError(res, no.error);
    else next();
  };
