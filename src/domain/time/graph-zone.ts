// The time-zone name Graph is sent for an IANA zone of the programme file: Graph's dateTimeTimeZone and
// recurrenceTimeZone take Windows zone names plus a short documented list of IANA names, which lacks
// Europe/Amsterdam (docs/platform.md#input-limits). The mapping is CLDR's windowsZones table (windows-iana).
import { findIana, findWindows } from 'windows-iana';

/**
 * The Windows zone name for an IANA zone (`Europe/Amsterdam` → `W. Europe Standard Time`), or undefined when
 * CLDR maps the zone to none (validate refuses such a zone, see ../programme/limits.ts).
 */
export const windowsZone = (iana: string): string | undefined => {
  if (iana === 'UTC' || iana === 'Etc/UTC') return 'UTC';
  return findWindows(iana)[0];
};

/**
 * The IANA zone of a zone name as Graph answers it (a Windows name, or an IANA name it passes through), for date
 * arithmetic; undefined for a name neither CLDR nor IANA knows.
 */
export const ianaZone = (name: string): string | undefined => {
  if (name === 'UTC') return 'UTC';
  const fromWindows = findIana(name)[0];
  if (fromWindows) return fromWindows;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return undefined;
  }
};
