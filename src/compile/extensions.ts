import type { ModCtx, Compilation } from './context.js';
import { child, moduleOfPrefix } from './context.js';

/**
 * Extension statements follow their definition (RFC 7950 6.3.1, 7.19): the prefix names
 * the module itself or an import, that module defines the extension, and the statement
 * has an argument exactly when the definition has an `argument` substatement. The parser's
 * grammar check listed the extension statements of each file once.
 */
export function checkExtensionUses(c: Compilation, mod: ModCtx): void {
  for (const unit of mod.units) {
    for (const e of unit.extensionUses) {
      const owner = moduleOfPrefix(c, unit, e.prefix, e.loc);
      if (!owner) continue;
      const definition = owner.extensions.get(e.keyword);
      const name = `${e.prefix}:${e.keyword}`;
      if (!definition) {
        c.sink.error('unknown-extension', e.loc, `extension "${name}" is not defined in module "${owner.name}"`);
      } else if (child(definition, 'argument')) {
        if (e.arg === undefined) c.sink.error('missing-argument', e.loc, `extension "${name}" needs an argument ("${child(definition, 'argument')!.arg}")`);
      } else if (e.arg !== undefined) {
        c.sink.error('unexpected-argument', e.argLoc ?? e.loc, `extension "${name}" takes no argument`);
      }
    }
  }
}
