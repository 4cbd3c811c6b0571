// `regiekamer besluiten --voorstel …` and friends (issue 18 §1): decisions entered through the running server's API,
// as the product itself (the app token; the history records 'app'). Every change reads the decision's version
// first and sends it in If-Match, so a change made meanwhile is refused (409), not overwritten. The values are sent
// as typed: the server validates them and answers bad input with a 4xx in Dutch and English (exit 2).
import type { DecisionsResponse, DecisionView, ProposalInput, ProposalPatch } from '../../../app/contract.ts';
import { both, t, type Lang } from '../../../domain/i18n.ts';
import type { Config } from '../../../platform/config.ts';
import { EXIT, writeLine, type CliIo } from '../io.ts';
import { callApi, type Answer } from './acties.ts';

export interface BesluitFlags {
  voorstel?: string;
  tekst?: string;
  werkgroep?: string;
  niveau?: string;
  blokkeert?: string;
  update?: string;
  wijzig?: string;
  titel?: string;
  verplaats?: string;
  sluit?: string;
  uitkomst?: string;
  intrekken?: string;
  ongedaan?: string;
  json?: boolean;
}

/** Whether the flags ask for a change (else `besluiten` lists the log). */
export const changesDecision = (f: BesluitFlags): boolean =>
  [f.voorstel, f.wijzig, f.verplaats, f.sluit, f.intrekken, f.ongedaan].some((x) => x !== undefined);

const ids = (list: string | undefined) =>
  list === undefined
    ? undefined
    : list
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');

/** Calls `POST|PATCH /besluiten/<id><suffix>` on the version read just before; 404 when there is no such decision. */
async function onVersion(
  io: CliIo,
  config: Config,
  lang: Lang,
  id: string,
  method: string,
  suffix: string,
  body?: unknown,
): Promise<Answer<DecisionView> | undefined> {
  const log = await callApi<DecisionsResponse>(io, config, lang, 'GET', '/besluiten');
  if (!log?.ok) return log;
  const read = log.body.decisions.find((x) => x.id === id);
  if (!read) return { ok: false, status: 404, body: { message: both('api.decisionNotFound', { id }) } };
  return callApi<DecisionView>(io, config, lang, method, `/besluiten/${encodeURIComponent(id)}${suffix}`, body, {
    'If-Match': `"${read.version}"`,
  });
}

/** The one change the flags ask for, as the API answers it. */
function send(io: CliIo, config: Config, f: BesluitFlags, lang: Lang): Promise<Answer<DecisionView> | undefined> {
  if (f.voorstel !== undefined) {
    const input: Partial<Record<keyof ProposalInput, unknown>> = {
      title: f.voorstel,
      proposal: f.tekst,
      werkgroep: f.werkgroep,
      level: f.niveau,
    };
    if (f.blokkeert !== undefined) input.blocks = ids(f.blokkeert);
    if (f.update !== undefined) input.fromUpdate = f.update;
    return callApi<DecisionView>(io, config, lang, 'POST', '/besluiten', input);
  }
  if (f.wijzig !== undefined) {
    const patch: Partial<Record<keyof ProposalPatch, unknown>> = {};
    if (f.titel !== undefined) patch.title = f.titel;
    if (f.tekst !== undefined) patch.proposal = f.tekst;
    if (f.blokkeert !== undefined) patch.blocks = ids(f.blokkeert);
    return onVersion(io, config, lang, f.wijzig, 'PATCH', '', patch);
  }
  if (f.verplaats !== undefined)
    return onVersion(io, config, lang, f.verplaats, 'POST', '/verplaatsen', { level: f.niveau });
  // No default outcome: without --uitkomst the body names none and the API refuses it (400).
  if (f.sluit !== undefined) return onVersion(io, config, lang, f.sluit, 'POST', '/uitkomst', { outcome: f.uitkomst });
  if (f.intrekken !== undefined) return onVersion(io, config, lang, f.intrekken, 'POST', '/intrekken');
  return onVersion(io, config, lang, f.ongedaan ?? '', 'POST', '/ongedaan');
}

/** Where a decision stands, in a few words. */
function whereOf(x: DecisionView, lang: Lang): string {
  if (x.outcome) return `${x.outcome.kind} (${x.outcome.on})`;
  if (x.withdrawn) return t('cli.besluiten.withdrawn', { on: x.withdrawn.on }, lang);
  return t('cli.besluiten.open', { level: x.steps.at(-1)?.level ?? '-' }, lang);
}

/**
 * `regiekamer besluiten` with --voorstel, --wijzig, --verplaats, --sluit, --intrekken or --ongedaan: one change.
 * Exit 0 done; 2 bad input or unknown decision (400, 404); 1 otherwise (refused, changed meanwhile, no server).
 */
export async function besluitChangeCommand(io: CliIo, config: Config, f: BesluitFlags, lang: Lang): Promise<number> {
  const r = await send(io, config, f, lang);
  if (!r) return EXIT.failure;
  if (!r.ok) {
    writeLine(io.stderr, r.body.message ?? `HTTP ${r.status}`);
    return r.status === 400 || r.status === 404 ? EXIT.invalid : EXIT.failure;
  }
  if (f.json) writeLine(io.stdout, JSON.stringify(r.body, null, 2));
  else
    writeLine(
      io.stdout,
      t('cli.besluiten.saved', { id: r.body.id, title: r.body.title, where: whereOf(r.body, lang) }, lang),
    );
  return EXIT.ok;
}
