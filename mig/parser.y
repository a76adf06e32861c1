/* SPDX-License-Identifier: MIT */
/*
 * parser.y - the .defs grammar.  The actions only build the raw tree of
 * ast.h; every check is sema.c's.  Syntax errors are reported at the
 * offending token and parsing resumes at the next ';'.
 */
%code requires {
#include "ast.h"
typedef void *yyscan_t;
}

%code provides {
int mig_yylex(MIG_YYSTYPE *lval, MIG_YYLTYPE *lloc, yyscan_t scanner);
int mig_yyparse(struct mig_ctx *ctx, yyscan_t scanner);
}

%code {
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define YYLLOC_DEFAULT(Cur, Rhs, N)					\
	do {								\
		if (N)							\
			(Cur) = YYRHSLOC(Rhs, 1);			\
		else							\
			(Cur) = YYRHSLOC(Rhs, 0);			\
	} while (0)
#define YYLOCATION_PRINT(File, Loc) ((void)0)
#define YYMAXDEPTH 2000

static void
mig_yyerror(YYLTYPE *loc, struct mig_ctx *ctx, yyscan_t scanner,
	    const char *msg)
{
	(void)scanner;
	mig_front(ctx)->nsyntax++;
	if (strcmp(msg, "memory exhausted") == 0)
		msg = "input nested too deeply (parser stack exhausted)";
	mig_diag(ctx, MIG_ERROR, *loc, "M0001", "%s", msg);
}

static struct ast_flag *
add_flag(struct mig_ctx *ctx, struct ast_flag *list, int kind, bool br,
	 struct mig_loc loc)
{
	struct ast_flag *f = MIG_NEW(ctx, struct ast_flag);

	/* lists are built reversed (linear time) and put right by rev_*() */
	f->kind = (enum ast_flag_kind)kind;
	f->brackets = br;
	f->loc = loc;
	f->next = list;
	return f;
}

#define DEFINE_REV(name, T)					\
static T *							\
name(T *l)							\
{								\
	T *r = NULL, *n;					\
								\
	for (; l != NULL; l = n) {				\
		n = l->next;					\
		l->next = r;					\
		r = l;						\
	}							\
	return r;						\
}
DEFINE_REV(rev_flags, struct ast_flag)
DEFINE_REV(rev_args, struct ast_arg)
DEFINE_REV(rev_fields, struct ast_field)
DEFINE_REV(rev_clauses, struct ast_clause)

static struct ast_clause *
clause(struct mig_ctx *ctx, int kind, struct mig_loc loc, const char *type,
       const char *func, const char *arg_type)
{
	struct ast_clause *c = MIG_NEW(ctx, struct ast_clause);

	c->kind = (enum ast_clause_kind)kind;
	c->loc = loc;
	c->type = type;
	c->func = func;
	c->arg_type = arg_type;
	return c;
}

static void
add_clause(struct ast_typedecl *d, struct ast_clause *c)
{
	c->next = d->clauses;
	d->clauses = c;
}

static void
register_decl(struct mig_ctx *ctx, struct ast_typedecl *d)
{
	struct mig_front *fe = mig_front(ctx);

	*fe->decl_tail = d;
	fe->decl_tail = &d->next_decl;
}

#define yylex mig_yylex
#define yyerror mig_yyerror
}



%define api.pure full
%define api.prefix {mig_yy}
%define api.location.type {struct mig_loc}
%define parse.error custom
%locations
%lex-param {yyscan_t scanner}
%parse-param {struct mig_ctx *ctx} {yyscan_t scanner}

%union {
	const char *str;
	uint64_t num;
	struct ast_expr *expr;
	struct ast_tspec *ts;
	struct ast_ipcname ipc;
	struct ast_flag *flags;
	struct ast_field *fields;
	struct ast_typedecl *decl;
	struct ast_clause *clause;
	struct ast_arg *arg;
	struct ast_stmt *stmt;
	int ival;
}

%token <str> T_IDENT "identifier"
%token <str> T_STRING "string"
%token <str> T_FILENAME "file name"
%token <str> T_SYMTYPE "IPC type name"
%token <num> T_NUMBER "number"
%token T_SUBSYSTEM "subsystem" T_KERNELUSER "KernelUser"
%token T_KERNELSERVER "KernelServer" T_ROUTINE "routine"
%token T_SIMPLEROUTINE "simpleroutine" T_SKIP "skip" T_TYPE "type"
%token T_ARRAY "array" T_OF "of" T_STRUCT "struct" T_CSTRING "c_string"
%token T_CTYPE "ctype" T_CUSERTYPE "cusertype" T_CSERVERTYPE "cservertype"
%token T_INTRAN "intran" T_OUTTRAN "outtran" T_DESTRUCTOR "destructor"
%token T_INTRANPAYLOAD "intranpayload" T_IN "in" T_OUT "out" T_INOUT "inout"
%token T_REQUESTPORT "requestport" T_REPLYPORT "replyport"
%token T_SREPLYPORT "sreplyport" T_UREPLYPORT "ureplyport"
%token T_WAITTIME "waittime" T_NOWAITTIME "nowaittime"
%token T_MSGOPTION "msgoption" T_MSGSEQNO "msgseqno"
%token T_DEALLOC "dealloc" T_NOTDEALLOC "notdealloc"
%token T_SERVERCOPY "servercopy" T_COUNTINOUT "countinout"
%token T_ISLONG "islong" T_ISNOTLONG "isnotlong" T_RETCODE "retcode"
%token T_IMPORT "import" T_UIMPORT "uimport" T_SIMPORT "simport"
%token T_RCSID "rcsid" T_SERVERPREFIX "serverprefix"
%token T_USERPREFIX "userprefix" T_SERVERDEMUX "serverdemux"

%left '+' '-'
%left '*' '/'

%type <expr> expr
%type <ts> typespec basic varhead
%type <ipc> prim
%type <flags> flags
%type <ival> flag dir
%type <fields> fields
%type <decl> transtype
%type <clause> clause
%type <arg> arg arglist args
%type <stmt> stmt subsystem routine
%type <str> wtarg
%type <ival> submods

%%

file:
	  %empty
	| file stmt
	;

stmt:
	  ';'				{ $$ = NULL; }
	| subsystem ';'			{ $$ = $1; }
	| routine ';'			{ $$ = $1; }
	| T_SKIP ';' {
		$$ = ast_stmt(ctx, AST_SKIP, @1);
		ast_append_stmt(ctx, $$);
	}
	| T_SKIP expr ';' {
		$$ = ast_stmt(ctx, AST_SKIP, @1);
		$$->number = $2;
		ast_append_stmt(ctx, $$);
	}
	| T_TYPE T_IDENT '=' transtype ';' {
		$$ = ast_stmt(ctx, AST_TYPE, @1);
		$4->name = $2;
		$4->loc = @2;
		$4->clauses = rev_clauses($4->clauses);
		$$->type = $4;
		register_decl(ctx, $4);
		ast_append_stmt(ctx, $$);
	}
	| T_IMPORT T_FILENAME ';' {
		$$ = ast_stmt(ctx, AST_IMPORT, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| T_UIMPORT T_FILENAME ';' {
		$$ = ast_stmt(ctx, AST_UIMPORT, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| T_SIMPORT T_FILENAME ';' {
		$$ = ast_stmt(ctx, AST_SIMPORT, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| T_RCSID T_STRING ';' {
		$$ = ast_stmt(ctx, AST_RCSID, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| T_SERVERPREFIX T_IDENT ';' {
		$$ = ast_stmt(ctx, AST_SERVERPREFIX, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| T_USERPREFIX T_IDENT ';' {
		$$ = ast_stmt(ctx, AST_USERPREFIX, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| T_SERVERDEMUX T_IDENT ';' {
		$$ = ast_stmt(ctx, AST_SERVERDEMUX, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| T_WAITTIME wtarg ';' {
		$$ = ast_stmt(ctx, AST_WAITTIME, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| T_NOWAITTIME ';' {
		$$ = ast_stmt(ctx, AST_NOWAITTIME, @1);
		ast_append_stmt(ctx, $$);
	}
	| T_MSGOPTION wtarg ';' {
		$$ = ast_stmt(ctx, AST_MSGOPTION, @1);
		$$->name = $2; $$->name_loc = @2;
		ast_append_stmt(ctx, $$);
	}
	| error ';'			{ $$ = NULL; yyerrok; }
	;

wtarg:
	  T_IDENT			{ $$ = $1; }
	| T_NUMBER			{ $$ = mig_printf(ctx, "%llu", (unsigned long long)$1); }
	| T_STRING {
		size_t n = strlen($1);
		$$ = mig_strndup(ctx, $1 + 1, n >= 2 ? n - 2 : 0);
	}
	;

subsystem:
	  T_SUBSYSTEM submods T_IDENT expr {
		$$ = ast_stmt(ctx, AST_SUBSYSTEM, @1);
		$$->kernel_user = ($2 & 1) != 0;
		$$->kernel_server = ($2 & 2) != 0;
		$$->name = $3; $$->name_loc = @3;
		$$->number = $4;
		ast_append_stmt(ctx, $$);
	}
	;

submods:
	  %empty			{ $$ = 0; }
	| submods T_KERNELUSER		{ $$ = $1 | 1; }
	| submods T_KERNELSERVER	{ $$ = $1 | 2; }
	;

routine:
	  T_ROUTINE T_IDENT args {
		$$ = ast_stmt(ctx, AST_ROUTINE, @1);
		$$->name = $2; $$->name_loc = @2;
		$$->args = $3;
		ast_append_stmt(ctx, $$);
	}
	| T_SIMPLEROUTINE T_IDENT args {
		$$ = ast_stmt(ctx, AST_SIMPLEROUTINE, @1);
		$$->name = $2; $$->name_loc = @2;
		$$->args = $3;
		ast_append_stmt(ctx, $$);
	}
	;

args:
	  '(' ')'			{ $$ = NULL; }
	| '(' arglist ')'		{ $$ = rev_args($2); }
	| '(' arglist ';' ')'		{ $$ = rev_args($2); }
	;

arglist:
	  arg				{ $$ = $1; }
	| arglist ';' arg {
		$3->next = $1;
		$$ = $3;
	}
	;

arg:
	  dir T_IDENT ':' T_IDENT flags {
		$$ = MIG_NEW(ctx, struct ast_arg);
		$$->dir = (enum ast_dir)$1;
		$$->dir_loc = @1;
		$$->name = $2; $$->loc = @2;
		$$->type_name = $4; $$->type_loc = @4;
		$$->flags = rev_flags($5);
	}
	| dir T_IDENT ':' T_IDENT '=' transtype flags {
		$$ = MIG_NEW(ctx, struct ast_arg);
		$$->dir = (enum ast_dir)$1;
		$$->dir_loc = @1;
		$$->name = $2; $$->loc = @2;
		$$->type_name = $4; $$->type_loc = @4;
		$6->name = $4;
		$6->loc = @4;
		$6->clauses = rev_clauses($6->clauses);
		$$->decl = $6;
		$$->flags = rev_flags($7);
	}
	;

dir:
	  %empty			{ $$ = AST_DIR_NONE; }
	| T_IN				{ $$ = AST_DIR_IN; }
	| T_OUT				{ $$ = AST_DIR_OUT; }
	| T_INOUT			{ $$ = AST_DIR_INOUT; }
	| T_REQUESTPORT			{ $$ = AST_DIR_REQUESTPORT; }
	| T_REPLYPORT			{ $$ = AST_DIR_REPLYPORT; }
	| T_SREPLYPORT			{ $$ = AST_DIR_SREPLYPORT; }
	| T_UREPLYPORT			{ $$ = AST_DIR_UREPLYPORT; }
	| T_WAITTIME			{ $$ = AST_DIR_WAITTIME; }
	| T_MSGOPTION			{ $$ = AST_DIR_MSGOPTION; }
	| T_MSGSEQNO			{ $$ = AST_DIR_MSGSEQNO; }
	;

flags:
	  %empty			{ $$ = NULL; }
	| flags ',' flag		{ $$ = add_flag(ctx, $1, $3, false, @3); }
	| flags ',' flag '[' ']'	{ $$ = add_flag(ctx, $1, $3, true, @3); }
	;

flag:
	  T_DEALLOC			{ $$ = AST_FL_DEALLOC; }
	| T_NOTDEALLOC			{ $$ = AST_FL_NOTDEALLOC; }
	| T_SERVERCOPY			{ $$ = AST_FL_SERVERCOPY; }
	| T_COUNTINOUT			{ $$ = AST_FL_COUNTINOUT; }
	| T_ISLONG			{ $$ = AST_FL_ISLONG; }
	| T_ISNOTLONG			{ $$ = AST_FL_ISNOTLONG; }
	| T_RETCODE			{ $$ = AST_FL_RETCODE; }
	;

transtype:
	  typespec			{ $$ = ast_typedecl(ctx, NULL, @1, $1); }
	| transtype clause		{ add_clause($1, $2); $$ = $1; }
	;

clause:
	  T_CTYPE ':' T_IDENT		{ $$ = clause(ctx, AST_CL_CTYPE, @1, $3, NULL, NULL); }
	| T_CUSERTYPE ':' T_IDENT	{ $$ = clause(ctx, AST_CL_CUSERTYPE, @1, $3, NULL, NULL); }
	| T_CSERVERTYPE ':' T_IDENT	{ $$ = clause(ctx, AST_CL_CSERVERTYPE, @1, $3, NULL, NULL); }
	| T_INTRAN ':' T_IDENT T_IDENT '(' T_IDENT ')'
		{ $$ = clause(ctx, AST_CL_INTRAN, @1, $3, $4, $6); }
	| T_OUTTRAN ':' T_IDENT T_IDENT '(' T_IDENT ')'
		{ $$ = clause(ctx, AST_CL_OUTTRAN, @1, $3, $4, $6); }
	| T_DESTRUCTOR ':' T_IDENT '(' T_IDENT ')'
		{ $$ = clause(ctx, AST_CL_DESTRUCTOR, @1, NULL, $3, $5); }
	| T_INTRANPAYLOAD ':' T_IDENT T_IDENT
		{ $$ = clause(ctx, AST_CL_INTRANPAYLOAD, @1, $3, $4, NULL); }
	;

typespec:
	  basic				{ $$ = $1; }
	| T_IDENT {
		$$ = ast_tspec(ctx, AST_TS_NAME, @1);
		$$->name = $1;
	}
	| T_ARRAY '[' expr ']' T_OF typespec {
		$$ = ast_tspec(ctx, AST_TS_ARRAY, @1);
		$$->count = $3;
		$$->elem = $6;
	}
	| varhead T_OF typespec		{ $$ = $1; $$->elem = $3; }
	| '^' typespec {
		$$ = ast_tspec(ctx, AST_TS_OOL, @1);
		$$->elem = $2;
	}
	| T_STRUCT '[' expr ']' T_OF typespec {
		$$ = ast_tspec(ctx, AST_TS_STRUCT, @1);
		$$->count = $3;
		$$->elem = $6;
	}
	| T_STRUCT '{' fields '}' {
		$$ = ast_tspec(ctx, AST_TS_CSTRUCT, @1);
		$$->fields = rev_fields($3);
	}
	| T_CSTRING '[' expr ']' {
		$$ = ast_tspec(ctx, AST_TS_CSTRING, @1);
		$$->count = $3;
	}
	| T_CSTRING '[' '*' ':' expr ']' {
		$$ = ast_tspec(ctx, AST_TS_CSTRING, @1);
		$$->count = $5;
		$$->variable = true;
	}
	;

varhead:
	  T_ARRAY '[' ']'		{ $$ = ast_tspec(ctx, AST_TS_VARARRAY, @1); }
	| T_ARRAY '[' '*' ']'		{ $$ = ast_tspec(ctx, AST_TS_VARARRAY, @1); }
	| T_ARRAY '[' '*' ':' expr ']' {
		$$ = ast_tspec(ctx, AST_TS_VARARRAY, @1);
		$$->count = $5;
	}
	;

fields:
	  %empty			{ $$ = NULL; }
	| fields T_IDENT T_IDENT ';' {
		struct ast_field *f = MIG_NEW(ctx, struct ast_field);

		f->type_name = $2; f->type_loc = @2;
		f->name = $3; f->loc = @3;
		f->next = $1;
		$$ = f;
	}
	;

basic:
	  prim {
		$$ = ast_tspec(ctx, AST_TS_BASIC, @1);
		$$->in = $1;
	}
	| prim '|' prim {
		$$ = ast_tspec(ctx, AST_TS_BASIC, @1);
		$$->in = $1;
		$$->out = $3;
		$$->has_out = true;
	}
	| '(' prim ',' expr flags ')' {
		$$ = ast_tspec(ctx, AST_TS_BASIC, @2);
		$$->in = $2;
		$$->size = $4;
		$$->flags = rev_flags($5);
	}
	| '(' prim '|' prim ',' expr flags ')' {
		$$ = ast_tspec(ctx, AST_TS_BASIC, @2);
		$$->in = $2;
		$$->out = $4;
		$$->has_out = true;
		$$->size = $6;
		$$->flags = rev_flags($7);
	}
	;

prim:
	  T_SYMTYPE {
		memset(&$$, 0, sizeof($$));
		$$.symbol = $1;
		$$.loc = @1;
	}
	| T_NUMBER {
		memset(&$$, 0, sizeof($$));
		$$.number = ast_num(ctx, @1, $1);
		$$.loc = @1;
	}
	;

expr:
	  T_NUMBER			{ $$ = ast_num(ctx, @1, $1); }
	| '(' expr ')'			{ $$ = $2; }
	| expr '+' expr			{ $$ = ast_binop(ctx, @2, '+', $1, $3); }
	| expr '-' expr			{ $$ = ast_binop(ctx, @2, '-', $1, $3); }
	| expr '*' expr			{ $$ = ast_binop(ctx, @2, '*', $1, $3); }
	| expr '/' expr			{ $$ = ast_binop(ctx, @2, '/', $1, $3); }
	;

%%

/* "syntax error: unexpected 'routine', expected identifier or ';'":
 * keywords quoted, token classes (identifier, number...) as words. */
static void
put_symbol(FILE *f, yysymbol_kind_t k)
{
	if (k >= YYSYMBOL_T_SUBSYSTEM && k <= YYSYMBOL_T_SERVERDEMUX)
		fprintf(f, "'%s'", yysymbol_name(k));	/* a keyword */
	else
		fputs(yysymbol_name(k), f);	/* identifier, ';', ... */
}

static int
yyreport_syntax_error(const yypcontext_t *pctx, struct mig_ctx *ctx,
		      yyscan_t scanner)
{
	enum { MAXEXP = 6 };
	yysymbol_kind_t expected[MAXEXP];
	yysymbol_kind_t tok = yypcontext_token(pctx);
	int n = yypcontext_expected_tokens(pctx, expected, MAXEXP), i;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)scanner;
	if (f == NULL)
		return YYENOMEM;
	fputs("syntax error", f);
	if (tok != YYSYMBOL_YYEMPTY) {
		fputs(": unexpected ", f);
		put_symbol(f, tok);
	}
	if (n > 0) {
		fputs(tok != YYSYMBOL_YYEMPTY ? ", expected " : ": expected ", f);
		for (i = 0; i < n; i++) {
			if (i)
				fputs(i + 1 == n ? " or " : ", ", f);
			put_symbol(f, expected[i]);
		}
	}
	fclose(f);
	mig_front(ctx)->nsyntax++;
	mig_diag(ctx, MIG_ERROR, *yypcontext_location(pctx), "M0001", "%s", text);
	free(text);
	return 0;
}
