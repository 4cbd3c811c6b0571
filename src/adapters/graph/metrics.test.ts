// What the apply summary's request line adds up: requests count a $batch once, the per-method figures count the
// batch's POST and every sub-request in it (the line says "deelverzoeken meegeteld").
import { describe, expect, it } from 'vitest';
import { t } from '../../domain/i18n.ts';
import { MetricsRecorder } from './metrics.ts';

describe('Graph metrics', () => {
  it('counts a batch once as a request and its sub-requests per method, so methods add up to requests + sub-requests', () => {
    const rec = new MetricsRecorder();
    const at = { status: 200, bytesSent: 10, bytesReceived: 10, startedMs: 0, endedMs: 5 };
    rec.request({ method: 'GET', resource: 'teams', ...at });
    rec.request({ method: 'POST', resource: '$batch', ...at });
    rec.batch();
    for (let i = 0; i < 3; i++) rec.subResponse({ method: 'POST', resource: 'channels', status: 201 });
    const m = rec.snapshot(0);
    expect(m.requests).toBe(2);
    expect(m.subRequests).toBe(3);
    expect(Object.values(m.byMethod).reduce((a, b) => a + b, 0)).toBe(m.requests + m.subRequests);
    const line = t(
      'sync.apply.requests',
      { requests: m.requests, methods: 'GET 1, POST 4', batches: 1, sub: 3, retries: 0, throttled: 0 },
      'nl',
    );
    expect(line).toBe(
      'Graph-verzoeken: 2; 1 batch met 3 deelverzoeken; per methode, deelverzoeken meegeteld: GET 1, POST 4; 0 herhaald; 0× 429',
    );
  });
});
