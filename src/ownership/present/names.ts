// Two people with the same display name are told apart, never merged (DOMAIN.md "Columns of the map"): each gets a
// short suffix from the end of their account id, long enough to differ from every namesake's.
const SHORTEST_SUFFIX = 4;

export function distinctNames(people: readonly { id: string; displayName: string }[]): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const p of people) byName.set(p.displayName, [...(byName.get(p.displayName) ?? []), p.id]);
  const out = new Map<string, string>();
  for (const [name, ids] of byName) {
    if (ids.length === 1) {
      out.set(ids[0] as string, name);
      continue;
    }
    let length = SHORTEST_SUFFIX;
    const longest = Math.max(...ids.map((id) => id.length));
    while (length < longest && new Set(ids.map((id) => id.slice(-length))).size < ids.length) length += 1;
    for (const id of ids) out.set(id, `${name} (…${id.slice(-length)})`);
  }
  return out;
}
