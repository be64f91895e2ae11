/**
 * The API explorer: the server's own OpenAPI 3.1 document at `{root}/openapi.json`,
 * a Swagger UI page rendering it at `{root}/docs` (served from the swagger-ui-dist
 * package, no CDN; its "try it" requests go to this server's root), and the tree
 * diagram of the served modules at `{root}/docs/tree`. The emitters are loaded on
 * the first request, so a server without the explorer never loads them.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SchemaSet } from '../ir/types.js';
import { RestconfError } from './errors.js';
import type { Reply } from './exchange.js';

/** The files of swagger-ui-dist the page loads, by the name it is served under. */
const UI_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

/** Swagger UI sets inline styles and uses data: images; scripts stay same-origin only. */
const PAGE_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'self'; frame-ancestors 'none';";

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class ApiExplorer {
  private openApi?: Promise<string>;
  private tree?: Promise<string>;
  private readonly assets = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly schema: SchemaSet,
    private readonly root: string,
  ) {}

  /** Whether `rest` (the path below the root) is an explorer resource. */
  owns(rest: string): boolean {
    return rest === '/openapi.json' || rest === '/docs' || rest.startsWith('/docs/');
  }

  async reply(method: string, rest: string): Promise<Reply> {
    if (method !== 'GET' && method !== 'HEAD') {
      throw RestconfError.of('operation-not-supported', `${method} is not allowed on this resource`).withHeaders({ Allow: 'GET, HEAD' });
    }
    if (rest === '/openapi.json') return text('application/json', await (this.openApi ??= this.buildOpenApi()));
    if (rest === '/docs') return { ...text('text/html; charset=utf-8', this.page()), headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP } };
    if (rest === '/docs/init.js') return text('text/javascript; charset=utf-8', this.initScript());
    if (rest === '/docs/tree') return text('text/plain; charset=utf-8', await (this.tree ??= this.buildTree()));
    const asset = rest.slice('/docs/'.length);
    const type = UI_ASSETS[asset];
    if (!type) throw RestconfError.of('invalid-value', 'not a RESTCONF resource', { status: 404 });
    let content = this.assets.get(asset);
    if (!content) this.assets.set(asset, (content = readFile(join(swaggerUiDir(), asset))));
    return { status: 200, body: await content, headers: { 'Content-Type': type, 'Cache-Control': 'max-age=3600' } };
  }

  /** One document for every served module: their paths, tags and components merged. */
  private async buildOpenApi(): Promise<string> {
    const [{ emitOpenApi }, { defaultSwaggerOptions }] = await Promise.all([import('../emit/openapi/index.js'), import('../emit/swagger/options.js')]);
    const modules = this.schema.inputs;
    // Tagged by top resource only: Swagger UI does not render the data section when each operation has two tags.
    const docs = modules.map((m) => emitOpenApi(this.schema, m, { ...defaultSwaggerOptions, basePath: this.root, tagMode: 'resources' }));
    keepComponentsApart(docs, modules);
    const [first] = docs;
    if (!first) throw RestconfError.of('operation-failed', 'no modules are served', { type: 'application' });
    const tags = new Map(docs.flatMap((d) => d.tags ?? []).map((t) => [t.name, t]));
    const merged = {
      ...first,
      info: { ...first.info, title: `RESTCONF API of ${modules.join(', ')}` },
      // Relative to the document: "try it" requests go to this server's RESTCONF root.
      servers: [{ url: this.root }],
      tags: [...tags.values()],
      paths: Object.assign({}, ...docs.map((d) => d.paths)),
      components: Object.fromEntries(
        COMPONENT_KINDS.map((k) => [k, Object.assign({}, ...docs.map((d) => (d.components as Record<string, object>)?.[k]))]),
      ),
    };
    return JSON.stringify(merged, null, 2);
  }

  private async buildTree(): Promise<string> {
    const { emitTree } = await import('../emit/tree/index.js');
    return this.schema.inputs.map((m) => emitTree(this.schema, m)).filter(Boolean).join('\n');
  }

  private page(): string {
    const docs = escapeHtml(`${this.root}/docs`);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>RESTCONF API: ${escapeHtml(this.schema.inputs.join(', '))}</title>
<link rel="stylesheet" href="${docs}/swagger-ui.css">
<link rel="icon" type="image/png" href="${docs}/favicon-32x32.png">
</head>
<body>
<p style="margin: 1em"><a href="${docs}/tree">Tree diagram of the modules</a> · <a href="${escapeHtml(this.root)}/openapi.json">OpenAPI document</a></p>
<div id="swagger-ui"></div>
<script src="${docs}/swagger-ui-bundle.js"></script>
<script src="${docs}/init.js"></script>
</body>
</html>
`;
  }

  /** A separate script, as the Content-Security-Policy allows no inline one. */
  private initScript(): string {
    return `window.ui = SwaggerUIBundle({ url: ${JSON.stringify(`${this.root}/openapi.json`)}, dom_id: '#swagger-ui', deepLinking: true, presets: [SwaggerUIBundle.presets.apis], layout: 'BaseLayout' });\n`;
  }
}

function text(contentType: string, body: string): Reply {
  return { status: 200, body, headers: { 'Content-Type': contentType } };
}

let uiDir: string | undefined;

/** Where swagger-ui-dist is installed (a dependency of yangkit, so found from here). */
function swaggerUiDir(): string {
  return (uiDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')));
}

const COMPONENT_KINDS = ['schemas', 'parameters', 'requestBodies', 'responses', 'securitySchemes'] as const;

/**
 * The documents of several modules can name different components alike (the path parameter
 * `name`, a schema named after a grouping both use differently): such a component of a later
 * document is renamed `<module>.<name>`, with its references, so that merging keeps both.
 */
function keepComponentsApart(docs: { components?: object }[], modules: string[]): void {
  const seen = new Map<string, string>();
  const components = (doc: { components?: object }) => (doc.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  docs.forEach((doc, i) => {
    // A renamed component changes those that refer to it: until none differs.
    for (let renames = clashes(components(doc), seen); renames.length > 0; renames = clashes(components(doc), seen)) {
      let text = JSON.stringify(doc);
      for (const { kind, name } of renames) text = text.replaceAll(`"#/components/${kind}/${name}"`, `"#/components/${kind}/${modules[i]}.${name}"`);
      const renamed = JSON.parse(text) as { components: Record<string, Record<string, unknown>> };
      for (const { kind, name } of renames) {
        const section = renamed.components[kind]!;
        section[`${modules[i]}.${name}`] = section[name];
        delete section[name];
      }
      Object.assign(doc, renamed);
    }
    for (const kind of COMPONENT_KINDS) {
      for (const [name, value] of Object.entries(components(doc)[kind] ?? {})) seen.set(`${kind}/${name}`, JSON.stringify(value));
    }
  });
}

/** Components named like an earlier document's, with another value. */
function clashes(components: Record<string, Record<string, unknown> | undefined>, seen: Map<string, string>): { kind: string; name: string }[] {
  return COMPONENT_KINDS.flatMap((kind) =>
    Object.entries(components[kind] ?? {})
      .filter(([name, value]) => {
        const earlier = seen.get(`${kind}/${name}`);
        return earlier !== undefined && earlier !== JSON.stringify(value);
      })
      .map(([name]) => ({ kind, name })),
  );
}
