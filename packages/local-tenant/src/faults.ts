// Fault injection: added latency and a share of 429/503 answers, changeable at runtime. With a seed the
// sequence of decisions is reproducible, so a test can assert on exact counts.
import { randomInt } from 'node:crypto';

export interface FaultConfig {
  /** Added to every Graph and Bot Connector request (and each $batch sub-request), in milliseconds. */
  latencyMs: number;
  /** Share (0–1) of requests answered 429 with Retry-After. */
  share429: number;
  /** Share (0–1) of requests answered 503 with Retry-After. */
  share503: number;
  /** Retry-After (seconds) on injected faults. */
  retryAfterSeconds: number;
  /** The documented throttling limits on or off. */
  throttling: boolean;
  /** Seed for the decisions; undefined: random. */
  seed: number | undefined;
}

const DEFAULT_FAULTS: FaultConfig = {
  latencyMs: 0,
  share429: 0,
  share503: 0,
  retryAfterSeconds: 1,
  throttling: true,
  seed: undefined,
};

export type FaultDecision = { kind: 'none' } | { kind: 'injected429' | 'injected503'; retryAfterSeconds: number };

/** mulberry32: a tiny seeded PRNG; reproducibility is all we need here, not cryptographic quality. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function unseeded(): number {
  return randomInt(0, 2 ** 32) / 2 ** 32;
}

export function validateFaults(input: unknown): Partial<FaultConfig> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new Error('faults must be a JSON object');
  const src = input as Record<string, unknown>;
  const out: Partial<FaultConfig> = {};
  const share = (key: 'share429' | 'share503') => {
    const v = src[key];
    if (v === undefined) return;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`${key} must be a number from 0 to 1`);
    out[key] = v;
  };
  share('share429');
  share('share503');
  for (const key of ['latencyMs', 'retryAfterSeconds'] as const) {
    const v = src[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 600_000)
      throw new Error(`${key} must be a non-negative integer`);
    out[key] = v;
  }
  if (src.throttling !== undefined) {
    if (typeof src.throttling !== 'boolean') throw new Error('throttling must be true or false');
    out.throttling = src.throttling;
  }
  if (src.seed !== undefined) {
    if (src.seed !== null && (typeof src.seed !== 'number' || !Number.isInteger(src.seed)))
      throw new Error('seed must be an integer or null');
    out.seed = src.seed ?? undefined;
  }
  const unknown = Object.keys(src).filter(
    (k) => !['share429', 'share503', 'latencyMs', 'retryAfterSeconds', 'throttling', 'seed'].includes(k),
  );
  if (unknown.length > 0) throw new Error(`unknown fault setting(s): ${unknown.join(', ')}`);
  if ((out.share429 ?? 0) + (out.share503 ?? 0) > 1) throw new Error('share429 + share503 must not exceed 1');
  return out;
}

export class FaultInjector {
  private current: FaultConfig;
  private random: () => number;

  constructor(initial: Partial<FaultConfig> = {}) {
    this.current = { ...DEFAULT_FAULTS, ...initial };
    this.random = this.current.seed === undefined ? unseeded : seeded(this.current.seed);
  }

  config(): FaultConfig {
    return { ...this.current };
  }

  /** Changes some settings; giving a seed restarts the reproducible sequence. */
  set(changes: Partial<FaultConfig>): FaultConfig {
    const next = { ...this.current, ...changes };
    if (next.share429 + next.share503 > 1) throw new Error('share429 + share503 must not exceed 1');
    this.current = next;
    if ('seed' in changes) this.random = next.seed === undefined ? unseeded : seeded(next.seed);
    return this.config();
  }

  decide(): FaultDecision {
    const { share429, share503, retryAfterSeconds } = this.current;
    if (share429 === 0 && share503 === 0) return { kind: 'none' };
    const r = this.random();
    if (r < share429) return { kind: 'injected429', retryAfterSeconds };
    if (r < share429 + share503) return { kind: 'injected503', retryAfterSeconds };
    return { kind: 'none' };
  }
}
