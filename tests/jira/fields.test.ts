// Finding the product fields of a site by schema.custom, with names only as a fallback, and user overrides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_SAMPLES_DIR } from '../support/real-samples';
import { issueFieldsToRequest, resolveProductFields, SYSTEM_ISSUE_FIELDS } from '../../src/jira/fields';
import { FieldListSchema, type JiraField } from '../../src/jira/schemas';

const apacheFields = FieldListSchema.parse(
  JSON.parse(readFileSync(join(REAL_SAMPLES_DIR, 'apache-TEZ', 'fields.json'), 'utf8')),
);

function custom(id: string, name: string, type: string, customKey: string): JiraField {
  return { id, name, custom: true, schema: { type, custom: customKey, customId: Number(id.split('_')[1]) } };
}

describe('resolveProductFields', () => {
  test('resolves the Apache Server field list by schema (obsolete and global ranks are not the lexo Rank)', () => {
    const resolved = resolveProductFields(apacheFields);
    expect(resolved.sprint).toEqual({ id: 'customfield_12310921', name: 'Sprint' });
    expect(resolved.rank).toEqual({ id: 'customfield_12311820', name: 'Rank' });
    expect(resolved.storyPoints).toEqual({ id: 'customfield_12310293', name: 'Story Points' });
    expect(resolved.epicLink).toEqual({ id: 'customfield_12311120', name: 'Epic Link' });
    expect(resolved.parentLink).toEqual({ id: 'customfield_12314520', name: 'Parent Link' });
    expect(resolved.targetStart).toEqual({ id: 'customfield_12314521', name: 'Target start' });
    expect(resolved.targetEnd).toEqual({ id: 'customfield_12314522', name: 'Target end' });
    expect(resolved.acceptanceCriteria).toBeUndefined();
    expect(resolved.startDate).toEqual({ id: 'customfield_12314422', name: 'Start Date' });
  });

  test('jsw-story-points wins over a float named "Story Points"; both stay candidates, best first', () => {
    const fields = [
      custom(
        'customfield_10016',
        'Story Points',
        'number',
        'com.atlassian.jira.plugin.system.customfieldtypes:float',
      ),
      custom(
        'customfield_10026',
        'Story point estimate',
        'number',
        'com.pyxis.greenhopper.jira:jsw-story-points',
      ),
    ];
    const resolved = resolveProductFields(fields);
    expect(resolved.storyPoints?.id).toBe('customfield_10026');
    expect(resolved.candidates.storyPoints.map((f) => f.id)).toEqual([
      'customfield_10026',
      'customfield_10016',
    ]);
  });

  test('of two same-name textarea fields, the older is chosen; a textarea beats a same-name text field', () => {
    const fields = [
      custom(
        'customfield_10300',
        'Acceptance Criteria',
        'string',
        'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
      ),
      custom(
        'customfield_10200',
        'Acceptance criteria',
        'string',
        'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
      ),
      custom(
        'customfield_10100',
        'Acceptance criteria',
        'string',
        'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
      ),
    ];
    const resolved = resolveProductFields(fields);
    expect(resolved.acceptanceCriteria?.id).toBe('customfield_10100');
    expect(resolved.candidates.acceptanceCriteria.map((f) => f.id)).toEqual([
      'customfield_10100',
      'customfield_10200',
      'customfield_10300',
    ]);
  });

  test('a user override wins when the field exists, and is ignored when it does not', () => {
    const fields = [
      custom(
        'customfield_10100',
        'Acceptance criteria',
        'string',
        'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
      ),
      custom(
        'customfield_10200',
        'Acceptance criteria',
        'string',
        'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
      ),
    ];
    expect(
      resolveProductFields(fields, { acceptanceCriteria: 'customfield_10200' }).acceptanceCriteria?.id,
    ).toBe('customfield_10200');
    expect(
      resolveProductFields(fields, { acceptanceCriteria: 'customfield_99' }).acceptanceCriteria?.id,
    ).toBe('customfield_10100');
  });

  test('Cloud "Start date" is found by name and date type', () => {
    const fields = [
      custom(
        'customfield_10015',
        'Start date',
        'date',
        'com.atlassian.jira.plugin.system.customfieldtypes:datepicker',
      ),
    ];
    expect(resolveProductFields(fields).startDate).toEqual({ id: 'customfield_10015', name: 'Start date' });
  });
});

describe('issueFieldsToRequest', () => {
  test('asks for the system fields plus exactly the resolved custom fields', () => {
    const requested = issueFieldsToRequest(resolveProductFields(apacheFields));
    expect(requested.slice(0, SYSTEM_ISSUE_FIELDS.length)).toEqual([...SYSTEM_ISSUE_FIELDS]);
    expect(requested.slice(SYSTEM_ISSUE_FIELDS.length)).toEqual([
      'customfield_12310921',
      'customfield_12311820',
      'customfield_12310293',
      'customfield_12311120',
      'customfield_12314520',
      'customfield_12314521',
      'customfield_12314522',
      'customfield_12314422',
    ]);
  });
});
