import { isWorkingTime, workingDaysBetween } from '../../src/ownership/working-days';

const t = (iso: string) => Date.parse(`${iso}Z`);

describe('working days (Mon–Fri, UTC)', () => {
  it('a whole working day is 1; a weekend adds nothing', () => {
    expect(workingDaysBetween(t('2026-03-02T09:00'), t('2026-03-03T09:00'))).toBe(1); // Mon → Tue
    expect(workingDaysBetween(t('2026-03-06T09:00'), t('2026-03-09T09:00'))).toBe(1); // Fri → Mon
    expect(workingDaysBetween(t('2026-03-07T00:00'), t('2026-03-09T00:00'))).toBe(0); // Sat → Mon 00:00
  });

  it('counts the working part of partial days', () => {
    expect(workingDaysBetween(t('2026-03-06T18:00'), t('2026-03-09T06:00'))).toBe(0.5); // Fri 18:00 → Mon 06:00
    expect(workingDaysBetween(t('2026-03-02T00:00'), t('2026-03-16T00:00'))).toBe(10); // two weeks
  });

  it('is 0 when the end is not after the start', () => {
    expect(workingDaysBetween(t('2026-03-03T00:00'), t('2026-03-02T00:00'))).toBe(0);
  });

  it('knows which instants fall on working days', () => {
    expect(isWorkingTime(t('2026-03-02T12:00'))).toBe(true);
    expect(isWorkingTime(t('2026-03-08T12:00'))).toBe(false);
  });
});
