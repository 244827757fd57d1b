// The macro's settings at the UI boundary: shares entered in % and saved as fractions, and every problem worded once,
// the same in the panel and on the map.
import {
  configInputOf,
  draftFromSaved,
  fractionOf,
  percentText,
  validateDraft,
} from '../../../static/macro/src/config/config-draft';
import { THRESHOLD_FIELDS, settingProblem } from '../../../static/macro/src/config/field-labels';
import { ThresholdsSchema } from '../../../src/ownership/config';

const SCOPE = { scope: { projects: ['CHK'], boards: [] } };

describe('thresholds in %', () => {
  test('a saved fraction reads as a percentage and is saved back as the same fraction', () => {
    const draft = draftFromSaved({ ...SCOPE, thresholds: { accountableShare: 0.35, maxSquadSize: 8 } });
    expect(draft.thresholds).toEqual({ accountableShare: '35', maxSquadSize: '8' });
    expect(configInputOf(draft).thresholds).toEqual({ accountableShare: 0.35, maxSquadSize: 8 });
    expect(percentText(0.8735)).toBe('87.35');
    expect(fractionOf(87.35)).toBe(0.8735);
  });

  test('200 % is refused in the settings own words; 88 % is 0.88', () => {
    const draft = draftFromSaved(SCOPE);
    draft.thresholds.accountableShare = '200';
    expect(validateDraft(draft)['thresholds.accountableShare']).toBe(
      'Accountable (A) share: enter a percentage from 0 to 100.',
    );
    draft.thresholds.accountableShare = '88';
    expect(validateDraft(draft)).toEqual({});
    expect(configInputOf(draft).thresholds).toEqual({ accountableShare: 0.88 });
  });

  test('every threshold of the schema has a plain name, a unit and one line of help', () => {
    const keys = Object.keys(ThresholdsSchema.parse({})).sort();
    expect(THRESHOLD_FIELDS.map((f) => f.key).sort()).toEqual(keys);
    for (const field of THRESHOLD_FIELDS) {
      expect(field.label).not.toMatch(/ratio|collapse/i);
      expect(field.unit).not.toBe('');
      expect(field.help.split('. ').length).toBe(1);
    }
  });
});

describe('one wording for a settings problem', () => {
  test("zod's generic sentences never reach the user", () => {
    expect(
      settingProblem({ path: 'window.lastSprints', message: 'Too small: expected number to be >=1' }),
    ).toBe('Number of sprints: enter a whole number from 1 to 52.');
    expect(
      settingProblem({
        path: 'thresholds.strategicCollapsePeriods',
        message: 'Too small: expected number to be >=1',
      }),
    ).toBe('Sprints compared: enter a whole number of 1 or more.');
    expect(settingProblem({ path: 'scope.projects.0', message: 'Project keys look like ABC.' })).toBe(
      'Projects: Project keys look like ABC.',
    );
  });
});
