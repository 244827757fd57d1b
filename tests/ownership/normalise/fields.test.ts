import type { JiraField } from '../../../src/jira/schemas';
import { fieldLookup } from '../../../src/ownership/normalise/fields';
import { F, FIELDS, item, person, SiteBuilder } from '../build';
import { norm, only } from './helpers';

const otto = person('otto', 'Otto PO');

describe('field lookup', () => {
  const lookup = fieldLookup(FIELDS);

  it('matches by fieldId first: a custom field named "Sprint" that is not the gh-sprint field is not the Sprint', () => {
    expect(lookup.kindOf({ field: 'Sprint', fieldId: F.sprint })).toBe('sprint');
    expect(lookup.kindOf({ field: 'Sprint', fieldId: 'customfield_99999' })).toBe('other');
  });

  it('falls back to the field name when the item has no fieldId (older histories)', () => {
    expect(lookup.kindOf({ field: 'Sprint' })).toBe('sprint');
    expect(lookup.kindOf({ field: 'Fix Version' })).toBe('fixVersion');
    expect(lookup.kindOf({ field: 'IssueParentAssociation' })).toBe('parent');
    expect(lookup.kindOf({ field: 'Epic Link' })).toBe('epicLink');
    expect(lookup.kindOf({ field: 'Story Points' })).toBe('estimate');
    expect(lookup.kindOf({ field: 'Attachment' })).toBe('other');
  });

  it('matches a name only when exactly one site field has it; otherwise leaves the item out and reports it', () => {
    const text: JiraField = {
      id: 'customfield_19999',
      name: 'Story point estimate',
      custom: true,
      schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' },
    } as JiraField;
    expect(lookup.kindOf({ field: 'Story point estimate' })).toBe('estimate');
    expect(lookup.gaps()).toEqual([]);
    const twoOfAName = fieldLookup([...FIELDS, text]);
    for (let i = 0; i < 7; i++) expect(twoOfAName.kindOf({ field: 'Story point estimate' })).toBe('other');
    // With a fieldId the item is never ambiguous.
    expect(twoOfAName.kindOf({ field: 'Story point estimate', fieldId: F.storyPoints })).toBe('estimate');
    expect(twoOfAName.gaps()).toEqual([
      {
        kind: 'unreadable',
        message:
          '7 changes to a field named "Story point estimate" carry no field id, and this site has 2 fields of that name, so they are left out.',
      },
    ]);
  });

  it("uses the site's own (localised) field names found by schema type", () => {
    const localised: JiraField[] = FIELDS.map((f) => (f.id === F.rank ? { ...f, name: 'Rang' } : f));
    expect(fieldLookup(localised).kindOf({ field: 'Rang' })).toBe('rank');
    expect(lookup.kindOf({ field: 'Rang' })).toBe('other');
  });

  it('a Server-era history (no fieldId) is attributed the same way as a Cloud one', () => {
    const build = (serverEra: boolean) => {
      const s = new SiteBuilder({ serverEra })
        .board(1, 'Team')
        .sprint(1, 10, { start: '2026-03-02', end: '2026-03-13' });
      s.issue('P-1', { created: '2026-02-20', by: otto })
        .change('2026-02-25', otto, item.rank(), item.points(3), item.sprint([10]))
        .change('2026-03-03', otto, item.status('In Progress'))
        .change('2026-03-05', otto, item.status('Done'), item.fixVersion('1.0'));
      return norm(s);
    };
    const cloud = build(false);
    const server = build(true);
    expect(server.events.map((e) => [e.row, e.weight, e.sprintId])).toEqual(
      cloud.events.map((e) => [e.row, e.weight, e.sprintId]),
    );
    expect(only(server, 'prioritization')).toHaveLength(1);
    expect(server.issues.get('P-1')?.currentSprints).toEqual([10]);
  });
});
