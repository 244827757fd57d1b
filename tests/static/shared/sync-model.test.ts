// What the views say about the store and the sync: the freshness line, when a refresh has landed and what it
// still waits for, and the first read's progress per project.
import type { SyncProgress } from '../../../src/contract/sync';
import {
  baselineOf,
  everyProjectStored,
  readShare,
  readingText,
  refreshLanded,
  refreshingText,
  servedText,
  syncProblems,
} from '../../../static/shared/sync-model';

const moment = (iso: string) => iso.slice(11, 16);

const synced = (chk: string | undefined, pay: string | undefined): SyncProgress => ({
  projects: [
    {
      project: 'CHK',
      phase: 'current',
      stored: 251,
      total: 251,
      ...(chk === undefined ? {} : { lastSuccessAt: chk }),
    },
    {
      project: 'PAY',
      phase: 'current',
      stored: 202,
      total: 202,
      ...(pay === undefined ? {} : { lastSuccessAt: pay }),
    },
  ],
});

test('the freshness line says where the data is from and when', () => {
  expect(servedText({ from: 'store', asOf: '2026-11-16T10:42:00.000Z' }, moment)).toBe(
    'Data as of 10:42 · refreshes hourly',
  );
  expect(servedText({ from: 'live', asOf: '2026-11-16T10:42:00.000Z' }, moment)).toBe(
    'Read live from Jira at 10:42 · the app is storing this scope for faster views',
  );
});

test('a refresh has landed once every project has synced since it was asked, and says which it waits for', () => {
  const asked = baselineOf(synced('2026-11-16T09:00:00.000Z', undefined));
  expect(refreshLanded(asked, synced('2026-11-16T09:00:00.000Z', undefined))).toBe(false);
  expect(refreshingText(asked, synced('2026-11-16T09:00:00.000Z', undefined))).toBe(
    'Refreshing… (CHK: reading, PAY: reading)',
  );
  const chkDone = synced('2026-11-16T09:01:00.000Z', undefined);
  expect(refreshLanded(asked, chkDone)).toBe(false);
  expect(refreshingText(asked, chkDone)).toBe('Refreshing… (PAY: reading)');
  // A project never synced before has landed once it has synced at all.
  expect(refreshLanded(asked, synced('2026-11-16T09:01:00.000Z', '2026-11-16T09:01:05.000Z'))).toBe(true);
});

test("the sync's problems are shown in its own words, each once", () => {
  const error = {
    code: 'rate-limited' as const,
    message: "Jira's rate limit is spent; resuming at 10:42.",
    at: 0,
  };
  const progress: SyncProgress = {
    projects: [
      { project: 'CHK', phase: 'backfill', stored: 100, error },
      { project: 'PAY', phase: 'backfill', stored: 0, error },
      { project: 'SRCH', phase: 'current', stored: 134 },
    ],
  };
  expect(syncProblems(progress)).toEqual([
    "CHK: Jira's rate limit is spent; resuming at 10:42.",
    "PAY: Jira's rate limit is spent; resuming at 10:42.",
  ]);
});

test('the first read per project: counts, a share where Jira gave a total, and when every project is stored', () => {
  const chk = { project: 'CHK', phase: 'backfill' as const, stored: 4200, total: 18000 };
  expect(readingText(chk)).toBe('Reading CHK: 4,200 of 18,000 issues');
  expect(readShare(chk)).toBeCloseTo(0.2333, 4);
  const counting = { project: 'PAY', phase: 'backfill' as const, stored: 300 };
  expect(readingText(counting)).toBe('Reading PAY: 300 issues');
  expect(readShare(counting)).toBeUndefined();
  expect(readingText({ project: 'SRCH', phase: 'waiting', stored: 0 })).toBe('SRCH: waiting to be read');
  expect(readingText({ project: 'SRCH', phase: 'current', stored: 134 })).toBe('SRCH: read (134 issues)');

  expect(everyProjectStored({ projects: [chk, { project: 'SRCH', phase: 'current', stored: 134 }] })).toBe(
    false,
  );
  expect(everyProjectStored(synced(undefined, undefined))).toBe(true);
});

it('says when a newer map is being prepared in the background', () => {
  expect(servedText({ from: 'store', asOf: '2026-11-16T09:00:00.000Z', updating: true }, () => '09:00')).toBe(
    'Data as of 09:00 · a newer map is being prepared',
  );
});
