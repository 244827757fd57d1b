import { formatJiraTime, jiraTimeOffset, parseJiraTime } from '../../../src/ownership/normalise/time';

describe('Jira timestamps', () => {
  it.each([
    '2013-04-22T18:44:34.286+0000',
    '2013-04-22T18:44:34.286-0700',
    '2026-12-31T23:59:59.999+0530',
    '2026-03-02T09:00:00.000Z',
    '2026-03-02T09:00:00Z',
    '2026-03-02',
    '2013-04-22T18:44:34.286+05:30',
  ])('reads %s exactly as Date.parse does', (text) => {
    expect(parseJiraTime(text)).toBe(Date.parse(text));
  });

  it('gives NaN for text that is not a time, like Date.parse', () => {
    expect(parseJiraTime('not a date')).toBeNaN();
    expect(parseJiraTime('2013-13-22T18:44:34.286+0000')).toBeNaN();
  });
});

// Events keep Jira's `created` as an offset and write it back from their time (src/ownership/normalise/events.ts):
// whatever jiraTimeOffset accepts must come back exactly; whatever might not is refused and kept as text.
describe('Jira timestamps written back', () => {
  it.each([
    ['2013-04-22T18:44:34.286+0000', 0],
    ['2013-04-22T18:44:34.286-0700', -420],
    ['2026-12-31T23:59:59.999+0530', 330],
    ['2024-02-29T00:00:00.000+1400', 840],
    ['2026-01-01T00:30:00.000-0930', -570],
  ])('%s comes back from its time and offset', (text, offset) => {
    expect(jiraTimeOffset(text)).toBe(offset);
    expect(formatJiraTime(parseJiraTime(text), offset)).toBe(text);
  });

  it.each([
    '2026-03-02T09:00:00.000Z',
    '2013-04-22T18:44:34.286+05:30',
    '2026-02-30T10:00:00.000+0000',
    '2025-02-29T10:00:00.000+0000',
    '2026-04-31T10:00:00.000+0000',
    '2026-03-02T24:00:00.000+0000',
    '2026-03-02T10:00:00.000+0060',
    '2026-03-02T10:00:00.000-0000',
    '0099-03-02T10:00:00.000+0000',
    '2026-03-02 10:00:00.000+0000',
    '2026-03-02T10:00:00,000+0000',
    '2026-3-02T10:00:00.000+00000',
  ])('%s is kept as text', (text) => {
    expect(jiraTimeOffset(text)).toBeNull();
  });

  it('writes back every accepted time of a sweep over days, hours and offsets', () => {
    let accepted = 0;
    for (let day = 0; day < 800; day += 7) {
      for (const offset of ['+0000', '-0330', '+0545', '-1200', '+1400']) {
        const at = Date.UTC(2023, 0, 1) + day * 86_400_000 + ((day * 3_600_937) % 86_400_000);
        const local = new Date(at).toISOString().slice(0, 23);
        const text = `${local}${offset}`;
        const back = jiraTimeOffset(text);
        expect(back).not.toBeNull();
        expect(formatJiraTime(parseJiraTime(text), back as number)).toBe(text);
        accepted += 1;
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });
});
