import { AnalysisResultSchema } from '../../src/contract/analysis';
import { analyse } from '../../src/ownership/analyse';
import { AUTOMATION_ID } from '../../src/ownership/model';
import { normalise } from '../../src/ownership/normalise';
import { config } from './build';
import { loadSample, SAMPLE_PROJECTS } from './samples';

// Server-era data (no accountId, no fieldId, Closed/Resolved): nothing may crash and every item is attributed.

describe.each(SAMPLE_PROJECTS)('real Apache snapshot %s', (project) => {
  const recordedAt = new Date('2015-05-01T00:00:00Z');

  it('accounts for every changelog item: events from items + ignored items = all items', async () => {
    const data = await loadSample(project);
    const rawItems = data.issues.reduce(
      (n, i) => n + (i.changelog?.histories ?? []).reduce((m, h) => m + h.items.length, 0),
      0,
    );
    const site = normalise(data, config({ scope: { projects: [project] } }));
    expect(rawItems).toBeGreaterThan(100);
    expect(site.totalItems).toBe(rawItems);
    expect(site.eventsFromItems + site.ignoredItems).toBe(site.totalItems);
    expect(Object.values(site.ignoredByField).reduce((a, b) => a + b, 0)).toBe(site.ignoredItems);
    expect(site.issues.size).toBe(data.issues.length);
    expect(site.eventsFromItems).toBeGreaterThan(0);
  });

  it('gives every event a known actor (a person or Automation), never undefined or an e-mail', async () => {
    const data = await loadSample(project);
    const site = normalise(data, config({ scope: { projects: [project] } }));
    for (const e of site.events) {
      expect(typeof e.actorId).toBe('string');
      expect(e.actorId).not.toBe('');
      expect(e.actorId).not.toContain('@');
      expect(site.people.has(e.actorId) || e.actorId === AUTOMATION_ID).toBe(true);
      expect(e.evidence.issueKey).toBe(e.issueKey);
    }
    // Closed and Resolved are done: the projects' resolutions are acceptance events.
    expect(site.events.some((e) => e.row === 'acceptance')).toBe(true);
  });

  it('analyses the whole snapshot into a valid result', async () => {
    const data = await loadSample(project);
    const result = analyse(data, config({ scope: { projects: [project] } }), recordedAt);
    expect(() => AnalysisResultSchema.parse(result)).not.toThrow();
    expect(result.stats.items).toBe(result.stats.eventsFromItems + result.stats.ignoredItems);
    expect(result.rows).toHaveLength(8);
    expect(result.bandwidth.periodKind).toBe('week');
    expect(JSON.stringify(result)).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
  });
});
