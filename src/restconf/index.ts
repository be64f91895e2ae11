/**
 * RESTCONF runtime: what generated servers and `yangkit serve` import.
 * See server.ts for the server options and datastore.ts for persistence.
 * Importable alone as `yangkit/restconf`, so servers load no emitters.
 */
export type { SchemaSet } from '../ir/types.js';
export { createRestconfServer } from './server.js';
export type { NacmOptions, RestconfServer, RestconfServerOptions, TlsOptions } from './server.js';
export { CERT_TO_NAME, type CertToName, NACM_MEMBER, withNacmModule } from './nacm/index.js';
export type { Datastore, Snapshot } from './datastore.js';
export { MemoryDatastore } from './datastore.js';
export { FileDatastore, DatastoreFileError } from './file-datastore.js';
export { validateConfigDocument } from './config-document.js';
export type { UserStore, UserRecord } from './auth.js';
export { UsersFile, hashPassword, verifyPassword } from './auth.js';
export type { OperationContext, OperationHandler, OperationHandlers } from './operations.js';
export type { CommitHandler, StateProvider } from './core.js';
export type { Exchange } from './exchange.js';
export { RestconfError } from './errors.js';
export type { ErrorEntry, ErrorTag, ErrorType } from './errors.js';
export type { JsonObject, JsonValue } from './schema-index.js';
export { MEDIA_JSON, MEDIA_XML, MEDIA_PATCH_JSON, MEDIA_PATCH_XML } from './media.js';
