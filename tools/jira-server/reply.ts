// What an endpoint answers, and Jira's error shape ({errorMessages, errors}) for every refusal.
export interface Reply {
  status: number;
  /** An object is sent as JSON; a string is sent as-is (already JSON text, built by concatenation). */
  body: unknown;
  headers?: Record<string, string>;
  /** How many objects a successful answer returns (issues, histories, boards…): Jira's points quota charges each. */
  objects?: number;
}

/** A 200; every endpoint says how many objects it returns on this page, which the points ledger charges. */
export function ok(body: unknown, objects: number): Reply {
  return { status: 200, body, objects };
}

/** Jira's ErrorCollection: `errorMessages` for the request, `errors` by parameter. */
export function jiraError(
  status: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
): Reply {
  return { status, body: { errorMessages, errors } };
}

/** Thrown by endpoint code to answer with a Jira error; the server turns it into the reply. */
export class JiraRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'JiraRequestError';
  }

  toReply(): Reply {
    return jiraError(this.status, this.message ? [this.message] : [], this.errors);
  }
}

export function badRequest(message: string, errors: Record<string, string> = {}): never {
  throw new JiraRequestError(400, message, errors);
}

export function notFound(message: string): never {
  throw new JiraRequestError(404, message);
}
