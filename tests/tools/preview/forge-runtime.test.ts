// The emulated runtime globals: installed while a preview runs, per invocation, and restored afterwards.
import api, { route } from '@forge/api';
import { acquireForgeRuntime } from '../../../tools/preview/forge-runtime';

type Globals = typeof globalThis & { __forge_fetch__?: unknown; __forge_runtime__?: unknown };

test('the globals are installed once for all previews and the last release restores what was there', () => {
  const globals = globalThis as Globals;
  const before = () => 'someone else';
  globals.__forge_fetch__ = before;
  const releaseFirst = acquireForgeRuntime();
  const releaseSecond = acquireForgeRuntime();
  const installed = globals.__forge_fetch__;
  expect(installed).not.toBe(before);
  releaseFirst();
  releaseFirst(); // releasing twice counts once
  expect(globals.__forge_fetch__).toBe(installed);
  releaseSecond();
  expect(globals.__forge_fetch__).toBe(before);
  expect('__forge_runtime__' in globals).toBe(false);
  delete globals.__forge_fetch__;
});

test('a product request outside any invocation fails clearly instead of acting as nobody', async () => {
  const release = acquireForgeRuntime();
  try {
    await expect(api.asUser().requestJira(route`/rest/api/3/myself`)).rejects.toThrow(
      'A product request (/rest/api/3/myself) was made outside a preview invocation',
    );
    expect((globalThis as Globals).__forge_runtime__).toBeUndefined();
  } finally {
    release();
  }
});
