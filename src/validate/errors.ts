/**
 * The rules instance validation reports, as one table: each rule's RFC 6241 /
 * RFC 8040 error-tag and its RFC 7950 section 15 error-app-tag.
 */
import type { DataError } from './types.js';
import { type Element, missingPath, pathOf, positionOf } from './instance.js';

interface RuleSpec {
  tag: string;
  appTag?: string;
}

export const RULES = {
  /** 8.3.1 / 15.2: a must expression is false (the must's own error-app-tag wins). */
  'must-violation': { tag: 'operation-failed', appTag: 'must-violation' },
  /** 8.3.2 / 7.21.5: a node exists whose when is false. */
  'when-false': { tag: 'unknown-element' },
  /** 15.5 / 9.9, 9.13: leafref or instance-identifier with require-instance names nothing. */
  'instance-required': { tag: 'data-missing', appTag: 'instance-required' },
  /** 15.1 / 7.8.3. */
  'data-not-unique': { tag: 'operation-failed', appTag: 'data-not-unique' },
  /** 15.2 / 7.7.6, 7.8.6. */
  'too-many-elements': { tag: 'operation-failed', appTag: 'too-many-elements' },
  /** 15.3 / 7.7.5, 7.8.5. */
  'too-few-elements': { tag: 'operation-failed', appTag: 'too-few-elements' },
  /** 7.6.5, 7.10.4 (mandatory leaf, anydata, anyxml). */
  mandatory: { tag: 'data-missing' },
  /** 15.6 / 7.9.4. */
  'missing-choice': { tag: 'data-missing', appTag: 'missing-choice' },
  /** 7.9: nodes of two cases of one choice. */
  'multiple-cases': { tag: 'bad-element' },
  /** 7.8.2: a list entry without one of its keys. */
  'missing-key': { tag: 'missing-element' },
  /** 7.8.2 / 7.7: two list entries with the same keys, two equal values of a configuration leaf-list. */
  'duplicate-entry': { tag: 'bad-element' },
  /** Section 9: a value its type does not allow (a pattern's error-app-tag when it gives one). */
  'invalid-value': { tag: 'invalid-value' },
  /** A must or when expression the engine cannot evaluate on this data. */
  'xpath-error': { tag: 'operation-failed' },
  /** An rpc, rpc-reply or notification document without its operation. */
  'missing-operation': { tag: 'missing-element' },
  /** A member the schema does not define at that place. */
  'unknown-element': { tag: 'unknown-element' },
  /** 7.21.1: a config false node in configuration (config and edit documents). */
  'state-data': { tag: 'invalid-value' },
  /** RFC 7952 5.2: an annotation no loaded module defines (md:annotation), or not namespace-qualified. */
  'unknown-metadata': { tag: 'unknown-attribute' },
  /** RFC 7952 5.2: metadata without its data node, of the wrong shape, or a value its annotation's type refuses. */
  'invalid-metadata': { tag: 'bad-attribute' },
  /** RFC 7951 section 5: object for a container/list entry, array for a list/leaf-list, scalar for a leaf. */
  'bad-shape': { tag: 'invalid-value' },
} satisfies Record<string, RuleSpec>;

export type Rule = keyof typeof RULES;

/** Collects the errors of one validation run. */
export class ErrorSink {
  readonly errors: DataError[] = [];

  add(rule: Rule, path: string, message: string, at: DataError['at'], appTag?: string): void {
    const spec: RuleSpec = RULES[rule];
    const tag = appTag ?? spec.appTag;
    this.errors.push({ path, rule, tag: spec.tag, ...(tag ? { appTag: tag } : {}), message, ...(at ? { at } : {}) });
  }

  /** An error on an element of the tree. */
  on(rule: Rule, el: Element, message: string, appTag?: string): void {
    this.add(rule, pathOf(el), message, positionOf(el), appTag);
  }

  /** An error on a node missing from `parent`. */
  missing(rule: Rule, parent: Element, node: { module: string; name: string }, message: string): void {
    const { path, at } = missingPath(parent, node);
    this.add(rule, path, message, at);
  }
}
