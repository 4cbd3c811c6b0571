// Export of what a view shows to Excel (.xlsx), with exceljs: loaded only when someone exports (a dynamic import,
// so the tab's first load does not carry it). The sheets are built by pure functions from the rows as shown —
// filtered, searched and sorted — so what is downloaded is what was on screen, every page of it.
import type { ActionView, DecisionView } from '../../app/contract.ts';
import type { FourK } from '../../domain/vocabulary.ts';
import { kLabel, tr, type Lang, type MessageKey } from './i18n.ts';

/** A cell: text, a number, or a local date (YYYY-MM-DD, written as an Excel date). */
type Cell = string | number | { date: string } | null;

/** One sheet: a name (≤ 31 characters, Excel's limit), column headers and rows of cells. */
export interface Sheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

const STATUS: Record<ActionView['status'], MessageKey> = {
  open: 'astatus.open',
  loopt: 'astatus.loopt',
  wacht: 'astatus.wacht',
  gereed: 'astatus.gereed',
};

/** The actions as shown, one row each: title, werkgroep, owners, due, status, K's, what it waits on, notes. */
export function actionsSheet(actions: ActionView[], lang: Lang): Sheet {
  return {
    name: tr(lang, 'nav.acties').slice(0, 31),
    columns: [
      { header: tr(lang, 'acties.col.title'), width: 48 },
      { header: tr(lang, 'acties.col.werkgroep'), width: 24 },
      { header: tr(lang, 'acties.col.owners'), width: 28 },
      { header: tr(lang, 'acties.col.due'), width: 12 },
      { header: tr(lang, 'acties.col.status'), width: 18 },
      { header: tr(lang, 'export.col.ks'), width: 24 },
      { header: tr(lang, 'export.col.waitsOn'), width: 32 },
      { header: tr(lang, 'export.col.notes'), width: 48 },
    ],
    rows: actions.map((a) => [
      a.title,
      a.werkgroepName,
      a.owners.map((o) => o.name).join(', '),
      a.due ? { date: a.due } : null,
      tr(lang, STATUS[a.status]),
      (a.ks as FourK[]).map((k) => kLabel(lang, k)).join(', '),
      a.blockedBy.map((b) => b.name).join(', '),
      a.notes,
    ]),
  };
}

/** The decisions, one row each: id, title, werkgroep, level now, outcome, the days at each level and in all. */
export function decisionsSheet(decisions: DecisionView[], lang: Lang): Sheet {
  const levels = [...new Set(decisions.flatMap((d) => d.route))];
  return {
    name: tr(lang, 'nav.besluiten').slice(0, 31),
    columns: [
      { header: tr(lang, 'export.col.id'), width: 14 },
      { header: tr(lang, 'export.col.title'), width: 48 },
      { header: tr(lang, 'acties.col.werkgroep'), width: 24 },
      { header: tr(lang, 'export.col.level'), width: 16 },
      { header: tr(lang, 'besluiten.outcome'), width: 14 },
      { header: tr(lang, 'export.col.outcomeOn'), width: 12 },
      ...levels.map((l) => ({ header: tr(lang, 'export.col.daysAt', { level: l }), width: 14 })),
      { header: tr(lang, 'export.col.totalDays'), width: 12 },
    ],
    rows: decisions.map((d) => [
      d.id,
      d.title,
      d.werkgroepName,
      d.steps.at(-1)?.level ?? null,
      d.outcome ? tr(lang, `outcome.${d.outcome.kind}`) : null,
      d.outcome ? { date: d.outcome.on } : null,
      ...levels.map((l) => d.leadTimes.levels.find((x) => x.level === l)?.days ?? null),
      d.leadTimes.totalDays,
    ]),
  };
}

/**
 * The sheet as .xlsx bytes (Office Open XML), bold frozen header row, dates as Excel dates shown d-m-yyyy.
 * Throws only if exceljs fails to write.
 */
export async function workbookBytes(sheet: Sheet): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Regiekamer';
  const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of sheet.rows) {
    const added = ws.addRow(
      row.map((c) => (c !== null && typeof c === 'object' ? new Date(`${c.date}T00:00:00Z`) : c)),
    );
    row.forEach((c, i) => {
      if (c !== null && typeof c === 'object') added.getCell(i + 1).numFmt = 'd-m-yyyy';
    });
  }
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** Downloads `sheet` as `<name>.xlsx` in the browser (an object URL on a temporary link). */
export async function downloadSheet(sheet: Sheet, fileName: string): Promise<void> {
  const bytes = await workbookBytes(sheet);
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
