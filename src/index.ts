/** yangkit's library surface: compile YANG to the schema IR, then emit from it. */
export { compileYang, ParseCache, type CompileOptions, type CompileResult } from './compile/index.js';
export type * from './ir/types.js';
export { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './diagnostics/index.js';
export { parseYang } from './syntax/index.js';
export type { Statement } from './syntax/statement.js';
export { emitTree } from './emit/tree/index.js';
export { emitSwagger, swaggerOptionDefinitions, swaggerOptionsFromFlags, serializeDocument, type SwaggerOptions } from './emit/swagger/index.js';
export { emitOpenApi } from './emit/openapi/index.js';
export { emitTypes, type EmitTypesOptions } from './emit/types/index.js';
export { emitServerProject, type EmitServerOptions } from './emit/server/index.js';
export { validateData, type DataError, type DataKind, type ValidateOptions } from './validate/index.js';
export * from './restconf/index.js';
export * from './incremental/index.js';
export * from './data-files/index.js';
