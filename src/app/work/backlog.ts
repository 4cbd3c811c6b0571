// Use cases on a werkgroep's backlog (the topics of its vakgebied, Bijlage 1): the topics with the werkgroep's
// priority and the action made from each; a topic prioritised, or turned into an action (which then goes to
// Planner). Changes are for the werkgroep's members and projectleiders (work.change).
import type { StoredAction } from '../../adapters/store/action-records.ts';
import { normalise } from '../../domain/planner/merge.ts';
import type { Werkgroep } from '../../domain/programme/schema.ts';
import { decide, type Caller } from '../access.ts';
import type {
  BacklogResponse,
  PriorityInput,
  PriorityResponse,
  TopicActionInput,
  TopicActionResponse,
} from '../contract.ts';
import { badInput, fail, ok, refused, type AppDeps, type Result } from '../result.ts';
import { actionContext, actionView, type WorkDeps } from './actions.ts';

const werkgroepOf = (d: AppDeps, id: string) =>
  d.programme.bodies.find((b): b is Werkgroep => b.kind === 'werkgroep' && b.id === id);
const topicsOf = (d: AppDeps, w: Werkgroep) =>
  d.programme.backlog.filter((b) => b.vakgebied === w.vakgebied).flatMap((b) => b.topics);
const madeFrom = (actions: StoredAction[], topicId: string) =>
  actions.find((a) => a.origin?.kind === 'backlog' && a.origin.ref === topicId);

/** The werkgroep's topics, by priority (1 first, unprioritised last). Error: bad_input for an unknown werkgroep. */
export async function backlog(d: AppDeps, werkgroep: string): Promise<Result<BacklogResponse>> {
  const w = werkgroepOf(d, werkgroep);
  if (!w) return badInput('werkgroep');
  const pid = d.programme.programme.id;
  const priorities = await d.store.backlog.priorities(pid, w.id);
  const actions = await d.store.actions.list(pid, { werkgroep: w.id });
  const topics = topicsOf(d, w)
    .map((t) => ({
      id: t.id,
      title: t.title,
      priority: priorities.get(t.id) ?? null,
      action: madeFrom(actions, t.id)?.id ?? null,
    }))
    .sort((a, b) => (a.priority ?? 99) - (b.priority ?? 99));
  return ok({ werkgroep: w.id, topics });
}

/** The werkgroep and topic named, checked for existence and for the caller's right to change the werkgroep's work. */
function topicFor(d: AppDeps, caller: Caller, werkgroep: string, topicId: string) {
  const w = werkgroepOf(d, werkgroep);
  const topic = w ? topicsOf(d, w).find((t) => t.id === topicId) : undefined;
  if (!w || !topic) return badInput('werkgroep/topic');
  const what = { do: 'work.change', werkgroep: w.id } as const;
  return refused(decide(d.programme, caller, what), what, w.name) ?? ok({ w, topic });
}

/** Sets a topic's priority (1–99) for the werkgroep. Errors: bad_input, forbidden. */
export async function prioritise(
  d: AppDeps,
  caller: Caller,
  topicId: string,
  input: PriorityInput,
): Promise<Result<PriorityResponse>> {
  const found = topicFor(d, caller, input.werkgroep, topicId);
  if (!found.ok) return found;
  const { w, topic } = found.value;
  await d.store.backlog.setPriority(d.programme.programme.id, w.id, topic.id, input.priority, d.clock.now());
  return ok({ werkgroep: w.id, topic: topic.id, priority: input.priority });
}

/**
 * Makes an action of a topic (id bl-<werkgroep>-<topic>, owners default to the trekker), once per topic.
 * Errors: bad_input (unknown werkgroep, topic or owner), forbidden, exists (the topic has an action).
 */
export async function actionFromTopic(
  d: WorkDeps,
  caller: Caller,
  topicId: string,
  input: TopicActionInput,
): Promise<Result<TopicActionResponse>> {
  const unknown = (input.owners ?? []).filter((id) => !d.programme.people.some((p) => p.id === id));
  if (unknown.length > 0) return badInput(`owners: unknown person ${unknown.join(', ')}`);
  const found = topicFor(d, caller, input.werkgroep, topicId);
  if (!found.ok) return found;
  const { w, topic } = found.value;
  const pid = d.programme.programme.id;
  const existing = madeFrom(await d.store.actions.list(pid, { werkgroep: w.id }), topic.id);
  if (existing) return fail('exists', 'api.topicHasAction', { topic: topic.title, id: existing.id });
  const fields = normalise({
    title: topic.title,
    due: input.due ?? null,
    status: 'open',
    ks: [],
    owners: input.owners ?? [w.trekker],
    notes: '',
  });
  const action: StoredAction = {
    id: `bl-${w.id}-${topic.id}`,
    werkgroep: w.id,
    fields,
    base: null,
    blockedBy: [],
    origin: { kind: 'backlog', ref: topic.id },
    createdOn: d.today(),
    deleted: false,
    taskId: null,
    taskEtag: null,
    detailsEtag: null,
  };
  await d.store.actions.save(pid, action, d.clock.now());
  d.changed();
  return ok(actionView(d, action, await actionContext(d)));
}
