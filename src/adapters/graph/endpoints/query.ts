// Query strings for OData system options, encoded once here so endpoint functions stay one-liners.

export interface ODataQuery {
  select?: string[];
  filter?: string;
  top?: number;
  expand?: string;
  orderby?: string;
}

export function withQuery(path: string, q: ODataQuery | undefined, extra: Record<string, string> = {}): string {
  const parts: string[] = [];
  if (q?.select?.length) parts.push(`$select=${q.select.map(encodeURIComponent).join(',')}`);
  if (q?.filter) parts.push(`$filter=${encodeURIComponent(q.filter)}`);
  if (q?.top !== undefined) parts.push(`$top=${q.top}`);
  if (q?.expand) parts.push(`$expand=${encodeURIComponent(q.expand)}`);
  if (q?.orderby) parts.push(`$orderby=${encodeURIComponent(q.orderby)}`);
  for (const [k, v] of Object.entries(extra)) parts.push(`${k}=${encodeURIComponent(v)}`);
  return parts.length > 0 ? `${path}?${parts.join('&')}` : path;
}

/** A path segment from an id or UPN. */
export const seg = (id: string): string => encodeURIComponent(id);

/** An OData string literal (single quotes doubled). */
export const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;
