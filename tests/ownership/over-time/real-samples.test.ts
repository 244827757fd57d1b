// The real Apache histories: ownership over time must not invent handovers from noise. What they hold: a few
// months with an owner between long quiet stretches (fewer than 5 events in three months), so gaps, and no
// handover or accretion: the one-day bursts (a release's fix versions, a batch of issues closed in one day) echo
// through the rolling window but are not someone holding the row.
import { analyse } from '../../../src/ownership/analyse';
import { AnalysisConfigSchema } from '../../../src/ownership/config';
import { loadSample, SAMPLE_PROJECTS } from '../samples';

test.each(SAMPLE_PROJECTS)(
  '%s: no handover, no accretion; every owned period rests on at least 5 events',
  async (project) => {
    const site = await loadSample(project);
    const result = analyse(
      site,
      AnalysisConfigSchema.parse({ scope: { projects: [project] } }),
      new Date('2015-05-01'),
    );
    expect(result.handovers).toEqual([]);
    expect(result.accretions).toEqual([]);
    const periods = result.timeline.flatMap((t) => t.periods);
    expect(periods.length).toBeGreaterThan(0);
    for (const p of periods) if (p.ownerId !== null) expect(p.eventCount).toBeGreaterThanOrEqual(5);
  },
);

test('ANY23: one day of closing twelve issues (lewismc, 25 Jun 2012) does not take acceptance over from michele.mostarda', async () => {
  const site = await loadSample('ANY23');
  const result = analyse(
    site,
    AnalysisConfigSchema.parse({ scope: { projects: ['ANY23'] } }),
    new Date('2015-05-01'),
  );
  const acceptance = result.timeline.find((t) => t.row === 'acceptance' && t.boardId === null)!;
  expect(acceptance.periods.find((p) => p.label === 'Jun 2012')?.ownerId).toBe('lewismc');
  expect(result.handovers.filter((h) => h.row === 'acceptance')).toEqual([]);
});
