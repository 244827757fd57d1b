import { ThresholdsSchema } from '../../src/ownership/config';
import { AUTOMATION_ID } from '../../src/ownership/model';
import { observeRoles, roleOf } from '../../src/ownership/roles';
import { many } from './events';

const T = ThresholdsSchema.parse({});

describe('observed roles', () => {
  it('PM-like when strategic work dominates, PO-like when tactical does, PM/PO when both reach 10 %', () => {
    expect(roleOf(9.1, 0.9, 0, T)).toBe('pm'); // tactical 9 % of product activity
    expect(roleOf(0.9, 9.1, 0, T)).toBe('po');
    expect(roleOf(1, 9, 0, T)).toBe('pm-po'); // exactly 10 % strategic
    expect(roleOf(0.99, 9.01, 0, T)).toBe('po'); // 9.9 %
  });

  it('an engineer when delivery is at least half of the activity; none without activity', () => {
    expect(roleOf(1, 1, 2, T)).toBe('engineer');
    expect(roleOf(1, 1, 1.9, T)).toBe('pm-po');
    expect(roleOf(0, 0, 0, T)).toBe('none');
  });

  it('adds weights per layer and reports shares; automation has no role', () => {
    const roles = observeRoles(
      [
        ...many(2, 'roadmap', 'pam', 3),
        ...many(6, 'acceptance', 'pam'),
        ...many(10, 'delivery', 'dev'),
        ...many(5, 'acceptance', AUTOMATION_ID),
      ],
      T,
    );
    expect([...roles.keys()]).toEqual(['dev', 'pam']);
    expect(roles.get('pam')).toMatchObject({
      role: 'pm-po',
      strategicWeight: 6,
      tacticalWeight: 6,
      deliveryWeight: 0,
      strategicShare: 0.5,
      tacticalShareOfProduct: 0.5,
      eventCount: 8,
    });
    expect(roles.get('dev')).toMatchObject({ role: 'engineer', deliveryShare: 1 });
  });

  it('role thresholds are configurable', () => {
    const wide = ThresholdsSchema.parse({ roleSubstantialShare: 0.05, engineerDeliveryShare: 0.9 });
    expect(roleOf(1, 9, 0, wide)).toBe('pm-po');
    expect(roleOf(1, 1, 2, wide)).toBe('pm-po');
  });
});
