export interface Expected {
  file: string;
  line: number;
  severity: 'error' | 'warning';
  code: string;
}

export interface ValidityCase {
  /** `area/name`, relative to the cases folder. */
  id: string;
  /** Line 1 of the case, e.g. `RFC 7950 9.2.1: ...`. */
  rule: string;
  /** Line 2 when it starts `// yanglint:`: why yanglint's verdict differs. */
  yanglint: string;
  dir: string;
  files: string[];
  expected: Expected[];
}

export const CASES_DIR: string;
export function loadCases(root?: string): ValidityCase[];
