// Generic YANG statement syntax (RFC 7950 section 6.3). Every decision is LL(1), so
// parsing is linear. Keyword validity (identifier or prefix:identifier) is checked by
// the tree builder in src/syntax/index.ts, since a keyword is lexically an UNQUOTED.
parser grammar YangParser;

options { tokenVocab = YangLexer; }

// Exactly one module or submodule per file.
file : statement EOF ;

statement : UNQUOTED argument? ( SEMI | LBRACE statement* RBRACE ) ;

// A lone '+' is a valid unquoted argument too. Quoted parts are inlined (no `quoted`
// rule) to save one tree node per part.
argument : UNQUOTED | PLUS | ( DQ_STRING | SQ_STRING ) ( PLUS ( DQ_STRING | SQ_STRING ) )* ;
