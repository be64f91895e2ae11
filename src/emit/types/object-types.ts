/**
 * Object types for data trees: containers and list entries become interfaces (type
 * aliases where a choice makes them a union), in a data view and, where a subtree
 * mixes in state nodes, a separate configuration view.
 */
import type { ChoiceNode, DataNode, NotificationNode, OperationNode, SchemaNode } from '../../ir/types.js';
import { leafDocs, memberDocs, textDocs, typeDocs, type Docs } from './docs.js';
import { pascalCase, propertyName } from './names.js';
import { caseMembers, inView, isDataNode, type NodeFacts, type View } from './node-facts.js';
import type { ModuleFile } from './plan.js';
import { commentLines, interfaceDeclaration, intersectionType, typeAliasDeclaration, unionType, type Doc, type Member, type TypeNode } from './print.js';
import { typeNode, type TypeExpressions } from './type-expressions.js';

/** What one object type is made of, and what it is called in each view. */
interface Shape {
  /** Data view name. */
  data: string;
  /** What nested types' names start with: the data view name, except at the top level. */
  prefix: string;
  docs: Docs;
  /** The configuration view, when it differs from the data view. */
  config?: { name: string; docs: Docs };
  children: SchemaNode[];
}

export interface ObjectTypeContext {
  /** Where declarations go, in order. */
  statements: Doc[];
  file: ModuleFile;
  types: TypeExpressions;
  facts: NodeFacts;
}

const join = (prefix: string, node: { name: string }): string => (prefix ? `${prefix}_${pascalCase(node.name)}` : pascalCase(node.name));

/** An object type as the generated code writes it: one member per line. */
const objectType = (members: Member[]): TypeNode => ({ object: members, multiline: true });

/** Without members, `{}` would accept any object; this accepts only an empty one. */
const NO_MEMBERS: Member = { index: '[member: string]: never' };

const ANYDATA: TypeNode = { object: [{ index: '[member: string]: unknown' }], multiline: false };

/** A type validators can start from: an instance document, an operation input or output, a notification. */
export interface ValidationRoot {
  typeName: string;
  children: SchemaNode[];
  /** For an operation's input or output or a notification: which, and the data path of the operation or notification; absent for the instance document. */
  operation?: { part: 'input' | 'output' | 'notification'; path: string };
}

export class ObjectTypes {
  private readonly shapes = new Map<SchemaNode, Shape>();
  /** Per data node, what its property is in either view: the comment, and the type of a leaf or leaf-list. */
  private readonly properties = new Map<DataNode, { comment: string[] | undefined; leafType?: TypeNode }>();
  readonly validationRoots: ValidationRoot[] = [];

  constructor(private readonly cx: ObjectTypeContext) {}

  /** The module's instance document types (`<Module>Data`, `<Module>Config`) and everything below them. */
  emitDocuments(children: SchemaNode[]): void {
    if (children.length === 0) return;
    const { fixed, module } = this.cx.file;
    const hasConfig = children.some((c) => c.config);
    this.validationRoots.push({ typeName: fixed.data, children });
    this.emitShape({
      data: fixed.data,
      prefix: '',
      docs: textDocs(`An RFC 7951 JSON instance document of module ${module.name}: configuration and state data.`),
      config: hasConfig
        ? { name: fixed.config, docs: textDocs(`An RFC 7951 JSON instance document of module ${module.name}: configuration only.`) }
        : undefined,
      children,
    });
  }

  /** `<Rpc>_Input` and `<Rpc>_Output` (the contents of `module:input` / `module:output`); `prefix` names an action's parent. */
  emitOperation(op: OperationNode, prefix = ''): void {
    const base = join(prefix, op);
    for (const [part, children] of [['input', op.input], ['output', op.output]] as const) {
      if (!children) continue;
      const what = `${part === 'input' ? 'Input' : 'Output'} of ${op.kind} \`${op.path}\`.`;
      const data = this.cx.file.names.claim(`${base}_${pascalCase(part)}`);
      this.validationRoots.push({ typeName: data, children, operation: { part, path: op.path } });
      this.emitShape({ data, prefix: data, children, docs: typeDocs(op, what) });
    }
  }

  emitNotification(node: NotificationNode, prefix = ''): void {
    const data = this.cx.file.names.claim(join(prefix, node));
    this.validationRoots.push({ typeName: data, children: node.children, operation: { part: 'notification', path: node.path } });
    this.emitShape({ data, prefix: data, children: node.children, docs: typeDocs(node, `Notification \`${node.path}\`.`) });
  }

  private emitShape(shape: Shape): void {
    this.declare(shape.data, shape.docs, this.members(shape.children, 'data', shape.prefix));
    if (shape.config) this.declare(shape.config.name, shape.config.docs, this.members(shape.children, 'config', shape.prefix));
    this.emitNested(shape.children, shape.prefix);
  }

  /** The types of the containers, lists, actions and notifications among `children` (through choices). */
  private emitNested(children: SchemaNode[], prefix: string): void {
    for (const child of children) {
      if (child.kind === 'container' || child.kind === 'list') this.emitShape(this.shapeOf(child, prefix));
      else if (child.kind === 'choice') for (const c of child.cases) this.emitNested(c.children, prefix);
      else if (child.kind === 'action') this.emitOperation(child, prefix);
      else if (child.kind === 'notification') this.emitNotification(child, prefix);
    }
  }

  /** Names a container or list entry type on first use, so names follow schema order. */
  private shapeOf(node: SchemaNode & { children: SchemaNode[] }, prefix: string): Shape {
    let shape = this.shapes.get(node);
    if (!shape) {
      const names = this.cx.file.names;
      const data = names.claim(join(prefix, node));
      const what = node.kind === 'list' ? `An entry of list \`${node.path}\`.` : `Container \`${node.path}\`.`;
      const config =
        node.config && this.cx.facts.hasStateBelow(node)
          ? { name: names.claim(`${data}Config`), docs: typeDocs(node, `${what} Configuration only.`) }
          : undefined;
      shape = { data, prefix: data, docs: typeDocs(node, what), config, children: node.children };
      this.shapes.set(node, shape);
    }
    return shape;
  }

  private declare(name: string, docs: Docs, members: { properties: Member[]; choices: TypeNode[] }): void {
    const { statements } = this.cx;
    const { properties, choices } = members;
    if (choices.length === 0) {
      statements.push(interfaceDeclaration(name, docs, properties.length ? properties : [NO_MEMBERS]));
      return;
    }
    const parts = properties.length ? [objectType(properties), ...choices] : choices;
    statements.push(typeAliasDeclaration(name, docs, intersectionType(parts)));
  }

  /** Members of an object type in the view: data nodes as properties, choices as unions of their cases. */
  private members(children: SchemaNode[], view: View, prefix: string): { properties: Member[]; choices: TypeNode[] } {
    const properties: Member[] = [];
    const choices: TypeNode[] = [];
    for (const child of children) {
      if (!inView(child, view)) continue;
      if (isDataNode(child)) properties.push(this.property(child, view, prefix));
      else if (child.kind === 'choice') {
        const choice = this.choice(child, view, prefix);
        if (choice) choices.push(choice);
      }
    }
    return { properties, choices };
  }

  private property(node: DataNode, view: View, prefix: string): Member {
    let known = this.properties.get(node);
    if (!known) {
      const leafish = node.kind === 'leaf' || node.kind === 'leaf-list';
      const comment = commentLines(leafish ? leafDocs(node, this.cx.types.aliased(node.type, node.module)) : memberDocs(node));
      // A leaf's type is the same in both views.
      this.properties.set(node, (known = { comment, leafType: leafish ? this.memberType(node, view, prefix) : undefined }));
    }
    return {
      name: propertyName(node.jsonName),
      optional: !this.cx.facts.isRequired(node, view),
      type: known.leafType ?? this.memberType(node, view, prefix),
      comment: known.comment,
    };
  }

  private memberType(node: DataNode, view: View, prefix: string): TypeNode {
    switch (node.kind) {
      case 'leaf':
        return typeNode(this.cx.types.render(node.type, this.cx.file, node.module));
      case 'leaf-list':
        return { array: typeNode(this.cx.types.render(node.type, this.cx.file, node.module)) };
      case 'container':
      case 'list': {
        const shape = this.shapeOf(node, prefix);
        const name = view === 'config' && shape.config ? shape.config.name : shape.data;
        return node.kind === 'list' ? { array: name } : name;
      }
      case 'anydata':
        return ANYDATA;
      case 'anyxml':
        return 'unknown';
    }
  }

  /**
   * A choice as the union of its cases, each forbidding (`?: never`) the members of
   * the others so that TypeScript rejects instances mixing two cases. An optional
   * choice whose every case has required members also allows no case at all.
   */
  private choice(node: ChoiceNode, view: View, prefix: string): TypeNode | undefined {
    const cases = node.cases
      .map((c) => ({ node: c, names: caseMembers(c, view).map((m) => m.jsonName) }))
      .filter((c) => c.names.length > 0);
    if (cases.length === 0) return undefined;
    const forbidden = (names: string[]): Member[] => names.map((n) => ({ name: propertyName(n), optional: true, type: 'never' }));
    const alternatives = cases.map((c) => {
      const own = this.members(c.node.children, view, prefix);
      const others = cases.filter((o) => o !== c).flatMap((o) => o.names);
      return intersectionType([objectType([...own.properties, ...forbidden(others)]), ...own.choices]);
    });
    const canBeAbsent = !this.cx.facts.isRequired(node, view);
    if (canBeAbsent && cases.every((c) => this.cx.facts.anyRequired(c.node.children, view))) {
      alternatives.push(objectType(forbidden(cases.flatMap((c) => c.names))));
    }
    return unionType(alternatives);
  }
}
