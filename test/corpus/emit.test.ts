import SwaggerParser from '@apidevtools/swagger-parser';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileYang, ParseCache } from '../../src/compile/index.js';
import { emitOpenApi } from '../../src/emit/openapi/index.js';
import { defaultSwaggerOptions, emitSwagger } from '../../src/emit/swagger/index.js';
import { corpusModules, searchPathsFor } from './paths.js';

/**
 * Every corpus module that compiles emits a Swagger 2.0 and an OpenAPI 3.1
 * document that a real validator accepts (one test per module).
 */
describe('Swagger and OpenAPI for the corpus', () => {
  const cache = new ParseCache();
  for (const file of corpusModules()) {
    it(basename(file), async (ctx) => {
      const { schema, diagnostics } = compileYang({ files: [file], searchPaths: searchPathsFor(file), parseCache: cache });
      const module = schema.inputs[0]!;
      if (diagnostics.some((d) => d.severity === 'error')) ctx.skip(); // listed as broken by compile.test.ts
      const swagger = emitSwagger(schema, module, defaultSwaggerOptions);
      await expect(SwaggerParser.validate(swagger as never)).resolves.toBeDefined();
      const openapi = emitOpenApi(schema, module, defaultSwaggerOptions);
      await expect(SwaggerParser.validate(openapi as never)).resolves.toBeDefined();
      expect(swagger.info.title).toBe(module);
    });
  }
});
