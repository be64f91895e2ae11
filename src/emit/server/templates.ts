/**
 * The static part of a generated server: `templates/server/`, shipped in the
 * npm package, with `{{name}}` placeholders filled in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';

const TEMPLATE_DIR = join(PACKAGE_ROOT, 'templates/server/');

/** npm leaves `.gitignore` files out of packages, so the template is stored without the dot. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

function fill(text: string, vars: Readonly<Record<string, string>>, file: string): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`template ${file}: no value for {{${key}}}`);
    return value;
  });
}

/** Every template file, keyed by project-relative path (`/`-separated), placeholders filled in. */
export function renderTemplates(vars: Readonly<Record<string, string>>): Map<string, string> {
  const files = new Map<string, string>();
  for (const path of listFiles(TEMPLATE_DIR).sort()) {
    const name = relative(TEMPLATE_DIR, path).split(sep).join('/');
    files.set(RENAMED[name] ?? name, fill(readFileSync(path, 'utf8'), vars, name));
  }
  return files;
}
