// The text report fits 120 columns (issue 13): product people only as columns, Team and Others as groups, names
// wrapped over header lines rather than cut, and the CHK acceptance queue among the whole site's warnings.
import path from 'node:path';
import type { AnalysisResult } from '../../../src/contract/analysis';
import { analyse } from '../../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../../src/ownership/config';
import { formatText, TEXT_WIDTH, wrapWords } from '../../../tools/report/format-text';
import { mapColumns } from '../../../tools/report/map-table';
import { readSnapshot, snapshotToSiteData } from '../../../tools/snapshot/read';

let site: AnalysisResult;
beforeAll(async () => {
  const snapshot = await readSnapshot(path.resolve(__dirname, '../../../samples/acme'));
  site = analyse(
    snapshotToSiteData(snapshot),
    AnalysisConfigSchema.parse({ scope: { projects: ['CHK', 'PAY', 'SRCH'] } }),
    new Date(snapshot.site.recordedAt),
  );
});

test('no line of the whole-site report is wider than 120 characters', () => {
  const lines = formatText(site).split('\n');
  expect(TEXT_WIDTH).toBe(120);
  expect(lines.filter((l) => l.length > TEXT_WIDTH)).toEqual([]);
});

test('the map has 9 columns: the 7 product people, then Team (20 people) and Others (1 person)', () => {
  const columns = mapColumns(site);
  expect(columns.map((c) => c.label)).toEqual([
    'Priya Raman',
    'Omar Haddad',
    'Sofia Lindqvist',
    'Chen Wei',
    'Felix Brandt',
    'Rafael Souza',
    'Bruno Costa',
    'Team (20 people)',
    'Others (1 person)',
  ]);
  // Every name is whole in the header, over one or two lines.
  const text = formatText(site);
  const header = text.split('\n').slice(4, 8).join(' ');
  for (const word of columns.flatMap((c) => c.label.split(' '))) expect(header).toContain(word);
  expect(text).not.toContain('…');
});

test('owners in words, and the CHK acceptance queue among the warnings with its board named', () => {
  const text = formatText(site);
  expect(text).toContain('  Sets roadmap items: Owner: Priya Raman, 87 % · 194 events');
  expect(text).toContain('  [HIGH] Acceptance queues behind one person (CHK board)');
  expect(text).toContain(
    'On CHK board, Priya Raman accepts 90 % of finished work (190 of 212; threshold 70 %)',
  );
});

describe('wrapWords', () => {
  it('wraps at word boundaries and breaks a word longer than a line rather than cutting it', () => {
    expect(wrapWords('Sofia Lindqvist', 9)).toEqual(['Sofia', 'Lindqvist']);
    expect(wrapWords('Team (20 people)', 9)).toEqual(['Team (20', 'people)']);
    expect(wrapWords('Abcdefghijkl', 5)).toEqual(['Abcde', 'fghij', 'kl']);
    expect(wrapWords('', 5)).toEqual(['']);
  });
});
