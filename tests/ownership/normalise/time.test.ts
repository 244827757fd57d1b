import { parseJiraTime } from '../../../src/ownership/normalise/time';

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
