// From Confluence (the macro) Jira is reached with asUser().withContext(jira site ARI); from Jira, with plain asUser().
// Checked where it matters: what @forge/api actually hands to the platform's __forge_fetch__.
import Resolver from '@forge/resolver';
import { JiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/errors';
import { isConfluenceInvocation, jiraContextAri } from '../../src/jira/requester';
import { installFakeForgeFetch, jsonResponse, type FakeForgeFetch } from './helpers/fake-forge-fetch';

const CLOUD_ID = '3e1c4f2a-0000-4000-8000-00000000c10d';
const JIRA_ARI = `ari:cloud:jira::site/${CLOUD_ID}`;
const CONFLUENCE_ARI = `ari:cloud:confluence::site/${CLOUD_ID}`;

/** What the Forge runtime hands over: ContextAri objects whose toString() is the full ARI. */
class ContextAri {
  constructor(
    readonly cloudId: string,
    readonly resourceOwner: string,
  ) {}
  toString(): string {
    return `ari:cloud:${this.resourceOwner}::site/${this.cloudId}`;
  }
}

const installation = {
  ari: { installationId: 'inst-1', toString: () => 'ari:cloud:ecosystem::installation/inst-1' },
  contexts: [new ContextAri(CLOUD_ID, 'confluence'), new ContextAri(CLOUD_ID, 'jira')],
};

const confluenceContext = {
  installContext: CONFLUENCE_ARI,
  extension: { type: 'macro', config: { projects: ['ABC'] } },
  installation,
};
const jiraContext = {
  installContext: JIRA_ARI,
  extension: { type: 'jira:projectPage', project: { key: 'ABC' } },
  installation,
};

const STATUSES = [{ id: '1', name: 'Open', statusCategory: { key: 'new' } }];

let fake: FakeForgeFetch | undefined;
beforeEach(() => {
  fake = installFakeForgeFetch(() => jsonResponse(STATUSES));
});
afterEach(() => fake?.uninstall());

test('from a Confluence context the request carries the Jira context ARI (withContext) and no remote', async () => {
  await new JiraClient({ context: confluenceContext }).getStatuses();
  expect(fake?.calls).toHaveLength(1);
  expect(fake?.calls[0]?.target).toEqual({
    type: 'fpp',
    provider: 'user',
    accountId: undefined,
    contextAri: JIRA_ARI,
  });
  expect(fake?.calls[0]?.path).toBe('/rest/api/3/status');
});

test('from a Jira context the request goes plain: asUser, remote jira, no context ARI', async () => {
  await new JiraClient({ context: jiraContext }).getStatuses();
  expect(fake?.calls[0]?.target).toEqual({
    type: 'fpp',
    provider: 'user',
    accountId: undefined,
    remote: 'jira',
  });
});

test('without a context (CLI, tests) the request goes plain as the user', async () => {
  await new JiraClient().getStatuses();
  expect(fake?.calls[0]?.target).toEqual({
    type: 'fpp',
    provider: 'user',
    accountId: undefined,
    remote: 'jira',
  });
});

test('a Confluence context with no Jira installation gives a not-installed JiraError and sends nothing', async () => {
  const lonely = {
    ...confluenceContext,
    installation: { ...installation, contexts: [new ContextAri(CLOUD_ID, 'confluence')] },
  };
  const error: unknown = await new JiraClient({ context: lonely }).getStatuses().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(JiraError);
  expect((error as JiraError).code).toBe('not-installed');
  expect((error as JiraError).message).toMatch(/^Ownership Map is not installed on Jira for this site/);
  expect(fake?.calls).toHaveLength(0);
});

test('through @forge/resolver as Forge invokes it, the installation from the runtime payload selects Jira', async () => {
  const resolver = new Resolver();
  resolver.define('statusCount', async ({ context }) => {
    const statuses = await new JiraClient({ context }).getStatuses();
    return { count: statuses.length };
  });
  const handler = resolver.getDefinitions();
  const result = await handler(
    {
      call: { functionKey: 'statusCount', payload: {} },
      context: { installContext: CONFLUENCE_ARI, extension: { type: 'macro' } },
    },
    { principal: { accountId: 'alice' }, installContext: CONFLUENCE_ARI, installation },
  );
  expect(result).toEqual({ count: 1 });
  expect(fake?.calls[0]?.target.contextAri).toBe(JIRA_ARI);
  expect(fake?.calls[0]?.target.remote).toBeUndefined();
});

describe('jiraContextAri', () => {
  test('reads ContextAri objects, JSON-shaped entries ({cloudId, resourceOwner}) and plain ARI strings', () => {
    expect(jiraContextAri({ installation })).toBe(JIRA_ARI);
    const roundTripped = JSON.parse(JSON.stringify(installation)) as unknown;
    expect(jiraContextAri({ installation: roundTripped })).toBe(JIRA_ARI);
    expect(jiraContextAri({ installation: { contexts: [CONFLUENCE_ARI, JIRA_ARI] } })).toBe(JIRA_ARI);
  });

  test('never mistakes the Confluence context for Jira', () => {
    expect(
      jiraContextAri({ installation: { contexts: [new ContextAri(CLOUD_ID, 'confluence')] } }),
    ).toBeUndefined();
    expect(jiraContextAri({})).toBeUndefined();
  });
});

describe('isConfluenceInvocation', () => {
  test('is decided by the install context ARI, else by the module type', () => {
    expect(isConfluenceInvocation(confluenceContext)).toBe(true);
    expect(isConfluenceInvocation(jiraContext)).toBe(false);
    expect(isConfluenceInvocation({ extension: { type: 'macro' } })).toBe(true);
    expect(isConfluenceInvocation({ extension: { type: 'jira:sprintAction' } })).toBe(false);
  });
});

describe('Jira workspace context ARIs (as Atlassian CLI builds install contexts)', () => {
  const WORKSPACE_ARI = `ari:cloud:jira:${CLOUD_ID}:workspace/9f1e0c1a-0000-4000-8000-0000000000aa`;
  const workspaceInstallation = { contexts: [CONFLUENCE_ARI, WORKSPACE_ARI] };

  test('are found among the installation contexts, as strings, objects and JSON-shaped entries', () => {
    expect(jiraContextAri({ installation: workspaceInstallation })).toBe(WORKSPACE_ARI);
    const asObjects = {
      contexts: [
        { cloudId: CLOUD_ID, resourceOwner: 'confluence' },
        {
          cloudId: CLOUD_ID,
          workspaceId: '9f1e0c1a-0000-4000-8000-0000000000aa',
          resourceOwner: 'jira',
        },
      ],
    };
    expect(jiraContextAri({ installation: asObjects })).toBe(WORKSPACE_ARI);
  });

  test('are passed to withContext exactly as the platform gave them', async () => {
    await new JiraClient({
      context: { ...confluenceContext, installation: workspaceInstallation },
    }).getStatuses();
    expect(fake?.calls[0]?.target.contextAri).toBe(WORKSPACE_ARI);
  });

  test('a Confluence workspace context is never taken for Jira', () => {
    const confluenceWorkspace = `ari:cloud:confluence:${CLOUD_ID}:workspace/abc`;
    expect(jiraContextAri({ installation: { contexts: [confluenceWorkspace] } })).toBeUndefined();
  });
});

test('without a Jira context, the message names the contexts that are present so a site admin can act', async () => {
  const lonely = { ...confluenceContext, installation: { contexts: [CONFLUENCE_ARI] } };
  const error = (await new JiraClient({ context: lonely })
    .getStatuses()
    .catch((e: unknown) => e)) as JiraError;
  expect(error.code).toBe('not-installed');
  expect(error.message).toContain(`The app is installed on: ${CONFLUENCE_ARI}; none of them is Jira.`);
  const none = { ...confluenceContext, installation: { contexts: [] } };
  const bare = (await new JiraClient({ context: none }).getStatuses().catch((e: unknown) => e)) as JiraError;
  expect(bare.message).toContain('The platform named no product this app is installed on.');
});
