/** The incremental compiler's public surface (re-exported by the package entry). */
export { createCompiler, type Compiler, type CompilerOptions, type FileChange, type UpdateResult } from './compiler.js';
export type { DependencyGraph, DependencyKind } from './graph.js';
export type { Fingerprints } from './fingerprints.js';
