/** The public types of validateData, in a module of their own so the validator's parts can name them without importing index.ts. */
import type { JsonObject } from '../restconf/schema-index.js';

export type DataKind = 'data' | 'config' | 'get-reply' | 'edit' | 'rpc' | 'rpc-reply' | 'notification';

export interface ValidateOptions {
  type: DataKind;
  /** 'json' = RFC 7951 typing (default); 'lexical' = every leaf value a string as read from XML. */
  encoding?: 'json' | 'lexical';
  /** Remove nodes whose when is false from the document (RFC 7950 8.3.2, the server) instead of reporting them. */
  prune?: boolean;
  /** rpc / rpc-reply / notification / action: the datastore their leafrefs, musts and whens may read. */
  datastore?: JsonObject;
}

export interface DataError {
  /** Instance path, RFC 8040 style with module names where the namespace changes: /ietf-interfaces:interfaces/interface[name='eth0']/mtu */
  path: string;
  /** Stable rule code (see RULES in ./errors.ts). */
  rule: string;
  /** RFC 8040 / RFC 6241 error-tag. */
  tag: string;
  /** error-app-tag: the must's/pattern's own, else RFC 7950 section 15's. */
  appTag?: string;
  message: string;
  /** Where the offending member sits in the document given: its holding object/array and member name/index (for a missing node: the object it is missing from and its member name). */
  at?: { holder: object; key: string | number };
}
