// ACS-2: the 調閱履歷 archive — an AES-256 zip (zip.js, WinZip AE-2) that 7-Zip and `7z x -p` open, holding each
// applicant's frozen resume PDF and the attachment sent with the application, under neutral names. The password
// lives only in this call: never stored, never logged.
import { Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import type { Storage } from '../../platform/storage/storage.ts';
import type { ApplicationRow } from '../applications/index.ts';
import { archiveNames } from './access.rules.ts';

export async function buildArchive(storage: Storage, rows: readonly ApplicationRow[], password: string, now: Date): Promise<Uint8Array> {
  const files = await Promise.all(
    rows.map(async (r, i) => {
      const names = archiveNames(i, r.attachmentName);
      const resume = r.resumeFileKey ? await storage.getBuffer(r.resumeFileKey) : null;
      const attachment = r.attachmentKey ? await storage.getBuffer(r.attachmentKey) : null;
      return [resume ? ([names.resume, resume] as const) : null, attachment ? ([names.attachment, attachment] as const) : null];
    }),
  );
  // PDFs and attachments hardly compress: stored (level 0), only encrypted — the archive of 10 × 5 MB stays fast.
  const zip = new ZipWriter(new Uint8ArrayWriter(), { password, encryptionStrength: 3, useWebWorkers: false, level: 0, lastModDate: now });
  for (const entry of files.flat()) {
    if (entry) await zip.add(entry[0], new Uint8ArrayReader(new Uint8Array(entry[1])));
  }
  return zip.close();
}
