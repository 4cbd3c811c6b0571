// What waits on what: werkgroepen on werkgroepen, phases and besluiten (programme dependencies), actions on actions
// and on decisions. Gives the open chains of waits, longest wait first, and refuses waits that would go round in a
// cycle. A phase dependency is met once the phase has ended (today after its end date); a besluit dependency once
// the decision is taken (stopsBlocking).
import type { Programme, WaitsOn } from '../programme/schema.ts';
import {
  assertDate,
  daysWaited,
  stopsBlocking,
  isOpenAction,
  WorkCycleError,
  WorkError,
  type Action,
  type BlockRef,
  type Decision,
} from './model.ts';

type WaitKind = 'werkgroep' | 'action' | 'decision' | 'phase';

interface WaitNode {
  kind: WaitKind;
  id: string;
  /** YYYY-MM-DD this node started waiting (actions: blockedSince ?? createdOn); werkgroepen have none. A phase's id
   * is its number as text. */
  since?: string;
  /** A blocker referenced by id that is not in the data; kept so the wait stays visible. */
  missing?: boolean;
}

interface WaitGraph {
  nodes: Map<string, WaitNode>;
  /** Node key → keys of the nodes it waits on. */
  waitsOn: Map<string, string[]>;
}

const key = (kind: WaitKind, id: string) => `${kind}:${id}`;

/**
 * The wait-for graph. By default only live waits: open actions (not deleted, not gereed) waiting on open actions
 * or undecided decisions; `includeResolved` keeps waits on finished items too (for cycle checks on edits).
 * Decision.blocks and Action.blockedBy are merged, so either side may record the link.
 */
/** The programme's part the wait graph reads: its dependencies and (for phase dependencies) its phases. */
type DependencySource = Pick<Programme, 'dependencies'> & { phases?: Programme['phases'] };

/**
 * Whether a programme dependency is met on `today` (YYYY-MM-DD, local): a werkgroep never is by itself (the wait
 * lasts as long as the file says so); a phase when `today` is after its end; a besluit when it is taken
 * (stopsBlocking). An unknown phase or decision is not met.
 */
export function dependencyMet(
  w: WaitsOn,
  phases: Programme['phases'],
  decisions: readonly Decision[],
  today: string,
): boolean {
  if (typeof w === 'string') return false;
  if ('besluit' in w) {
    const decision = decisions.find((d) => d.id === w.besluit);
    return decision !== undefined && stopsBlocking(decision);
  }
  const phase = phases.find((p) => p.number === w.phase);
  return phase !== undefined && phase.end < today;
}

function waitGraph(
  programme: DependencySource,
  actions: readonly Action[],
  decisions: readonly Decision[],
  options: { includeResolved?: boolean; today?: string } = {},
): WaitGraph {
  const live = (a: Action) => (options.includeResolved ? !a.deleted : isOpenAction(a));
  const actionById = new Map(actions.filter((a) => !a.deleted).map((a) => [a.id, a]));
  const decisionById = new Map(decisions.map((d) => [d.id, d]));
  const nodes = new Map<string, WaitNode>();
  const waitsOn = new Map<string, string[]>();
  const edge = (from: WaitNode, to: WaitNode) => {
    const fromKey = key(from.kind, from.id);
    const toKey = key(to.kind, to.id);
    if (!nodes.has(fromKey)) nodes.set(fromKey, from);
    if (!nodes.has(toKey)) nodes.set(toKey, to);
    const list = waitsOn.get(fromKey) ?? [];
    if (!list.includes(toKey)) list.push(toKey);
    waitsOn.set(fromKey, list);
  };
  const actionNode = (a: Action): WaitNode => {
    const since = a.blockedSince ?? a.createdOn;
    return since === undefined ? { kind: 'action', id: a.id } : { kind: 'action', id: a.id, since };
  };
  const blockerNode = (ref: BlockRef): WaitNode | undefined => {
    if (ref.kind === 'action') {
      const blocker = actionById.get(ref.id);
      if (!blocker) return { kind: 'action', id: ref.id, missing: true };
      return live(blocker) ? actionNode(blocker) : undefined;
    }
    const decision = decisionById.get(ref.id);
    if (!decision) return { kind: 'decision', id: ref.id, missing: true };
    return options.includeResolved || !stopsBlocking(decision) ? { kind: 'decision', id: ref.id } : undefined;
  };

  const dependencyNode = (w: WaitsOn): WaitNode | undefined => {
    if (typeof w === 'string') return { kind: 'werkgroep', id: w };
    if ('besluit' in w) return blockerNode({ kind: 'decision', id: w.besluit });
    const phase = programme.phases?.find((p) => p.number === w.phase);
    if (!phase) return { kind: 'phase', id: String(w.phase), missing: true };
    const ended = options.today !== undefined && phase.end < options.today;
    return ended && !options.includeResolved ? undefined : { kind: 'phase', id: String(w.phase) };
  };
  for (const dep of programme.dependencies) {
    for (const other of dep.waitsOn) {
      const to = dependencyNode(other);
      if (to) edge({ kind: 'werkgroep', id: dep.werkgroep }, to);
    }
  }
  for (const action of actionById.values()) {
    if (!live(action)) continue;
    for (const ref of action.blockedBy) {
      const blocker = blockerNode(ref);
      if (blocker) edge(actionNode(action), blocker);
    }
  }
  for (const decision of decisions) {
    if (!options.includeResolved && stopsBlocking(decision)) continue;
    for (const actionId of decision.blocks) {
      const action = actionById.get(actionId);
      if (action && live(action)) edge(actionNode(action), { kind: 'decision', id: decision.id });
    }
  }
  return { nodes, waitsOn };
}

/**
 * What each open action waits on right now: open actions and undecided decisions, recorded on either side
 * (Action.blockedBy or Decision.blocks). Actions that wait on nothing are absent. A blocker that is gone from the
 * data still counts (the wait stays visible until someone removes it).
 */
export function liveBlockers(actions: readonly Action[], decisions: readonly Decision[]): Map<string, BlockRef[]> {
  const graph = waitGraph({ dependencies: [] }, actions, decisions);
  const out = new Map<string, BlockRef[]>();
  for (const [from, targets] of graph.waitsOn) {
    const node = graph.nodes.get(from);
    if (node?.kind !== 'action') continue;
    const refs = targets
      .map((k) => graph.nodes.get(k))
      .filter((n): n is WaitNode => n !== undefined && (n.kind === 'action' || n.kind === 'decision'))
      .map((n) => ({ kind: n.kind as BlockRef['kind'], id: n.id }));
    if (refs.length > 0) out.set(node.id, refs);
  }
  return out;
}

/** Throws WorkCycleError (key work.cycle) naming the first cycle found, e.g. "a1 → a2 → a1". */
function checkAcyclic(graph: WaitGraph): void {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (node: string) => {
    const at = onPath.indexOf(node);
    if (at >= 0) {
      const cycle = [...onPath.slice(at), node].map((k) => graph.nodes.get(k)?.id ?? k);
      throw new WorkCycleError(cycle);
    }
    if (done.has(node)) return;
    onPath.push(node);
    for (const next of graph.waitsOn.get(node) ?? []) visit(next);
    onPath.pop();
    done.add(node);
  };
  for (const node of [...graph.waitsOn.keys()].sort()) visit(node);
}

/**
 * Returns the actions with `blocker` added to action `actionId` (unchanged if already there). Sets blockedSince
 * to `today` when the action had no blockers yet. Refuses an unknown action and any cycle (work.cycle).
 */
export function addBlock(actions: readonly Action[], actionId: string, blocker: BlockRef, today: string): Action[] {
  const target = actions.find((a) => a.id === actionId && !a.deleted);
  if (!target) throw new WorkError('work.action.unknown', { id: actionId });
  if (blocker.kind === 'action' && !actions.some((a) => a.id === blocker.id && !a.deleted)) {
    throw new WorkError('work.action.unknown', { id: blocker.id });
  }
  if (target.blockedBy.some((b) => b.kind === blocker.kind && b.id === blocker.id)) return [...actions];
  assertDate(today, 'today');
  const updated: Action = {
    ...target,
    blockedBy: [...target.blockedBy, { ...blocker }],
    ...(target.blockedBy.length === 0 && target.blockedSince === undefined ? { blockedSince: today } : {}),
  };
  const next = actions.map((a) => (a === target ? updated : a));
  checkAcyclic(waitGraph({ dependencies: [] }, next, [], { includeResolved: true }));
  return next;
}

interface ChainItem extends WaitNode {
  /** Days this item has waited until today; only for items that wait and know since when. */
  waitDays?: number;
}

export interface BlockedChain {
  /** From the item nobody waits on, through what it waits on, to the root blocker that waits on nothing. */
  items: ChainItem[];
  /** The longest wait among the chain's waiting items; undefined when none has a start date (e.g. werkgroepen). */
  oldestWaitDays?: number;
}

/**
 * Every chain of open waits (each path from a blocked item nothing waits on, to a blocker that waits on nothing),
 * sorted by the oldest wait first; chains without a known start come last. Refuses cyclic data (work.cycle).
 */
export function blockedChains(
  programme: DependencySource,
  actions: readonly Action[],
  decisions: readonly Decision[],
  today: string,
): BlockedChain[] {
  assertDate(today, 'today');
  const graph = waitGraph(programme, actions, decisions, { today });
  checkAcyclic(graph);
  const waitedOn = new Set([...graph.waitsOn.values()].flat());
  const heads = [...graph.waitsOn.keys()].filter((k) => !waitedOn.has(k));
  const item = (k: string): ChainItem => {
    const node = graph.nodes.get(k)!;
    const waits = (graph.waitsOn.get(k)?.length ?? 0) > 0;
    return waits && node.since !== undefined ? { ...node, waitDays: daysWaited(node.since, today) } : { ...node };
  };
  const chains: BlockedChain[] = [];
  const walk = (path: string[]) => {
    const next = graph.waitsOn.get(path[path.length - 1]!) ?? [];
    if (next.length === 0) {
      const items = path.map(item);
      const waits = items.flatMap((i) => (i.waitDays === undefined ? [] : [i.waitDays]));
      chains.push(waits.length > 0 ? { items, oldestWaitDays: Math.max(...waits) } : { items });
      return;
    }
    for (const n of next) walk([...path, n]);
  };
  for (const head of heads) walk([head]);
  const label = (c: BlockedChain) => c.items.map((i) => key(i.kind, i.id)).join('>');
  return chains.sort((a, b) => (b.oldestWaitDays ?? -1) - (a.oldestWaitDays ?? -1) || label(a).localeCompare(label(b)));
}
