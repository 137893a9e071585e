import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allResumeLabels, RESUME_LABELS } from '../../platform/pdf/index.ts';
import { pdfPages, pdfText } from '../../platform/pdf/testing/poppler.ts';
import { buildBlankResumeOdt } from './blank-form.odt.ts';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));

describe('blank resume form in LibreOffice', () => {
  // LibreOffice is not a project dependency: this check runs where it is installed (apt: libreoffice-writer-nogui).
  it.skipIf(!SOFFICE)('PUB-6 LibreOffice opens the .odt and prints every label of the form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqr-odt-'));
    try {
      const odt = join(dir, 'blank.odt');
      writeFileSync(odt, await buildBlankResumeOdt());
      const profile = pathToFileURL(join(dir, 'profile')).href;
      await run(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, odt], { timeout: 120_000 });
      const pdf = readFileSync(join(dir, 'blank.pdf'));
      const text = (await pdfText(pdf)).replace(/\s+/g, '');
      expect(text).toContain(RESUME_LABELS.blankTitle);
      for (const label of allResumeLabels()) expect(text).toContain(label.replace(/\s+/g, ''));
      expect(await pdfPages(pdf)).toBeLessThanOrEqual(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
