// Generated from grammar/YangParser.g4 by ANTLR 4.13.1

import * as antlr from "antlr4ng";
import { Token } from "antlr4ng";

// for running tests with parameters, TODO: discuss strategy for typed parameters in CI
// eslint-disable-next-line no-unused-vars
type int = number;


export class YangParser extends antlr.Parser {
    public static readonly SEMI = 1;
    public static readonly LBRACE = 2;
    public static readonly RBRACE = 3;
    public static readonly PLUS = 4;
    public static readonly WS = 5;
    public static readonly LINE_COMMENT = 6;
    public static readonly BLOCK_COMMENT = 7;
    public static readonly DQ_STRING = 8;
    public static readonly SQ_STRING = 9;
    public static readonly UNQUOTED = 10;
    public static readonly UNTERMINATED_STRING = 11;
    public static readonly UNTERMINATED_COMMENT = 12;
    public static readonly RULE_file = 0;
    public static readonly RULE_statement = 1;
    public static readonly RULE_argument = 2;

    public static readonly literalNames = [
        null, "';'", "'{'", "'}'", "'+'"
    ];

    public static readonly symbolicNames = [
        null, "SEMI", "LBRACE", "RBRACE", "PLUS", "WS", "LINE_COMMENT", 
        "BLOCK_COMMENT", "DQ_STRING", "SQ_STRING", "UNQUOTED", "UNTERMINATED_STRING", 
        "UNTERMINATED_COMMENT"
    ];
    public static readonly ruleNames = [
        "file", "statement", "argument",
    ];

    public get grammarFileName(): string { return "YangParser.g4"; }
    public get literalNames(): (string | null)[] { return YangParser.literalNames; }
    public get symbolicNames(): (string | null)[] { return YangParser.symbolicNames; }
    public get ruleNames(): string[] { return YangParser.ruleNames; }
    public get serializedATN(): number[] { return YangParser._serializedATN; }

    protected createFailedPredicateException(predicate?: string, message?: string): antlr.FailedPredicateException {
        return new antlr.FailedPredicateException(this, predicate, message);
    }

    public constructor(input: antlr.TokenStream) {
        super(input);
        this.interpreter = new antlr.ParserATNSimulator(this, YangParser._ATN, YangParser.decisionsToDFA, new antlr.PredictionContextCache());
    }
    public file(): FileContext {
        let localContext = new FileContext(this.context, this.state);
        this.enterRule(localContext, 0, YangParser.RULE_file);
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 6;
            this.statement();
            this.state = 7;
            this.match(YangParser.EOF);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public statement(): StatementContext {
        let localContext = new StatementContext(this.context, this.state);
        this.enterRule(localContext, 2, YangParser.RULE_statement);
        let _la: number;
        try {
            this.enterOuterAlt(localContext, 1);
            {
            this.state = 9;
            this.match(YangParser.UNQUOTED);
            this.state = 11;
            this.errorHandler.sync(this);
            _la = this.tokenStream.LA(1);
            if ((((_la) & ~0x1F) === 0 && ((1 << _la) & 1808) !== 0)) {
                {
                this.state = 10;
                this.argument();
                }
            }

            this.state = 22;
            this.errorHandler.sync(this);
            switch (this.tokenStream.LA(1)) {
            case YangParser.SEMI:
                {
                this.state = 13;
                this.match(YangParser.SEMI);
                }
                break;
            case YangParser.LBRACE:
                {
                this.state = 14;
                this.match(YangParser.LBRACE);
                this.state = 18;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                while (_la === 10) {
                    {
                    {
                    this.state = 15;
                    this.statement();
                    }
                    }
                    this.state = 20;
                    this.errorHandler.sync(this);
                    _la = this.tokenStream.LA(1);
                }
                this.state = 21;
                this.match(YangParser.RBRACE);
                }
                break;
            default:
                throw new antlr.NoViableAltException(this);
            }
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }
    public argument(): ArgumentContext {
        let localContext = new ArgumentContext(this.context, this.state);
        this.enterRule(localContext, 4, YangParser.RULE_argument);
        let _la: number;
        try {
            this.state = 34;
            this.errorHandler.sync(this);
            switch (this.tokenStream.LA(1)) {
            case YangParser.UNQUOTED:
                this.enterOuterAlt(localContext, 1);
                {
                this.state = 24;
                this.match(YangParser.UNQUOTED);
                }
                break;
            case YangParser.PLUS:
                this.enterOuterAlt(localContext, 2);
                {
                this.state = 25;
                this.match(YangParser.PLUS);
                }
                break;
            case YangParser.DQ_STRING:
            case YangParser.SQ_STRING:
                this.enterOuterAlt(localContext, 3);
                {
                this.state = 26;
                _la = this.tokenStream.LA(1);
                if(!(_la === 8 || _la === 9)) {
                this.errorHandler.recoverInline(this);
                }
                else {
                    this.errorHandler.reportMatch(this);
                    this.consume();
                }
                this.state = 31;
                this.errorHandler.sync(this);
                _la = this.tokenStream.LA(1);
                while (_la === 4) {
                    {
                    {
                    this.state = 27;
                    this.match(YangParser.PLUS);
                    this.state = 28;
                    _la = this.tokenStream.LA(1);
                    if(!(_la === 8 || _la === 9)) {
                    this.errorHandler.recoverInline(this);
                    }
                    else {
                        this.errorHandler.reportMatch(this);
                        this.consume();
                    }
                    }
                    }
                    this.state = 33;
                    this.errorHandler.sync(this);
                    _la = this.tokenStream.LA(1);
                }
                }
                break;
            default:
                throw new antlr.NoViableAltException(this);
            }
        }
        catch (re) {
            if (re instanceof antlr.RecognitionException) {
                this.errorHandler.reportError(this, re);
                this.errorHandler.recover(this, re);
            } else {
                throw re;
            }
        }
        finally {
            this.exitRule();
        }
        return localContext;
    }

    public static readonly _serializedATN: number[] = [
        4,1,12,37,2,0,7,0,2,1,7,1,2,2,7,2,1,0,1,0,1,0,1,1,1,1,3,1,12,8,1,
        1,1,1,1,1,1,5,1,17,8,1,10,1,12,1,20,9,1,1,1,3,1,23,8,1,1,2,1,2,1,
        2,1,2,1,2,5,2,30,8,2,10,2,12,2,33,9,2,3,2,35,8,2,1,2,0,0,3,0,2,4,
        0,1,1,0,8,9,39,0,6,1,0,0,0,2,9,1,0,0,0,4,34,1,0,0,0,6,7,3,2,1,0,
        7,8,5,0,0,1,8,1,1,0,0,0,9,11,5,10,0,0,10,12,3,4,2,0,11,10,1,0,0,
        0,11,12,1,0,0,0,12,22,1,0,0,0,13,23,5,1,0,0,14,18,5,2,0,0,15,17,
        3,2,1,0,16,15,1,0,0,0,17,20,1,0,0,0,18,16,1,0,0,0,18,19,1,0,0,0,
        19,21,1,0,0,0,20,18,1,0,0,0,21,23,5,3,0,0,22,13,1,0,0,0,22,14,1,
        0,0,0,23,3,1,0,0,0,24,35,5,10,0,0,25,35,5,4,0,0,26,31,7,0,0,0,27,
        28,5,4,0,0,28,30,7,0,0,0,29,27,1,0,0,0,30,33,1,0,0,0,31,29,1,0,0,
        0,31,32,1,0,0,0,32,35,1,0,0,0,33,31,1,0,0,0,34,24,1,0,0,0,34,25,
        1,0,0,0,34,26,1,0,0,0,35,5,1,0,0,0,5,11,18,22,31,34
    ];

    private static __ATN: antlr.ATN;
    public static get _ATN(): antlr.ATN {
        if (!YangParser.__ATN) {
            YangParser.__ATN = new antlr.ATNDeserializer().deserialize(YangParser._serializedATN);
        }

        return YangParser.__ATN;
    }


    private static readonly vocabulary = new antlr.Vocabulary(YangParser.literalNames, YangParser.symbolicNames, []);

    public override get vocabulary(): antlr.Vocabulary {
        return YangParser.vocabulary;
    }

    private static readonly decisionsToDFA = YangParser._ATN.decisionToState.map( (ds: antlr.DecisionState, index: number) => new antlr.DFA(ds, index) );
}

export class FileContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public statement(): StatementContext {
        return this.getRuleContext(0, StatementContext)!;
    }
    public EOF(): antlr.TerminalNode {
        return this.getToken(YangParser.EOF, 0)!;
    }
    public override get ruleIndex(): number {
        return YangParser.RULE_file;
    }
}


export class StatementContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public UNQUOTED(): antlr.TerminalNode {
        return this.getToken(YangParser.UNQUOTED, 0)!;
    }
    public SEMI(): antlr.TerminalNode | null {
        return this.getToken(YangParser.SEMI, 0);
    }
    public LBRACE(): antlr.TerminalNode | null {
        return this.getToken(YangParser.LBRACE, 0);
    }
    public RBRACE(): antlr.TerminalNode | null {
        return this.getToken(YangParser.RBRACE, 0);
    }
    public argument(): ArgumentContext | null {
        return this.getRuleContext(0, ArgumentContext);
    }
    public statement(): StatementContext[];
    public statement(i: number): StatementContext | null;
    public statement(i?: number): StatementContext[] | StatementContext | null {
        if (i === undefined) {
            return this.getRuleContexts(StatementContext);
        }

        return this.getRuleContext(i, StatementContext);
    }
    public override get ruleIndex(): number {
        return YangParser.RULE_statement;
    }
}


export class ArgumentContext extends antlr.ParserRuleContext {
    public constructor(parent: antlr.ParserRuleContext | null, invokingState: number) {
        super(parent, invokingState);
    }
    public UNQUOTED(): antlr.TerminalNode | null {
        return this.getToken(YangParser.UNQUOTED, 0);
    }
    public PLUS(): antlr.TerminalNode[];
    public PLUS(i: number): antlr.TerminalNode | null;
    public PLUS(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(YangParser.PLUS);
    	} else {
    		return this.getToken(YangParser.PLUS, i);
    	}
    }
    public DQ_STRING(): antlr.TerminalNode[];
    public DQ_STRING(i: number): antlr.TerminalNode | null;
    public DQ_STRING(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(YangParser.DQ_STRING);
    	} else {
    		return this.getToken(YangParser.DQ_STRING, i);
    	}
    }
    public SQ_STRING(): antlr.TerminalNode[];
    public SQ_STRING(i: number): antlr.TerminalNode | null;
    public SQ_STRING(i?: number): antlr.TerminalNode | null | antlr.TerminalNode[] {
    	if (i === undefined) {
    		return this.getTokens(YangParser.SQ_STRING);
    	} else {
    		return this.getToken(YangParser.SQ_STRING, i);
    	}
    }
    public override get ruleIndex(): number {
        return YangParser.RULE_argument;
    }
}
