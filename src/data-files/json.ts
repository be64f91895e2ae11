/**
 * RFC 7951 JSON instance documents read with the position of every member
 * value and array item. Strict RFC 8259: no comments, no trailing commas;
 * duplicate member names are refused (RFC 7951 section 4 builds on I-JSON, RFC 7493 2.3).
 */
import { type ParseErrorCode, printParseErrorCode, visit } from 'jsonc-parser';
import type { JsonObject, JsonValue } from '../restconf/schema-index.js';
import { DataFileError, type DataPositions, LineIndex, setOwn } from './positions.js';

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

/** Parses `text` (the contents of `file`), recording positions; throws DataFileError at the first syntax error. */
export function readJsonData(text: string, file: string, positions: DataPositions): JsonValue {
  const lines = new LineIndex(text, file);
  const stack: Frame[] = [];
  let root: JsonValue | undefined;
  let failure: DataFileError | undefined;
  const fail = (message: string, offset: number): void => {
    failure ??= new DataFileError(message, lines.loc(offset));
  };

  /** Places a value (scalar or a container just begun) in its parent and records where it starts. */
  const place = (value: JsonValue, offset: number): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      return;
    }
    if (Array.isArray(top.value)) {
      positions.setMember(top.value, top.value.length, lines, offset);
      top.value.push(value);
    } else if (top.key !== undefined) {
      positions.setMember(top.value, top.key, lines, offset);
      setOwn(top.value, top.key, value);
      top.key = undefined;
    }
  };
  const begin = (value: JsonObject | JsonValue[], offset: number): void => {
    place(value, offset);
    positions.setStart(value, lines, offset);
    stack.push({ value });
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => begin({}, offset),
      onArrayBegin: (offset) => begin([], offset),
      onObjectEnd: () => void stack.pop(),
      onArrayEnd: () => void stack.pop(),
      onObjectProperty: (name, offset) => {
        const top = stack[stack.length - 1]!;
        if (Object.hasOwn(top.value, name)) fail(`duplicate member "${name}"`, offset);
        top.key = name;
      },
      onLiteralValue: (value: JsonValue, offset) => place(value, offset),
      onError: (code, offset) => fail(`malformed JSON: ${errorText(code)}`, offset),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (failure) throw failure;
  if (root === undefined) throw new DataFileError('malformed JSON: empty document', { file, line: 1, col: 1 });
  return root;
}
