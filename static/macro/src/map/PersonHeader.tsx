// A column header of the map: an avatar with the person's initials, their display name and the role the evidence
// shows (a lozenge), and where a squad reads them differently ("PO-like on CHK"); the Team column shows how many
// people it stands for instead.
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { ResultPerson } from '../../../../src/contract/analysis';
import { initials } from '../../../shared/format';
import type { MapColumn } from './map-model';

const ROLE_LOOK: Record<ResultPerson['observedRole'], ThemeAppearance> = {
  pm: 'new',
  'pm-po': 'moved',
  po: 'inprogress',
  engineer: 'default',
  none: 'default',
};

/** A stable accent per person (by id), so a face keeps its colour between refreshes; never a ranking. */
const ACCENTS = ['blue', 'purple', 'teal', 'green', 'orange', 'magenta', 'lime', 'yellow'] as const;
function accentOf(id: string): (typeof ACCENTS)[number] {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return ACCENTS[hash % ACCENTS.length]!;
}

export function PersonHeader({ column }: { column: MapColumn }) {
  if (column.team) {
    return (
      <div className="person" data-person={column.id}>
        <span className="avatar avatar-team" aria-hidden="true">
          {column.team.count}
        </span>
        <span className="person-name">{column.team.label}</span>
        <Lozenge appearance="default">Delivery</Lozenge>
      </div>
    );
  }
  const person = column.person;
  return (
    <div className="person" data-person={column.id}>
      <span className={`avatar accent-${accentOf(column.id)}`} aria-hidden="true">
        {initials(column.displayName)}
      </span>
      <span className="person-name">
        {column.displayName}
        {person && !person.active ? <span className="person-inactive"> (inactive)</span> : null}
      </span>
      {person ? (
        <span data-role={person.observedRole}>
          <Lozenge appearance={ROLE_LOOK[person.observedRole]}>{person.roleLabel}</Lozenge>
          {column.squadRoles.length > 0 ? <span className="visually-hidden"> across the scope</span> : null}
        </span>
      ) : (
        <Lozenge appearance="default">Declared only</Lozenge>
      )}
      {column.squadRoles.length > 0 ? (
        // The same person reads differently on one squad's own map (and its Jira views): said here, not left to
        // look like a contradiction between views.
        <span className="person-squad-roles" data-squad-roles>
          {column.squadRoles.map((text) => (
            <span key={text}>{text}</span>
          ))}
        </span>
      ) : null}
    </div>
  );
}
