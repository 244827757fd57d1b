// Runs work "inside" a Forge app folder: @forge/lint and @forge/manifest resolve manifest.yml, tsconfig.json and
// the files to lint against process.cwd(), and read their settings from process.env, so both are switched for the
// duration of the work and restored afterwards. Calls are queued because cwd and env are process-wide.
import { isMainThread } from 'node:worker_threads';

let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` with cwd = `appDir` and the given environment variables set; one call at a time per process. */
export function inAppDir<T>(appDir: string, env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const run = queue.then(() => runInside(appDir, env, work));
  queue = run.catch(() => undefined);
  return run;
}

async function runInside<T>(appDir: string, env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const previousCwd = process.cwd();
  const previousEnv = new Map(Object.keys(env).map((name) => [name, process.env[name]]));
  if (previousCwd !== appDir) {
    if (!isMainThread) {
      // process.chdir() throws in worker threads; say why instead of Node's ERR_WORKER_UNSUPPORTED_OPERATION.
      throw new Error(
        `The Forge check must run in the main thread or with cwd = ${appDir} (it needs process.chdir)`,
      );
    }
    process.chdir(appDir);
  }
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [name, value] of previousEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (process.cwd() !== previousCwd) process.chdir(previousCwd);
  }
}
