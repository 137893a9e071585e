// ADR 0003 module boundaries: platform imports no module; a module imports another only through its index.ts.
// The ESLint rule (eslint.config.js, no-restricted-imports) is run through ESLint's Node API on snippets placed
// at paths inside src/platform and inside modules; the module list is compared with the module folders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports findings for `code` as if it were the file at `path` (relative to the repository). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** `grep -rn needle src/platform`: the lines that contain it, as file:line: text. */
function grepPlatform(needle: string): string[] {
  return filesUnder(join(root, 'src/platform')).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (line.includes(needle) ? [`${relative(root, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('ADR 0003 module boundaries', () => {
  it('ADR 0003 platform code that imports a module is an ESLint error', async () => {
    const errors = await boundaryErrors('src/platform/jobs/example.ts', "import { ecpaModule } from '../../modules/ecpa/index.ts';\nexport const m = ecpaModule;\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Platform knows no module');
    expect(await boundaryErrors('src/platform/http/example.ts', "export { hrdbModule } from '../../modules/hrdb/index.ts';\n")).toHaveLength(1);
  });

  it('ADR 0003 platform code that imports the composition root (src/container.ts) is an ESLint error, even for a type', async () => {
    const typeOnly = await boundaryErrors('src/platform/http/example.ts', "import type { Services } from '../../container.ts';\nexport type S = Services;\n");
    expect(typeOnly).toHaveLength(1);
    expect(typeOnly[0]).toContain('PlatformServices');
    expect(await boundaryErrors('src/platform/example.ts', "import { createServices } from '../container.ts';\nexport const c = createServices;\n")).toHaveLength(1);
    expect(await boundaryErrors('src/platform/captcha/example.test.ts', "import { createServices } from '../../container';\nexport const c = createServices;\n")).toHaveLength(1);
    // The platform's own view of the ports is allowed.
    expect(await boundaryErrors('src/platform/http/example.ts', "import type { PlatformServices } from '../services.ts';\nexport type S = PlatformServices;\n")).toEqual([]);
  });

  it('ADR 0003 nothing under src/platform names the container (grep -rn "container.ts" src/platform)', () => {
    expect(grepPlatform('container.ts')).toEqual([]);
  });

  it('ADR 0003 platform code that imports platform is allowed', async () => {
    expect(await boundaryErrors('src/platform/jobs/example.ts', "import { purgeCaptchas } from '../captcha/index.ts';\nexport const p = purgeCaptchas;\n")).toEqual([]);
  });

  it('ADR 0003 a deep import into another module is an ESLint error, at any depth of the importing file', async () => {
    const deep = await boundaryErrors('src/modules/hrdb/example.ts', "import { staffUsers } from '../ecpa/staff.schema.ts';\nexport const s = staffUsers;\n");
    expect(deep).toHaveLength(1);
    expect(deep[0]).toContain('only through its index.ts');
    expect(await boundaryErrors('src/modules/newsletters/views/example.tsx', "import { KEYWORD_MAX } from '../../vacancies/search.rules.ts';\nexport const k = KEYWORD_MAX;\n")).toHaveLength(1);
    expect(await boundaryErrors('src/modules/vacancies/opendata/example.ts', "import { codes } from '../../reference/data/agencies.json';\nexport const c = codes;\n")).toHaveLength(1);
    // A test may not reach past the front door either (only another module's *.test-support.ts is let through).
    expect(await boundaryErrors('src/modules/resumes/example.test.ts', "import { ecpaPaths } from '../ecpa/ecpa.paths.ts';\nexport const p = ecpaPaths;\n")).toHaveLength(1);
  });

  it('ADR 0003 the front door, the own module and platform are allowed', async () => {
    const code = [
      "import { ecpaPaths } from '../ecpa/index.ts';",
      "import { recordAudit } from '../../platform/audit/audit.ts';",
      "import { resumePaths } from './resume.paths.ts';",
      'export const all = [ecpaPaths, recordAudit, resumePaths];',
      '',
    ].join('\n');
    expect(await boundaryErrors('src/modules/resumes/example.ts', code)).toEqual([]);
    // From a subfolder, ../ is still the own module.
    expect(await boundaryErrors('src/modules/vacancies/opendata/example.ts', "import { x } from '../views/search-page.tsx';\nimport { y } from '../../reference/index.ts';\nexport const z = [x, y];\n")).toEqual([]);
    expect(await boundaryErrors('src/modules/resumes/example.test.ts', "import { freshIp } from '../ecpa/ecpa.test-support.ts';\nexport const f = freshIp;\n")).toEqual([]);
  });

  it('ADR 0003 nothing under src/platform names the modules folder (grep -rn "modules/" src/platform)', () => {
    expect(grepPlatform('modules/')).toEqual([]);
  });

  it('ADR 0003 every module folder has an index.ts and is in the module list', async () => {
    const { modules } = await import('../src/modules/index.ts');
    const folders = readdirSync(join(root, 'src/modules')).filter((name) => statSync(join(root, 'src/modules', name)).isDirectory());
    for (const folder of folders) expect(statSync(join(root, 'src/modules', folder, 'index.ts')).isFile(), folder).toBe(true);
    expect(modules.map((m) => m.name).sort()).toEqual(folders.sort());
    // The demo data comes before what builds on it (the HR database's eCPA accounts).
    const names = modules.map((m) => m.name);
    expect(names.indexOf('demo')).toBeLessThan(names.indexOf('hrdb'));
  });
});
