// AGY-7: the xlsx and ods templates open in LibreOffice (soffice --headless --convert-to csv reads the first
// sheet and writes its header row). Skipped cleanly when soffice is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../platform/tw/roc-date.ts';
import { IMPORT_COLUMNS } from './agency-import.columns.ts';
import { MAX_IMPORT_ROWS, validateImport } from './agency-import.rules.ts';
import { readSheet, templateFile } from './agency-import.sheet.ts';
import { fillTemplate, validRow } from './agency-import.test-support.ts';

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

  it.each([['xlsx', 'ods'], ['ods', 'xlsx']] as const)('AGY-7 a filled %s template saved by LibreOffice as %s imports with its date cells', { timeout: 120_000 }, (from, to) => {
    const today = '2026-12-03';
    const src = join(dir, `filled-${from}.${from}`);
    writeFileSync(src, fillTemplate(templateFile(from), from, [validRow(today, 1, { validFrom: new Date(`${today}T00:00:00Z`), validTo: new Date(`${addDays(today, 30)}T00:00:00Z`) }), validRow(today, 2)]));
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, `profile-re-${from}`)}`, '--headless', '--convert-to', to, '--outdir', dir, src], { stdio: 'ignore', timeout: 110_000 });
    const sheet = readSheet(readFileSync(join(dir, `filled-${from}.${to}`)), to, MAX_IMPORT_ROWS);
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    const v = validateImport(sheet.header, sheet.rows, today);
    expect(v.ok, JSON.stringify(v).slice(0, 500)).toBe(true);
    if (v.ok) expect([v.rows[0]!.form.validFrom, v.rows[0]!.form.validTo, v.rows.length]).toEqual([today, addDays(today, 30), 2]);
  });
});
