// AGY-7: the xlsx and ods templates open in LibreOffice (soffice --headless --convert-to csv reads the first
// sheet and writes its header row). Skipped cleanly when soffice is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from './agency-import.columns.ts';
import { templateFile } from './agency-import.sheet.ts';

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'agy7-soffice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasSoffice)('AGY-7 templates in LibreOffice', () => {
  it.each(['xlsx', 'ods'] as const)('AGY-7 the %s template opens in LibreOffice with the form’s labels as its header row', { timeout: 120_000 }, (kind) => {
    const src = join(dir, `template-${kind}.${kind}`);
    writeFileSync(src, templateFile(kind));
    const profile = `file://${join(dir, `profile-${kind}`)}`;
    // 76 = UTF-8 for the CSV filter.
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, src], { stdio: 'ignore', timeout: 110_000 });
    const csv = readFileSync(join(dir, `template-${kind}.csv`), 'utf8').replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/)[0]!.split(',')).toEqual(IMPORT_COLUMNS.map((c) => c.label));
  });
});
