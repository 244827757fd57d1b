// The subset of JQL the app sends, parsed into a query the local server can answer:
// `project = A` / `project in (A, B)`, `issuekey = K` / `issuekey in (...)`, `updated|created <op> "YYYY-MM-DD[ HH:mm]"`,
// joined by AND, then `ORDER BY key|created|updated [ASC|DESC], ...`. Anything else is refused with a 400,
// so a client that drifts from what it is tested with finds out here rather than against a real site.
import { badRequest } from './reply';

export type DateField = 'created' | 'updated';
export type DateOperator = '>=' | '>' | '<=' | '<';
export type OrderField = 'key' | 'created' | 'updated';

export interface JqlQuery {
  /** One list per `project` clause; clauses are ANDed, so an issue must be in every list. */
  projectClauses: string[][];
  /** One list per `issuekey` clause. */
  issueKeyClauses: string[][];
  dateBounds: { field: DateField; operator: DateOperator; at: number }[];
  orderBy: { field: OrderField; direction: 'ASC' | 'DESC' }[];
  /** A date bound is relative to now ("-90m"): the same text matches differently as time passes. */
  relative: boolean;
}

type Token =
  | { type: 'word'; text: string; position: number }
  | { type: 'string'; text: string; position: number }
  | { type: 'symbol'; text: string; position: number };

const SUPPORTED =
  'the local Jira server supports `project = X`, `project in (X, Y)`, `issuekey = K`, `issuekey in (K1, K2)`, ' +
  '`created|updated >=|>|<=|< "YYYY-MM-DD"` joined by AND, and `ORDER BY key|created|updated [ASC|DESC]`';

function unsupported(what: string): never {
  badRequest(`The JQL query is not supported here: ${what} (${SUPPORTED}).`);
}

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      // A backslash escapes the next character (`"a \"quoted\" name"`), as in JQL.
      let end = i + 1;
      let text = '';
      while (end < jql.length && jql.charAt(end) !== c) {
        if (jql.charAt(end) === '\\' && end + 1 < jql.length) end += 1;
        text += jql.charAt(end);
        end += 1;
      }
      if (end >= jql.length) {
        badRequest(`Error in the JQL Query: The quoted string starting at character ${i + 1} is not closed.`);
      }
      tokens.push({ type: 'string', text, position: i + 1 });
      i = end + 1;
    } else if ('(),'.includes(c)) {
      tokens.push({ type: 'symbol', text: c, position: i + 1 });
      i += 1;
    } else if ('<>=!~'.includes(c)) {
      const two = jql.slice(i, i + 2);
      const text = ['>=', '<=', '!=', '!~'].includes(two) ? two : c;
      tokens.push({ type: 'symbol', text, position: i + 1 });
      i += text.length;
    } else {
      const match = /^[^\s(),<>=!~"']+/.exec(jql.slice(i));
      const text = match?.[0] ?? c;
      tokens.push({ type: 'word', text, position: i + 1 });
      i += text.length;
    }
  }
  return tokens;
}

const RELATIVE_UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * "YYYY-MM-DD", "YYYY/MM/DD", optionally followed by " HH:mm", read as UTC; or a time relative to now, as Jira
 * reads "-90m", "-4h", "-2d", "-1w" (no time zone involved, which is why the sync asks with it).
 */
function parseJqlDate(text: string, now: number): number {
  const relative = /^-(\d+)\s*([mhdw])$/.exec(text.trim());
  if (relative) return now - Number(relative[1]) * (RELATIVE_UNIT_MS[relative[2] as string] as number);
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (!match) unsupported(`the date value '${text}'`);
  const [, y, m, d, hh, mm] = match;
  return Date.UTC(Number(y), Number(m) - 1, Number(d), Number(hh ?? 0), Number(mm ?? 0));
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.at];
  }

  next(): Token | undefined {
    const token = this.tokens[this.at];
    this.at += 1;
    return token;
  }

  isKeyword(token: Token | undefined, word: string): boolean {
    return token?.type === 'word' && token.text.toUpperCase() === word;
  }

  expectSymbol(symbol: string): void {
    const token = this.next();
    if (token?.type !== 'symbol' || token.text !== symbol) {
      badRequest(
        `Error in the JQL Query: Expecting '${symbol}' but got '${token?.text ?? 'the end of the query'}'.`,
      );
    }
  }

  value(): string {
    const token = this.next();
    if (!token || token.type === 'symbol') {
      badRequest(
        `Error in the JQL Query: Expecting a value but got '${token?.text ?? 'the end of the query'}'.`,
      );
    }
    return token.text;
  }

  values(): string[] {
    this.expectSymbol('(');
    const list = [this.value()];
    while (this.peek()?.text === ',') {
      this.next();
      list.push(this.value());
    }
    this.expectSymbol(')');
    return list;
  }
}

/** `now` (epoch ms) anchors relative dates such as "-90m". */
export function parseJql(jql: string, now: number = Date.now()): JqlQuery {
  const parser = new Parser(tokenize(jql));
  const query: JqlQuery = {
    projectClauses: [],
    issueKeyClauses: [],
    dateBounds: [],
    orderBy: [],
    relative: false,
  };

  const startsWithOrder = parser.isKeyword(parser.peek(), 'ORDER');
  while (!startsWithOrder && parser.peek()) {
    const fieldToken = parser.next();
    if (!fieldToken || fieldToken.type === 'symbol')
      unsupported(`'${fieldToken?.text}' where a field was expected`);
    const field = fieldToken.text.toLowerCase();
    if (['not', 'or'].includes(field)) unsupported(fieldToken.text.toUpperCase());
    const operatorToken = parser.next();
    const operator = operatorToken?.type === 'word' ? operatorToken.text.toUpperCase() : operatorToken?.text;

    if (field === 'project' || field === 'issuekey' || field === 'key' || field === 'id') {
      let list: string[];
      if (operator === '=') list = [parser.value()];
      else if (operator === 'IN') list = parser.values();
      else unsupported(`the operator '${operatorToken?.text ?? ''}' on ${field}`);
      (field === 'project' ? query.projectClauses : query.issueKeyClauses).push(list);
    } else if (
      field === 'created' ||
      field === 'updated' ||
      field === 'createddate' ||
      field === 'updateddate'
    ) {
      if (operator !== '>=' && operator !== '>' && operator !== '<=' && operator !== '<') {
        unsupported(`the operator '${operatorToken?.text ?? ''}' on ${field}`);
      }
      const value = parser.value();
      if (value.trim().startsWith('-')) query.relative = true;
      query.dateBounds.push({
        field: field.startsWith('created') ? 'created' : 'updated',
        operator,
        at: parseJqlDate(value, now),
      });
    } else {
      unsupported(`the field '${fieldToken.text}'`);
    }

    const after = parser.peek();
    if (!after) break;
    if (parser.isKeyword(after, 'AND')) {
      parser.next();
      continue;
    }
    if (parser.isKeyword(after, 'ORDER')) break;
    unsupported(`'${after.text}' after a clause`);
  }

  if (parser.peek()) {
    if (!parser.isKeyword(parser.next(), 'ORDER') || !parser.isKeyword(parser.next(), 'BY')) {
      unsupported('text after the clauses that is not ORDER BY');
    }
    for (;;) {
      const fieldToken = parser.next();
      const name = fieldToken?.type === 'word' ? fieldToken.text.toLowerCase() : '';
      const field: OrderField | undefined =
        name === 'key' || name === 'issuekey'
          ? 'key'
          : name === 'created' || name === 'updated'
            ? name
            : undefined;
      if (!field) unsupported(`ORDER BY '${fieldToken?.text ?? ''}'`);
      let direction: 'ASC' | 'DESC' = 'ASC';
      const maybeDirection = parser.peek();
      if (parser.isKeyword(maybeDirection, 'ASC') || parser.isKeyword(maybeDirection, 'DESC')) {
        direction = parser.next()?.text.toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
      }
      query.orderBy.push({ field, direction });
      const separator = parser.next();
      if (!separator) break;
      if (separator.text !== ',') unsupported(`'${separator.text}' in ORDER BY`);
    }
  }

  if (query.projectClauses.length + query.issueKeyClauses.length + query.dateBounds.length === 0) {
    badRequest('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  return query;
}
