import { parse, parseExpressionAt, type Node, type Options } from 'acorn';
import { transform } from 'sucrase';

// User code is read by a parser before anything runs: the checks here work on syntax alone, so an
// untrusted flow's code can be checked without evaluating it, and trusted code is instrumented
// so an endless loop ends as an error of the node that ran it instead of hanging the worker.

/** Names the instrumentation uses; user code may not declare or read them. */
const RESERVED_PREFIX = '__tm_';
export const LOOP_COUNTER = '__tm_loops';
export const HALT = '__tm_halt';
/** Loop iterations and function calls one run of user code may make (a handler call, a template fill). */
export const MAX_ITERATIONS = 10_000_000;

const GUARD = `++${LOOP_COUNTER}>${MAX_ITERATIONS}&&${HALT}()`;

/** Code that parses but is refused; its message says what and where. */
class SourceProblem extends Error {}

// "use strict" so the parser rejects what strict evaluation would (with, octal literals); on line 1, so line numbers hold.
const STRICT = '"use strict";';

// preserveParens: a template's `({ a: 1 })` ends at its closing parenthesis.
const OPTIONS: Options = {
  ecmaVersion: 'latest',
  sourceType: 'script',
  allowReturnOutsideFunction: true,
  preserveParens: true,
};

interface AcornSyntaxError extends SyntaxError {
  pos?: number;
  loc?: { line: number; column: number };
}

/**
 * A parser's "(line:column)" as the person's own source counts them: `offset` characters of prefix
 * on line 1 removed, columns from 1 (acorn counts them from 0, sucrase from 1).
 */
function syntaxProblem(error: unknown, offset: number, firstColumn: 0 | 1): SourceProblem {
  // Both parsers recurse: code nested thousands deep overflows their stack.
  if (error instanceof RangeError) return new SourceProblem('the code nests too deeply to be read');
  const e = error as AcornSyntaxError;
  if (!(e instanceof SyntaxError) || !e.loc) throw error;
  const column = (e.loc.line === 1 ? e.loc.column - offset : e.loc.column) + 1 - firstColumn;
  return new SourceProblem(
    `SyntaxError: ${e.message.replace(/\s*\(\d+:\d+\)$/, '')} (line ${e.loc.line}, column ${column})`,
  );
}

type AnyNode = Node & Record<string, unknown>;

function isNode(value: unknown): value is AnyNode {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

interface Visit {
  readonly node: AnyNode;
  readonly parent: AnyNode | undefined;
  /** The parent's property that holds the node. */
  readonly key: string;
}

/** Every node under `root`, parents before children, without recursion (a deeply nested program must not overflow the checker). */
function* nodesOf(root: Node): Generator<Visit> {
  const stack: Visit[] = [{ node: root as AnyNode, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    yield visit;
    const node = visit.node;
    for (const key in node) {
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) stack.push({ node: item, parent: node, key });
      } else if (isNode(value)) stack.push({ node: value, parent: node, key });
    }
  }
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const KEYED = new Set(['Property', 'MethodDefinition', 'PropertyDefinition']);
const LABELLED = new Set(['LabeledStatement', 'BreakStatement', 'ContinueStatement']);

/** Whether an identifier names a variable there (not a property key, a label, or the operand of typeof, which tolerates undeclared names). */
function readsVariable({ parent, key }: Visit): boolean {
  if (!parent) return true;
  if (parent.type === 'MemberExpression') return key !== 'property' || parent.computed === true;
  if (KEYED.has(parent.type)) return key !== 'key' || parent.computed === true;
  if (LABELLED.has(parent.type)) return false;
  return !(parent.type === 'UnaryExpression' && parent.operator === 'typeof');
}

/** Names a pattern binds (`a`, `{ b, c: d }`, `[e = 1, ...f]`). */
function bindingsOf(pattern: AnyNode | null | undefined, into: Set<string>): void {
  const stack = pattern ? [pattern] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'Identifier':
        into.add(node.name as string);
        break;
      case 'ObjectPattern':
        for (const p of node.properties as AnyNode[]) stack.push(p.type === 'RestElement' ? p : (p.value as AnyNode));
        break;
      case 'ArrayPattern':
        for (const element of node.elements as (AnyNode | null)[]) if (element) stack.push(element);
        break;
      case 'AssignmentPattern':
        stack.push(node.left as AnyNode);
        break;
      case 'RestElement':
        stack.push(node.argument as AnyNode);
        break;
    }
  }
}

/** Every name the code binds anywhere: variables, functions, classes, parameters, caught errors. */
function declaredAnywhere({ node }: Visit, into: Set<string>): void {
  if (node.type === 'VariableDeclarator') bindingsOf(node.id as AnyNode, into);
  else if (FUNCTIONS.has(node.type) || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
    bindingsOf(node.id as AnyNode | null, into);
    for (const param of (node.params as AnyNode[] | undefined) ?? []) bindingsOf(param, into);
  } else if (node.type === 'CatchClause') bindingsOf(node.param as AnyNode | null, into);
}

interface Insertion {
  readonly at: number;
  readonly text: string;
  /** Ends what an opening insertion began: at one position, closers go innermost first. */
  readonly closes?: true;
}

/**
 * Refuses what the sandbox cannot bound (async code runs after its step), names a variable the code
 * never declares and the sandbox does not offer (its scope would read it as undefined, not throw),
 * and collects where the loop guards go.
 */
function check(root: Node, globals: ReadonlySet<string>, where: (node: Node) => string): Insertion[] {
  const insertions: Insertion[] = [];
  const declared = new Set<string>(['arguments']);
  const read: Visit[] = [];
  for (const visit of nodesOf(root)) {
    const node = visit.node;
    if (node.type === 'Identifier') {
      const name = node.name as string;
      if (name.startsWith(RESERVED_PREFIX))
        throw new SourceProblem(`names starting with ${RESERVED_PREFIX} are reserved${where(node)}`);
      if (readsVariable(visit)) read.push(visit);
    }
    if (
      node.async === true ||
      node.type === 'AwaitExpression' ||
      (node.type === 'ForOfStatement' && node.await === true)
    )
      throw new SourceProblem(
        `async code is not allowed: user code runs to completion within its step (no async, await or promises)${where(node)}`,
      );
    if (node.type === 'ImportExpression' || (node.type === 'MetaProperty' && (node.meta as AnyNode).name === 'import'))
      throw new SourceProblem(`import is not allowed${where(node)}`);
    declaredAnywhere(visit, declared);
    if (LOOPS.has(node.type) || FUNCTIONS.has(node.type)) insertions.push(...guard(node.body as AnyNode));
  }
  const undeclared = read
    .map((v) => v.node)
    .find((n) => !declared.has(n.name as string) && !globals.has(n.name as string));
  if (undeclared)
    throw new SourceProblem(`ReferenceError: ${undeclared.name as string} is not defined${where(undeclared)}`);
  return insertions;
}

/** The guard at the start of a loop's or function's body; an expression body becomes a comma expression. */
function guard(body: AnyNode): Insertion[] {
  if (body.type === 'BlockStatement') return [{ at: body.start + 1, text: `${GUARD};` }];
  if (body.type.endsWith('Statement') || body.type.endsWith('Declaration'))
    return [
      { at: body.start, text: `{${GUARD};` },
      { at: body.end, text: '}', closes: true },
    ];
  return [
    { at: body.start, text: `(${GUARD},` },
    { at: body.end, text: ')', closes: true },
  ];
}

function splice(source: string, insertions: readonly Insertion[], offset: number): string {
  // Nodes are found outer first: at one position, closers go inner first, then openers outer first.
  const rank = (ins: Insertion & { order: number }) => (ins.closes ? -ins.order : insertions.length + ins.order);
  const sorted = insertions.map((ins, order) => ({ ...ins, order })).sort((a, b) => a.at - b.at || rank(a) - rank(b));
  let out = '';
  let from = 0;
  for (const { at, text } of sorted) {
    const local = at - offset;
    out += source.slice(from, local) + text;
    from = local;
  }
  return out + source.slice(from);
}

/** A checked program: its guarded text and the names it declares at its top level. */
export interface CheckedProgram {
  readonly code: string;
  readonly declared: ReadonlySet<string>;
}

/**
 * Strips the types of a TypeScript source and parses it as a function body whose free names may be
 * `globals`; throws SourceProblem, with the line, for what is refused.
 */
export function checkProgram(source: string, globals: ReadonlySet<string>): CheckedProgram {
  let js: string;
  let program: Node;
  try {
    js = stripTypes(source);
  } catch (error) {
    throw syntaxProblem(error, 0, 1);
  }
  try {
    program = parse(STRICT + js, OPTIONS);
  } catch (error) {
    throw syntaxProblem(error, STRICT.length, 0);
  }
  const line = (node: Node) => ` (line ${js.slice(0, node.start - STRICT.length).split('\n').length})`;
  const insertions = check(program, globals, line);
  return { code: splice(js, insertions, STRICT.length), declared: topLevelNames(program) };
}

/** Parses one expression (a payload template's `{{ … }}`) over the names in scope; anything after it is refused. */
export function checkExpression(js: string, inScope: ReadonlySet<string>): string {
  let expression: Node;
  try {
    expression = parseExpressionAt(STRICT + js, STRICT.length, OPTIONS);
  } catch (error) {
    throw syntaxProblem(error, STRICT.length, 0);
  }
  const end = expression.end - STRICT.length;
  if (js.slice(end).trim() !== '')
    throw new SourceProblem(`SyntaxError: only one expression is allowed, found more after character ${end}`);
  return splice(
    js.slice(0, end),
    check(expression, inScope, () => ''),
    STRICT.length,
  );
}

function topLevelNames(program: Node): Set<string> {
  const names = new Set<string>();
  for (const statement of (program as AnyNode).body as AnyNode[]) {
    if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && isNode(statement.id))
      names.add(statement.id.name as string);
    if (statement.type === 'VariableDeclaration')
      for (const declarator of statement.declarations as AnyNode[])
        if (isNode(declarator.id) && declarator.id.type === 'Identifier') names.add(declarator.id.name as string);
  }
  return names;
}

/** Strips TypeScript types (no type check: that is the editor's job) and returns plain JavaScript. */
export function stripTypes(source: string): string {
  return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
}
