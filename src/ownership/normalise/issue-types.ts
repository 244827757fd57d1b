// Hierarchy level and "story-like" from the issue type: issuetype.hierarchyLevel when Jira gives it, else the name.
const STORY_LIKE = /story|feature|improvement|enhancement|task|requirement|spike|wish|backlog item/i;

/** Fallback by name only when hierarchyLevel is missing (Server-era data, historic type names). */
export function levelByName(name: string, subtask?: boolean): number {
  if (subtask === true) return -1;
  const lower = name.trim().toLowerCase();
  if (lower === 'epic') return 1;
  if (lower === 'initiative') return 2;
  if (lower === 'sub-task' || lower === 'subtask') return -1;
  return 0;
}

/**
 * Story-writing counts creating a level-0 issue of a story-like type: stories, features, improvements, tasks,
 * requirements. Bugs, incidents, tests and support requests are raised by anyone and are not product writing.
 */
export function isStoryLike(name: string, level: number): boolean {
  return level === 0 && STORY_LIKE.test(name);
}
