// requestJira from the browser (@forge/bridge fetchProduct) acts as the viewer, and only from a Jira module.
import { startPreview, type PreviewServer } from '../../../tools/preview/server';
import { removeTempSnapshots } from '../snapshot/temp-snapshot';
import { PEOPLE, writePreviewSnapshot } from './fixture';

let preview: PreviewServer;

beforeAll(async () => {
  preview = await startPreview({ snapshotDir: await writePreviewSnapshot() });
});

afterAll(async () => {
  await preview?.close();
  await removeTempSnapshots();
});

async function fetchProduct(frame: Record<string, string>, product: string, restPath: string) {
  const response = await fetch(`${preview.url}/__preview/product-fetch`, {
    method: 'POST',
    body: JSON.stringify({
      frame,
      product,
      restPath,
      fetchRequestInit: { method: 'GET', headers: [['accept', 'application/json']] },
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test('a Jira view fetching Jira gets the answer Jira gives its viewer, in the shape the bridge expects', async () => {
  const frame = { view: 'project-page', accountId: PEOPLE.outsider.accountId, project: 'PAY' };
  const answer = await fetchProduct(frame, 'jira', '/rest/api/3/myself');
  expect(answer.status).toBe(200);
  expect(answer.body).toMatchObject({ status: 200, isAttachment: false });
  expect((answer.body.headers as Record<string, string>)['content-type']).toContain('application/json');
  expect(JSON.parse(answer.body.body as string)).toMatchObject({ accountId: PEOPLE.outsider.accountId });
});

test('the macro cannot fetch Jira from the browser, as Confluence refuses another product', async () => {
  const answer = await fetchProduct(
    { view: 'macro', accountId: PEOPLE.pm.accountId },
    'jira',
    '/rest/api/3/myself',
  );
  expect(answer).toEqual({
    status: 403,
    body: { message: 'Request jira is not allowed from confluence context.' },
  });
});
