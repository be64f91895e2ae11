// Tokens of the generic YANG statement syntax (RFC 7950 section 6, RFC 6020 section 6).
// The lexer needs no modes: every token is recognisable from its first characters.
lexer grammar YangLexer;

SEMI   : ';' ;
LBRACE : '{' ;
RBRACE : '}' ;
// Defined before UNQUOTED so a lone '+' (as in `"a" + "b"` or `"a"+"b"`) is PLUS;
// longer runs such as `+5` are still UNQUOTED by longest match.
PLUS   : '+' ;

// Skipped (not hidden): the parser never needs them, so no token objects are made.
WS            : [ \t\r\n]+ -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;

// Double-quoted: backslash escapes the next character; escapes are interpreted later.
DQ_STRING : '"' ( '\\' . | ~["\\] )* '"' ;
// Single-quoted: verbatim, no escapes.
SQ_STRING : '\'' ~'\''* '\'' ;

// A run of characters without whitespace, ';', '{', '}', quotes or a comment start.
// Quotes are excluded (the YANG 1.1 rule) so `"a"+"b"` splits into three tokens.
// The predicate runs after '/' has been matched, so LA(1) is the next character.
UNQUOTED : ( ~[ \t\r\n;{}"'/] | '/' {this.inputStream.LA(1) !== 0x2F && this.inputStream.LA(1) !== 0x2A}? )+ ;

// Error tokens: they only win when the proper token cannot match (no closing quote or
// '*/' before end of input), so the wrapper can report "unterminated ..." precisely.
UNTERMINATED_STRING  : '"' ( '\\' . | ~["\\] )* '\\'? | '\'' ~'\''* ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* ;
