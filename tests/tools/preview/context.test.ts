// GET /__preview/context answers what view.getContext() gives an app frame in Confluence and Jira.
import { startPreview, type PreviewServer } from '../../../tools/preview/server';
import { removeTempSnapshots } from '../snapshot/temp-snapshot';
import { CHK_BOARD, PEOPLE, writePreviewSnapshot } from './fixture';
import { context } from './support';

let preview: PreviewServer;

beforeAll(async () => {
  preview = await startPreview({ snapshotDir: await writePreviewSnapshot() });
});

afterAll(async () => {
  await preview?.close();
  await removeTempSnapshots();
});

async function post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${preview.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test('the macro gets a full Forge context: account, site, module, theme, and an extension without config', async () => {
  preview.setMacroConfig(undefined);
  const { status, body } = await context(preview, {
    view: 'macro',
    accountId: PEOPLE.pm.accountId,
    colorMode: 'dark',
  });
  expect(status).toBe(200);
  expect(body).toMatchObject({
    accountId: PEOPLE.pm.accountId,
    siteUrl: 'https://acme.atlassian.net',
    localId: 'preview-page-macro',
    moduleKey: 'ownership-map-macro',
    environmentType: 'DEVELOPMENT',
    locale: 'en-US',
    theme: { colorMode: 'dark' },
    extension: {
      type: 'macro',
      content: { id: '65538', type: 'page' },
      space: { id: '98306', key: 'PROD' },
      isEditing: false,
      macro: { isConfiguring: false },
    },
  });
  expect(body.cloudId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(body.extension).not.toHaveProperty('config');
});

test('a config saved from the config dialog is the macro config of the page, in both frames', async () => {
  const saved = await post('/__preview/config', {
    frame: { view: 'macro-config', accountId: PEOPLE.pm.accountId },
    config: { projects: ['CHK'], sprints: 6 },
  });
  expect(saved).toEqual({ status: 200, body: { ok: true } });
  const view = await context(preview, { view: 'macro', accountId: PEOPLE.po.accountId });
  expect(view.body.extension.config).toEqual({ projects: ['CHK'], sprints: 6 });
  const dialog = await context(preview, { view: 'macro-config', accountId: PEOPLE.po.accountId });
  expect(dialog.body.extension).toMatchObject({
    config: { projects: ['CHK'], sprints: 6 },
    isEditing: true,
    macro: { isConfiguring: true },
  });
});

test('only the config dialog can submit, and only an object', async () => {
  const fromMacro = await post('/__preview/config', {
    frame: { view: 'macro', accountId: PEOPLE.pm.accountId },
    config: { projects: [] },
  });
  expect(fromMacro.status).toBe(400);
  expect(fromMacro.body.message).toBe('Only the macro config dialog can submit a config.');
  const notObject = await post('/__preview/config', {
    frame: { view: 'macro-config', accountId: PEOPLE.pm.accountId },
    config: ['CHK'],
  });
  expect(notObject.status).toBe(400);
});

test('the project page and the sprint action get Jira-shaped extensions', async () => {
  const project = await context(preview, { view: 'project-page', accountId: 'acc-po', project: 'CHK' });
  expect(project.body).toMatchObject({
    moduleKey: 'ownership-project-page',
    extension: { type: 'jira:projectPage', project: { id: '10001', key: 'CHK', type: 'software' } },
  });
  const sprint = await context(preview, {
    view: 'sprint-action',
    accountId: 'acc-po',
    project: 'CHK',
    board: String(CHK_BOARD),
    sprint: '102',
  });
  expect(sprint.body).toMatchObject({
    moduleKey: 'acceptance-sprint-action',
    localId: 'acceptance-sprint-action-CHK-102',
    extension: {
      type: 'jira:sprintAction',
      sprint: { id: 102 },
      board: { id: CHK_BOARD, type: 'scrum' },
      project: { key: 'CHK' },
    },
  });
});

test('a sprint that is not on the board, or a missing project, is refused with the reason', async () => {
  const wrongSprint = await context(preview, {
    view: 'sprint-action',
    accountId: 'acc-po',
    project: 'CHK',
    board: String(CHK_BOARD),
    sprint: '999',
  });
  expect(wrongSprint.status).toBe(400);
  expect(wrongSprint.body.message).toBe(`Sprint 999 is not on board ${CHK_BOARD}.`);
  const noProject = await context(preview, { view: 'project-page', accountId: 'acc-po' });
  expect(noProject.status).toBe(400);
  expect(noProject.body.message).toBe('The project-page frame needs a project.');
});

test('a modal opened by a frame gets the context it was opened with as extension.modal', async () => {
  const opened = await post('/__preview/modals', {
    frame: { view: 'macro', accountId: 'acc-pm' },
    context: { row: 'acceptance', person: 'acc-po' },
  });
  const modalId = String(opened.body.modalId);
  const modal = await context(preview, { view: 'macro', accountId: 'acc-pm', modal: modalId });
  expect(modal.body.extension).toMatchObject({
    type: 'macro',
    modal: { row: 'acceptance', person: 'acc-po' },
  });
});

test('the site description lists the people, the default viewer and where the Jira views open', async () => {
  const site = (await (await fetch(`${preview.url}/__preview/site`)).json()) as Record<string, unknown>;
  expect(site).toMatchObject({
    source: 'snapshot',
    defaultViewer: PEOPLE.pm.accountId,
    defaults: {
      project: 'CHK',
      board: CHK_BOARD,
      sprint: 102,
      byProject: { CHK: { board: CHK_BOARD, sprint: 102 }, PAY: { board: 12 } },
    },
    views: {
      macro: { resource: 'macro', title: 'PM/PO Ownership Map' },
      config: { resource: 'macro', title: 'Configure the ownership map', viewportSize: 'large' },
      projectPage: { resource: 'jira-views' },
      sprintAction: { resource: 'jira-views', title: 'Sprint acceptance review' },
    },
  });
  expect((site.people as unknown[]).length).toBe(3);
});
