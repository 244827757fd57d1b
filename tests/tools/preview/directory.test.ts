// Who the preview page offers as viewers, and where the Jira views open.
import { pickDefaultViewer, snapshotDirectory } from '../../../tools/preview/directory';
import { removeTempSnapshots } from '../snapshot/temp-snapshot';
import { PEOPLE, writePreviewSnapshot } from './fixture';

afterAll(async () => {
  await removeTempSnapshots();
});

test('the default viewer is whoever may browse the most projects; ties keep the file order', () => {
  const people = [
    { accountId: 'a', displayName: 'A', projects: ['X'] },
    { accountId: 'b', displayName: 'B', projects: ['X', 'Y'] },
    { accountId: 'c', displayName: 'C', projects: ['Y', 'X'] },
  ];
  expect(pickDefaultViewer(people, 2)).toBe('b');
  expect(pickDefaultViewer([{ accountId: 'z', displayName: 'Z' }, ...people], 2)).toBe('z');
  expect(pickDefaultViewer([], 2)).toBeUndefined();
});

test('with permissions.json the people are its accounts, with the projects each may browse', async () => {
  const directory = await snapshotDirectory(await writePreviewSnapshot());
  expect(directory.people).toEqual(Object.values(PEOPLE).map((p) => ({ ...p, projects: [...p.projects] })));
  expect(directory.defaultViewer).toBe(PEOPLE.pm.accountId);
  expect(directory.projects.map((p) => `${p.key}:${p.id}:${p.name}`)).toEqual([
    'CHK:10001:Checkout',
    'PAY:10002:Payments',
  ]);
  expect(directory.boards.map((b) => [b.id, b.projectKey, b.sprints.length])).toEqual([
    [11, 'CHK', 3],
    [12, 'PAY', 0],
  ]);
  expect(directory.notes).toEqual([]);
});

test('without permissions.json the people are the issue authors, each seeing everything, and the page says so', async () => {
  const directory = await snapshotDirectory(await writePreviewSnapshot({ permissions: false }));
  expect(directory.people.length).toBeGreaterThan(0);
  expect(directory.people.every((person) => person.projects === undefined)).toBe(true);
  expect(directory.notes).toEqual([
    'This snapshot has no permissions.json: every person may browse every project.',
  ]);
});
