// One button that downloads what a view shows as an Excel file; a failure is said, never swallowed.
import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { useTab } from '../data.tsx';
import { downloadSheet, type Sheet } from '../export.ts';
import { tr } from '../i18n.ts';

/** `sheet()` is built on click (from the rows as shown); the file is `<fileName>.xlsx`. */
export function ExportButton({ sheet, fileName }: { sheet: () => Sheet; fileName: string }) {
  const { lang } = useTab();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadSheet(sheet(), `${fileName}.xlsx`);
    } catch (err) {
      setError(tr(lang, 'export.failed', { detail: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => void run()} disabled={busy}>
        {tr(lang, 'export.xlsx')}
      </Button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
