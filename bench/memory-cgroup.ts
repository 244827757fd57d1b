// A memory limit the kernel enforces, as the container of a Forge function has one: a cgroup of `memoryMB` that a
// child joins before node starts, so node sizes its own heap from the limit (as it does in any container) and the
// kernel kills it past the limit. Measured so because what heap a Forge function's node is given could not be
// confirmed offline: with node's own sizing, the heap in 512 MB is about half of it. Needs a memory controller this
// process may write to (root, cgroup v1 or v2); without one the bench says so and measures with a heap flag only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface MemoryCgroup {
  memoryMB: number;
  /** Runs node with `args` inside the cgroup and returns what it printed; throws as execFileSync does. */
  node(args: readonly string[], options?: { quiet?: boolean; cwd?: string }): string;
  /** The heap node gives itself inside the cgroup, MB. */
  heapLimitMB(): number;
  remove(): void;
}

const V2_ROOT = '/sys/fs/cgroup';
const V1_ROOT = '/sys/fs/cgroup/memory';

/** Where a memory cgroup can be made, and how its limit is written; or why none can. */
function controller(): { root: string; limit: (dir: string, bytes: number) => void } | string {
  const v2 = path.join(V2_ROOT, 'cgroup.controllers');
  if (existsSync(v2) && readFileSync(v2, 'utf8').split(/\s+/).includes('memory')) {
    return {
      root: V2_ROOT,
      limit: (dir, bytes) => {
        writeFileSync(path.join(dir, 'memory.max'), String(bytes));
        // No swap: past the limit the function is killed, not slowed.
        if (existsSync(path.join(dir, 'memory.swap.max')))
          writeFileSync(path.join(dir, 'memory.swap.max'), '0');
      },
    };
  }
  if (existsSync(path.join(V1_ROOT, 'memory.limit_in_bytes'))) {
    return {
      root: V1_ROOT,
      limit: (dir, bytes) => {
        writeFileSync(path.join(dir, 'memory.limit_in_bytes'), String(bytes));
        const withSwap = path.join(dir, 'memory.memsw.limit_in_bytes');
        if (existsSync(withSwap)) writeFileSync(withSwap, String(bytes));
      },
    };
  }
  return 'this machine has no cgroup memory controller';
}

/** A cgroup of `memoryMB` named `name`, or the reason there is none (no controller, no permission). */
export function memoryCgroup(name: string, memoryMB: number): MemoryCgroup | string {
  const found = controller();
  if (typeof found === 'string') return found;
  const dir = path.join(found.root, name);
  try {
    mkdirSync(dir, { recursive: true });
    found.limit(dir, memoryMB * 2 ** 20);
  } catch (error) {
    return `no memory cgroup could be made here (${(error as Error).message})`;
  }
  const node = (args: readonly string[], options: { quiet?: boolean; cwd?: string } = {}) =>
    execFileSync(
      '/bin/sh',
      ['-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', dir, process.execPath, ...args],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
        ...(options.quiet ? { stdio: ['ignore', 'pipe', 'ignore'] } : {}),
      },
    );
  return {
    memoryMB,
    node,
    heapLimitMB: () =>
      Math.round(
        Number(node(['-p', 'require("node:v8").getHeapStatistics().heap_size_limit']).trim()) / 2 ** 20,
      ),
    remove: () => rmdirSync(dir),
  };
}
