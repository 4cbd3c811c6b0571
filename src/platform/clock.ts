// The real clock, for entry points to inject; the domain only knows the Clock interface.
import type { Clock } from '../domain/time/clock.ts';

export const systemClock: Clock = { now: () => new Date() };
