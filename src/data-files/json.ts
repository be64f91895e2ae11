/**
 * RFC 7951 JSON instance documents read with the position of every member
 * value and array item. Strict RFC 8259: no comments, no trailing commas;
 * duplicate member names are refused (RFC 7951 section 4 builds on I-JSON, RFC 7493 2.3).
 */
import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import type { JsonObject, JsonValue } from '../restconf/schema-index.js';
import { DataFileError, type DataPositions, type SourceLoc } from './positions.js';

interface Frame {
  value: JsonObject | JsonValue[];
  /** Member name awaiting its value (objects only). */
  key?: string;
}

const ERROR_TEXT: Partial<Record<string, string>> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'member name expected',
  ValueExpected: 'value expected',
  ColonExpected: '":" expected',
  CommaExpected: '"," expected',
  CloseBraceExpected: '"}" expected',
  CloseBracketExpected: '"]" expected',
  EndOfFileExpected: 'end of document expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'incomplete number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function errorText(code: ParseErrorCode): string {
  const name = printParseErrorCode(code);
  return ERROR_TEXT[name] ?? name;
}

/** Own property even for `__proto__` (plain assignment would set the prototype). */
export function setMember(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** Parses `text` (the contents of `file`), recording positions; throws DataFileError at the first syntax error. */
export function readJsonData(text: string, file: string, positions: DataPositions): JsonValue {
  const stack: Frame[] = [];
  let root: JsonValue | undefined;
  let failure: DataFileError | undefined;
  const at = (line: number, character: number): SourceLoc => ({ file, line: line + 1, col: character + 1 });
  const fail = (message: string, loc: SourceLoc): void => {
    failure ??= new DataFileError(message, loc);
  };

  /** Places a value (scalar or a container just begun) in its parent and records where it starts. */
  const place = (value: JsonValue, loc: SourceLoc): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      return;
    }
    if (Array.isArray(top.value)) {
      positions.setMember(top.value, top.value.length, loc);
      top.value.push(value);
    } else if (top.key !== undefined) {
      positions.setMember(top.value, top.key, loc);
      setMember(top.value, top.key, value);
      top.key = undefined;
    }
  };
  const begin = (value: JsonObject | JsonValue[], loc: SourceLoc): void => {
    place(value, loc);
    positions.setStart(value, loc);
    stack.push({ value });
  };

  visit(
    text,
    {
      onObjectBegin: (_o, _l, line, ch) => begin({}, at(line, ch)),
      onArrayBegin: (_o, _l, line, ch) => begin([], at(line, ch)),
      onObjectEnd: () => void stack.pop(),
      onArrayEnd: () => void stack.pop(),
      onObjectProperty: (name, _o, _l, line, ch) => {
        const top = stack[stack.length - 1]!;
        if (Object.hasOwn(top.value, name)) fail(`duplicate member "${name}"`, at(line, ch));
        top.key = name;
      },
      onLiteralValue: (value: JsonValue, _o, _l, line, ch) => place(value, at(line, ch)),
      onError: (code, _o, _l, line, ch) => fail(`malformed JSON: ${errorText(code)}`, at(line, ch)),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (failure) throw failure;
  if (root === undefined) throw new DataFileError('malformed JSON: empty document', { file, line: 1, col: 1 });
  return root;
}
