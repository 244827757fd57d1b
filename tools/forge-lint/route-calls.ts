// Lets @forge/lint see the app's product calls. Its scope check only recognises a call written out as
// requestJira(route`...`, { method: 'POST' }), but the app sends every request through its request layer
// (layer.json(route`/rest/api/3/field`, {...}) in src/jira), which the linter would skip without a word.
// So each route`...` passed first to any other call is also shown to the linters as requestJira(route`...`, options).
import type { ESTreeSimpleTraverseOptions, LintInput } from '@forge/lint';

type Node = Parameters<ESTreeSimpleTraverseOptions['enter']>[0];

const PRODUCT_CALL = /request(Jira|Confluence|Bitbucket)/;

/** The same parsed file, whose traversal also visits one synthetic product call per route`...` argument. */
export function withRouteCalls(input: LintInput): LintInput {
  const ast = input.ast;
  if (!ast) return input;
  return {
    ...input,
    ast: {
      parsed: ast.parsed,
      traverse: (options) =>
        ast.traverse({
          enter: (node, parent) => {
            options.enter(node, parent);
            const call = productCallFor(node, parent);
            if (call) options.enter(call, undefined);
          },
        }),
    },
  };
}

/** requestJira(route`...`, options) for `anything(route`...`, options)`; undefined when the linter already sees it. */
export function productCallFor(node: Node, parent: Node | undefined): Node | undefined {
  if (
    node.type !== 'TaggedTemplateExpression' ||
    node.tag.type !== 'Identifier' ||
    node.tag.name !== 'route'
  ) {
    return undefined;
  }
  if (parent?.type !== 'CallExpression' || parent.arguments[0] !== node) return undefined;
  const options = parent.arguments[1];
  const literalOptions = options?.type === 'ObjectExpression' ? options : undefined;
  // @forge/lint reads requestJira(route`...`) itself, unless its options are not an object literal.
  if (PRODUCT_CALL.test(calleeName(parent.callee)) && (options === undefined || literalOptions))
    return undefined;
  return {
    ...parent,
    callee: { ...node.tag, name: productMethodFor(node.quasi.quasis[0]?.value.cooked ?? '') },
    // Without literal options the method is unknown; the linter then checks the call as a GET.
    arguments: literalOptions ? [node, literalOptions] : [node],
  };
}

function calleeName(callee: Node): string {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier')
    return callee.property.name;
  return '';
}

// route`...` serves every product; the path says which one (Confluence lives under /wiki, Bitbucket under /2.0).
function productMethodFor(pathStart: string): string {
  if (pathStart.startsWith('/wiki/')) return 'requestConfluence';
  if (pathStart.startsWith('/2.0/')) return 'requestBitbucket';
  return 'requestJira';
}
