// "Download CSV" and "Copy as Markdown" for a view. The CSV is a Blob downloaded through a temporary link; the
// Markdown goes to the clipboard, and where the frame may not write to it, into a text box to copy by hand.
import Button from '@atlaskit/button/default/button';
import { useEffect, useRef, useState } from 'react';

function download(fileName: string, text: string): void {
  // A BOM lets spreadsheet apps read the UTF-8 names correctly.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // The host frame may not grant clipboard-write; try the older way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

export function ExportActions({
  fileName,
  csv,
  markdown,
  subject,
}: {
  fileName: string;
  /** Built on click, so the export is always what the page shows at that moment. */
  csv: () => string;
  markdown: () => string;
  /** "bandwidth breakdown", "acceptance review": names the group of buttons for screen readers. */
  subject: string;
}) {
  const [status, setStatus] = useState<string>('');
  const [manual, setManual] = useState<string | null>(null);
  const manualRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (manual !== null) manualRef.current?.select();
  }, [manual]);

  return (
    <div>
      <div className="jv-actions" role="group" aria-label={`Export the ${subject}`}>
        <Button
          testId="download-csv"
          onClick={() => {
            download(fileName, csv());
            setStatus(`Downloaded ${fileName}.`);
          }}
        >
          Download CSV
        </Button>
        <Button
          testId="copy-markdown"
          onClick={() => {
            const text = markdown();
            void copyText(text).then((copied) => {
              setManual(copied ? null : text);
              setStatus(copied ? 'Markdown table copied.' : 'Copy the Markdown table from the box below.');
            });
          }}
        >
          Copy as Markdown
        </Button>
        <span role="status" aria-live="polite" className="jv-note">
          {status}
        </span>
      </div>
      {manual === null ? null : (
        <label className="jv-field" style={{ marginTop: 8 }}>
          Markdown table (select and copy)
          <textarea
            ref={manualRef}
            readOnly
            value={manual}
            rows={8}
            style={{ width: '100%', fontFamily: 'monospace' }}
          />
        </label>
      )}
    </div>
  );
}
