/**
 * RFC 7951 section 6.8: an identityref value is written `module:identity`, and may be
 * written `identity` alone when the identity is defined in the module of the leaf that
 * holds the value (the leaf's namespace, not the module of a typedef or leafref target).
 */
export function identityValueSpellings(qualified: readonly string[], leafModule: string): string[] {
  return qualified.flatMap((value) => {
    const colon = value.indexOf(':');
    return value.slice(0, colon) === leafModule ? [value, value.slice(colon + 1)] : [value];
  });
}

/** The identities among `qualified` that a leaf of `leafModule` may name without a prefix, unprefixed. */
export function unprefixedIdentityValues(qualified: readonly string[], leafModule: string): string[] {
  return identityValueSpellings(qualified, leafModule).filter((v) => !v.includes(':'));
}
