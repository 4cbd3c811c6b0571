// The retention settings (docs/privacy.md): defaults, values taken, and bad values refused at start-up with a message.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('retention settings', () => {
  it('default to 365 days of updates, 30 of removed conversations, 90 of messages and of the journal', () => {
    expect(loadConfig({}, '/tmp').retention).toEqual({
      updatesDays: 365,
      conversationsDays: 30,
      deliveriesDays: 90,
      journalDays: 90,
    });
  });

  it('takes whole days, and 0 to keep', () => {
    const c = loadConfig(
      {
        RETENTION_UPDATES_DAYS: '0',
        RETENTION_CONVERSATIONS_DAYS: '7',
        RETENTION_DELIVERIES_DAYS: '2',
        RETENTION_JOURNAL_DAYS: '400',
      },
      '/tmp',
    );
    expect(c.retention).toEqual({ updatesDays: 0, conversationsDays: 7, deliveriesDays: 2, journalDays: 400 });
  });

  it.each([
    ['RETENTION_UPDATES_DAYS', '-1'],
    ['RETENTION_CONVERSATIONS_DAYS', 'dertig'],
    ['RETENTION_JOURNAL_DAYS', '1.5'],
    ['RETENTION_DELIVERIES_DAYS', '1'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value }, '/tmp')).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, '/tmp')).toThrow(name);
  });
});
