/** NACM (RFC 8341) for the RESTCONF runtime: the module, the rules, their enforcement, and certificate user names. */
export { NACM_MEMBER, NACM_MODULE, withNacmModule } from './module.js';
export { Nacm, NacmSession, withCounters, type NacmCounters } from './access.js';
export { CERT_TO_NAME, type CertToName, certificateUser } from './cert-name.js';
export type { AccessOperation, NacmStep } from './policy.js';
