// Generated from grammar/YangLexer.g4 by ANTLR 4.13.1

import * as antlr from "antlr4ng";
import { Token } from "antlr4ng";


export class YangLexer extends antlr.Lexer {
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

    public static readonly channelNames = [
        "DEFAULT_TOKEN_CHANNEL", "HIDDEN"
    ];

    public static readonly literalNames = [
        null, "';'", "'{'", "'}'", "'+'"
    ];

    public static readonly symbolicNames = [
        null, "SEMI", "LBRACE", "RBRACE", "PLUS", "WS", "LINE_COMMENT", 
        "BLOCK_COMMENT", "DQ_STRING", "SQ_STRING", "UNQUOTED", "UNTERMINATED_STRING", 
        "UNTERMINATED_COMMENT"
    ];

    public static readonly modeNames = [
        "DEFAULT_MODE",
    ];

    public static readonly ruleNames = [
        "SEMI", "LBRACE", "RBRACE", "PLUS", "WS", "LINE_COMMENT", "BLOCK_COMMENT", 
        "DQ_STRING", "SQ_STRING", "UNQUOTED", "UNTERMINATED_STRING", "UNTERMINATED_COMMENT",
    ];


    public constructor(input: antlr.CharStream) {
        super(input);
        this.interpreter = new antlr.LexerATNSimulator(this, YangLexer._ATN, YangLexer.decisionsToDFA, new antlr.PredictionContextCache());
    }

    public get grammarFileName(): string { return "YangLexer.g4"; }

    public get literalNames(): (string | null)[] { return YangLexer.literalNames; }
    public get symbolicNames(): (string | null)[] { return YangLexer.symbolicNames; }
    public get ruleNames(): string[] { return YangLexer.ruleNames; }

    public get serializedATN(): number[] { return YangLexer._serializedATN; }

    public get channelNames(): string[] { return YangLexer.channelNames; }

    public get modeNames(): string[] { return YangLexer.modeNames; }

    public override sempred(localContext: antlr.ParserRuleContext | null, ruleIndex: number, predIndex: number): boolean {
        switch (ruleIndex) {
        case 9:
            return this.UNQUOTED_sempred(localContext, predIndex);
        }
        return true;
    }
    private UNQUOTED_sempred(localContext: antlr.ParserRuleContext | null, predIndex: number): boolean {
        switch (predIndex) {
        case 0:
            return this.inputStream.LA(1) !== 0x2F && this.inputStream.LA(1) !== 0x2A;
        }
        return true;
    }

    public static readonly _serializedATN: number[] = [
        4,0,12,134,6,-1,2,0,7,0,2,1,7,1,2,2,7,2,2,3,7,3,2,4,7,4,2,5,7,5,
        2,6,7,6,2,7,7,7,2,8,7,8,2,9,7,9,2,10,7,10,2,11,7,11,1,0,1,0,1,1,
        1,1,1,2,1,2,1,3,1,3,1,4,4,4,35,8,4,11,4,12,4,36,1,4,1,4,1,5,1,5,
        1,5,1,5,5,5,45,8,5,10,5,12,5,48,9,5,1,5,1,5,1,6,1,6,1,6,1,6,5,6,
        56,8,6,10,6,12,6,59,9,6,1,6,1,6,1,6,1,6,1,6,1,7,1,7,1,7,1,7,5,7,
        70,8,7,10,7,12,7,73,9,7,1,7,1,7,1,8,1,8,5,8,79,8,8,10,8,12,8,82,
        9,8,1,8,1,8,1,9,1,9,1,9,4,9,89,8,9,11,9,12,9,90,1,10,1,10,1,10,1,
        10,5,10,97,8,10,10,10,12,10,100,9,10,1,10,3,10,103,8,10,1,10,1,10,
        5,10,107,8,10,10,10,12,10,110,9,10,3,10,112,8,10,1,11,1,11,1,11,
        1,11,1,11,4,11,119,8,11,11,11,12,11,120,1,11,5,11,124,8,11,10,11,
        12,11,127,9,11,1,11,5,11,130,8,11,10,11,12,11,133,9,11,1,57,0,12,
        1,1,3,2,5,3,7,4,9,5,11,6,13,7,15,8,17,9,19,10,21,11,23,12,1,0,7,
        3,0,9,10,13,13,32,32,2,0,10,10,13,13,2,0,34,34,92,92,1,0,39,39,9,
        0,9,10,13,13,32,32,34,34,39,39,47,47,59,59,123,123,125,125,1,0,42,
        42,2,0,42,42,47,47,150,0,1,1,0,0,0,0,3,1,0,0,0,0,5,1,0,0,0,0,7,1,
        0,0,0,0,9,1,0,0,0,0,11,1,0,0,0,0,13,1,0,0,0,0,15,1,0,0,0,0,17,1,
        0,0,0,0,19,1,0,0,0,0,21,1,0,0,0,0,23,1,0,0,0,1,25,1,0,0,0,3,27,1,
        0,0,0,5,29,1,0,0,0,7,31,1,0,0,0,9,34,1,0,0,0,11,40,1,0,0,0,13,51,
        1,0,0,0,15,65,1,0,0,0,17,76,1,0,0,0,19,88,1,0,0,0,21,111,1,0,0,0,
        23,113,1,0,0,0,25,26,5,59,0,0,26,2,1,0,0,0,27,28,5,123,0,0,28,4,
        1,0,0,0,29,30,5,125,0,0,30,6,1,0,0,0,31,32,5,43,0,0,32,8,1,0,0,0,
        33,35,7,0,0,0,34,33,1,0,0,0,35,36,1,0,0,0,36,34,1,0,0,0,36,37,1,
        0,0,0,37,38,1,0,0,0,38,39,6,4,0,0,39,10,1,0,0,0,40,41,5,47,0,0,41,
        42,5,47,0,0,42,46,1,0,0,0,43,45,8,1,0,0,44,43,1,0,0,0,45,48,1,0,
        0,0,46,44,1,0,0,0,46,47,1,0,0,0,47,49,1,0,0,0,48,46,1,0,0,0,49,50,
        6,5,0,0,50,12,1,0,0,0,51,52,5,47,0,0,52,53,5,42,0,0,53,57,1,0,0,
        0,54,56,9,0,0,0,55,54,1,0,0,0,56,59,1,0,0,0,57,58,1,0,0,0,57,55,
        1,0,0,0,58,60,1,0,0,0,59,57,1,0,0,0,60,61,5,42,0,0,61,62,5,47,0,
        0,62,63,1,0,0,0,63,64,6,6,0,0,64,14,1,0,0,0,65,71,5,34,0,0,66,67,
        5,92,0,0,67,70,9,0,0,0,68,70,8,2,0,0,69,66,1,0,0,0,69,68,1,0,0,0,
        70,73,1,0,0,0,71,69,1,0,0,0,71,72,1,0,0,0,72,74,1,0,0,0,73,71,1,
        0,0,0,74,75,5,34,0,0,75,16,1,0,0,0,76,80,5,39,0,0,77,79,8,3,0,0,
        78,77,1,0,0,0,79,82,1,0,0,0,80,78,1,0,0,0,80,81,1,0,0,0,81,83,1,
        0,0,0,82,80,1,0,0,0,83,84,5,39,0,0,84,18,1,0,0,0,85,89,8,4,0,0,86,
        87,5,47,0,0,87,89,4,9,0,0,88,85,1,0,0,0,88,86,1,0,0,0,89,90,1,0,
        0,0,90,88,1,0,0,0,90,91,1,0,0,0,91,20,1,0,0,0,92,98,5,34,0,0,93,
        94,5,92,0,0,94,97,9,0,0,0,95,97,8,2,0,0,96,93,1,0,0,0,96,95,1,0,
        0,0,97,100,1,0,0,0,98,96,1,0,0,0,98,99,1,0,0,0,99,102,1,0,0,0,100,
        98,1,0,0,0,101,103,5,92,0,0,102,101,1,0,0,0,102,103,1,0,0,0,103,
        112,1,0,0,0,104,108,5,39,0,0,105,107,8,3,0,0,106,105,1,0,0,0,107,
        110,1,0,0,0,108,106,1,0,0,0,108,109,1,0,0,0,109,112,1,0,0,0,110,
        108,1,0,0,0,111,92,1,0,0,0,111,104,1,0,0,0,112,22,1,0,0,0,113,114,
        5,47,0,0,114,115,5,42,0,0,115,125,1,0,0,0,116,124,8,5,0,0,117,119,
        5,42,0,0,118,117,1,0,0,0,119,120,1,0,0,0,120,118,1,0,0,0,120,121,
        1,0,0,0,121,122,1,0,0,0,122,124,8,6,0,0,123,116,1,0,0,0,123,118,
        1,0,0,0,124,127,1,0,0,0,125,123,1,0,0,0,125,126,1,0,0,0,126,131,
        1,0,0,0,127,125,1,0,0,0,128,130,5,42,0,0,129,128,1,0,0,0,130,133,
        1,0,0,0,131,129,1,0,0,0,131,132,1,0,0,0,132,24,1,0,0,0,133,131,1,
        0,0,0,18,0,36,46,57,69,71,80,88,90,96,98,102,108,111,120,123,125,
        131,1,6,0,0
    ];

    private static __ATN: antlr.ATN;
    public static get _ATN(): antlr.ATN {
        if (!YangLexer.__ATN) {
            YangLexer.__ATN = new antlr.ATNDeserializer().deserialize(YangLexer._serializedATN);
        }

        return YangLexer.__ATN;
    }


    private static readonly vocabulary = new antlr.Vocabulary(YangLexer.literalNames, YangLexer.symbolicNames, []);

    public override get vocabulary(): antlr.Vocabulary {
        return YangLexer.vocabulary;
    }

    private static readonly decisionsToDFA = YangLexer._ATN.decisionToState.map( (ds: antlr.DecisionState, index: number) => new antlr.DFA(ds, index) );
}