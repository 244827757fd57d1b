// The scopes in use: each macro's saved scope and each project page's project, registered when first viewed and
// when a config is saved. The sync reads the union of their projects once per installation, not once per macro.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Storage } from '../store/storage';

export const ScopeInUseSchema = z.object({
  projects: z.array(z.string()),
  registeredAt: z.number(),
});
export type ScopeInUse = z.infer<typeof ScopeInUseSchema>;

const PREFIX = 'sync:scope:';

function normalised(projects: readonly string[]): string[] {
  return [...new Set(projects.map((key) => key.trim().toUpperCase()).filter((key) => key !== ''))].sort();
}

/** Registers a scope; true when it was not registered before (the caller then asks for a sync). */
export async function registerScope(
  storage: Storage,
  projects: readonly string[],
  now: number,
): Promise<boolean> {
  const keys = normalised(projects);
  if (keys.length === 0) return false;
  // A hash, not the keys themselves: a scope of many projects would pass KVS's 500-character key limit.
  const key = `${PREFIX}${createHash('sha256').update(keys.join(',')).digest('hex').slice(0, 32)}`;
  if ((await storage.get(key, ScopeInUseSchema)) !== undefined) return false;
  await storage.setMany([{ key, value: { projects: keys, registeredAt: now } }]);
  return true;
}

/** The union of every registered scope's projects, in key order. */
export async function projectsInUse(storage: Storage): Promise<string[]> {
  const projects = new Set<string>();
  for await (const { value } of storage.list(PREFIX, ScopeInUseSchema)) {
    for (const project of value.projects) projects.add(project);
  }
  return [...projects].sort();
}
