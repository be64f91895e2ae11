/** The names of YANG's built-in types (RFC 7950 4.2.4, section 9). */
export const BUILTIN_TYPES: ReadonlySet<string> = new Set([
  'binary', 'bits', 'boolean', 'decimal64', 'empty', 'enumeration', 'identityref', 'instance-identifier',
  'int8', 'int16', 'int32', 'int64', 'leafref', 'string', 'uint8', 'uint16', 'uint32', 'uint64', 'union',
]);
