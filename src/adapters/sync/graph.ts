// The sync's port to the tenants (SyncGraph, declared by the use case in src/app/sync.ts): reading what exists
// (read.ts) and executing planned changes (apply.ts) through the Graph gateway.
import type { SyncGraph } from '../../app/sync.ts';
import type { GraphGateway } from '../graph/gateway.ts';
import { applyChanges } from './apply.ts';
import { readActual } from './read.ts';

/** `pollDelayMs`: wait between polls of an async operation (team, shared channel); default 1000 ms (apply.ts). */
export function graphSync(gateway: GraphGateway, options: { pollDelayMs?: number } = {}): SyncGraph {
  return {
    readActual: (desired, known) => readActual(gateway, desired, known),
    applyChanges: (desired, actual, changes, o) =>
      applyChanges(gateway, desired, actual, changes, {
        ...o,
        ...(options.pollDelayMs !== undefined ? { pollDelayMs: options.pollDelayMs } : {}),
      }),
    resetMetrics: () => gateway.resetMetrics(),
    metrics: () => gateway.metrics(),
  };
}
