/** Thrown when a partial compile finds that a module it was to keep is affected too. */
export class ReuseMismatch extends Error {}
