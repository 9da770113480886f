import type { Download, Page } from 'playwright-core';
import type { StoredRecord } from './app-flow';

/** The labels as the app would load them: the scene's snapshot, then the journal lines after it. */
export function storedLabels(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        type Entry = { seq: number; patch: { added: StoredRecord[]; updated: StoredRecord[][]; removed: StoredRecord[] } }; // prettier-ignore
        const open = indexedDB.open('frustum');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['snapshots', 'journal']);
          const snaps = tx.objectStore('snapshots').getAll();
          const lines = tx.objectStore('journal').getAll();
          tx.oncomplete = () => {
            open.result.close();
            const snap = (snaps.result as { seq: number; records: StoredRecord[] }[])[0];
            const live = new Map((snap?.records ?? []).map((r) => [r.id, r]));
            for (const e of lines.result as Entry[]) {
              if (e.seq <= (snap?.seq ?? 0)) continue;
              for (const r of e.patch.removed) live.delete(r.id);
              for (const [, r] of e.patch.updated) live.set(r!.id, r!);
              for (const r of e.patch.added) live.set(r.id, r);
            }
            resolve([...live.values()]);
          };
        };
      }),
  );
}

export const historyNames = (page: Page) => page.getByTestId('history-entry').allTextContents();

/** Chooses a format in the export dialog, exports, and gives back the download. */
export async function exportAs(page: Page, format: string): Promise<Download> {
  await page.getByTestId('export-format').selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-run').click()]);
  await page.getByTestId('export-done').waitFor();
  return download;
}
