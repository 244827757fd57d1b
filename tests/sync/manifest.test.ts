// The sync's code and manifest.yml agree: the consumer listens on the queue the code pushes to, and the slice's
// time budget is computed from the very timeoutSeconds Forge enforces on that function.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PREPARE_QUEUE, PREPARE_MEMORY_MB, PREPARE_TIMEOUT_SECONDS } from '../../src/serve/prepare';
import { SYNC_QUEUE, SYNC_TIMEOUT_SECONDS } from '../../src/sync/jobs';

interface Manifest {
  modules: {
    consumer: { key: string; queue: string; function: string }[];
    scheduledTrigger: { key: string; function: string; interval: string }[];
    function: { key: string; handler: string; timeoutSeconds?: number }[];
  };
}

const manifest = parse(readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8')) as Manifest;

test('the consumer of the sync queue runs index.syncConsume with the timeout the slices are cut to', () => {
  const consumer = manifest.modules.consumer.find((c) => c.queue === SYNC_QUEUE);
  expect(consumer).toBeDefined();
  const fn = manifest.modules.function.find((f) => f.key === consumer?.function);
  expect(fn).toEqual({
    key: 'sync-consume',
    handler: 'index.syncConsume',
    timeoutSeconds: SYNC_TIMEOUT_SECONDS,
  });
});

test('an hourly trigger runs index.syncSchedule', () => {
  const trigger = manifest.modules.scheduledTrigger.find((t) => t.function === 'sync-schedule');
  expect(trigger?.interval).toBe('hour');
  expect(manifest.modules.function.find((f) => f.key === 'sync-schedule')?.handler).toBe(
    'index.syncSchedule',
  );
});

test('the consumer of the prepare queue runs index.servePrepare with the timeout its storage waits are cut to and the most memory', () => {
  const consumer = manifest.modules.consumer.find((c) => c.queue === PREPARE_QUEUE);
  const fn = manifest.modules.function.find((f) => f.key === consumer?.function);
  expect(fn).toEqual({
    key: 'serve-prepare',
    handler: 'index.servePrepare',
    timeoutSeconds: PREPARE_TIMEOUT_SECONDS,
    runtime: { memoryMB: PREPARE_MEMORY_MB },
  });
});
