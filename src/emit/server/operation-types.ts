/**
 * Finds the `yangkit types` declarations of an operation's input and output in
 * the emitted type files. Their names depend on the whole file's naming
 * (collisions get suffixes), so they are read back from the output, where
 * each is documented as "Input of rpc `/path`." rather than recomputed.
 */
import type { OperationNode } from '../../ir/types.js';

export interface TypeRef {
  /** Emitted file name, e.g. `example-jukebox.ts`. */
  file: string;
  name: string;
}

export interface OperationTypes {
  input?: TypeRef;
  output?: TypeRef;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function findDeclaration(typeFiles: ReadonlyMap<string, string>, heading: string): TypeRef | undefined {
  // The heading opens the declaration's JSDoc (one line or several); the declaration follows the comment's end.
  const pattern = new RegExp(`/\\*\\*\\s*(?:\\* )?${escapeRegExp(heading)}(?:(?!\\*/)[\\s\\S])*\\*/\\s*export (?:interface|type) (\\w+)`);
  for (const [file, text] of typeFiles) {
    const match = pattern.exec(text);
    if (match) return { file, name: match[1]! };
  }
  return undefined;
}

export function operationTypes(typeFiles: ReadonlyMap<string, string>, op: OperationNode): OperationTypes {
  const find = (part: 'Input' | 'Output', present: boolean): TypeRef | undefined => (present ? findDeclaration(typeFiles, `${part} of ${op.kind} \`${op.path}\`.`) : undefined);
  const input = find('Input', op.input !== undefined);
  const output = find('Output', op.output !== undefined);
  return { ...(input ? { input } : {}), ...(output ? { output } : {}) };
}
