// The macro before its first configuration: an invitation to pick the Jira scope, never an error.
import { NotConfiguredState } from '../../shared/states';

export function NotConfigured() {
  return (
    <NotConfiguredState title="Configure this ownership map">
      <p style={{ margin: 0 }}>
        This map shows who really holds the product manager and product owner responsibilities — roadmap,
        backlog order, stories, sprint scope, acceptance — from what happened in Jira.
      </p>
      <p style={{ margin: '8px 0 0' }}>
        Edit the macro (the pencil on the macro&apos;s toolbar) and pick the Jira projects or boards it should
        read.
      </p>
    </NotConfiguredState>
  );
}
