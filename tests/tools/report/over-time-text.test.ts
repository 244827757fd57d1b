// The report's text names every handover, accretion and gap in the words every surface uses (src/export/over-time);
// its JSON carries the timeline itself.
import path from 'node:path';
import type { AnalysisResult } from '../../../src/contract/analysis';
import { analyse } from '../../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../../src/ownership/config';
import { formatText } from '../../../tools/report/format-text';
import { formatJson } from '../../../tools/report/format-json';
import { readSnapshot, snapshotToSiteData } from '../../../tools/snapshot/read';

let result: AnalysisResult;
beforeAll(async () => {
  const site = snapshotToSiteData(await readSnapshot(path.resolve(__dirname, '../../../samples/acme')), {
    accountId: '8bd7b81342e3c818e496b63f',
  });
  result = analyse(
    site,
    AnalysisConfigSchema.parse({ scope: { projects: ['CHK', 'PAY', 'SRCH'] } }),
    new Date('2026-11-16T09:00:00.000Z'),
  );
});

test('text: a section with each handover, what was taken on, and the gaps', () => {
  const text = formatText(result);
  const section = text.slice(text.indexOf('OWNERSHIP OVER TIME'));
  // Each entry starts two spaces in; the report wraps it at 120 columns, continuing four spaces in.
  const raw = section.split('\n');
  expect(raw.filter((l) => l.length > 120)).toEqual([]);
  const lines: string[] = [];
  for (const l of raw) {
    if (l.startsWith('    ') && lines.length > 0) lines[lines.length - 1] += ` ${l.trim()}`;
    else if (l.startsWith('  ')) lines.push(l);
  }
  expect(lines).toContain(
    '  Handover: PAY board: “Refines stories” passed from Felix Brandt (72 %) to Omar Haddad (54 %) in PAY Sprint 3 (2026-07-01).',
  );
  expect(lines.filter((l) => l.startsWith('  Handover: PAY board:'))).toHaveLength(5);
  expect(lines.filter((l) => l.startsWith('  Handover:'))).toHaveLength(result.handovers.length);
  expect(
    lines.some((l) =>
      l.startsWith('  Taken on: the whole scope: Priya Raman took on “Accepts sprint work” in Jul 2026'),
    ),
  ).toBe(true);
  expect(lines.filter((l) => l.startsWith('  Gap:'))).toHaveLength(result.ownershipGaps.length);
  expect(section).not.toContain('“Sets roadmap items” passed');
});

test('json: the timeline travels whole, per row and scope, with its periods', () => {
  const parsed = JSON.parse(formatJson(result)) as AnalysisResult;
  expect(parsed.timeline).toEqual(result.timeline);
  expect(parsed.handovers).toEqual(result.handovers);
  expect(parsed.timeline.find((t) => t.row === 'refinement' && t.boardId === 2)?.periods[2]).toMatchObject({
    label: 'PAY Sprint 3',
    ownerId: '712020:0c924268-5d0a-4f86-bdc2-21861db9a043',
  });
});
