// `npm run sample:generate` must reproduce samples/acme byte for byte: the committed sample is the generator's
// output, not a hand-edited file.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ACME_SAMPLE_DIR, generateAcme } from '../../../tools/sample/acme';
import { writeSnapshot } from '../../../tools/sample/write-snapshot';

describe('acme sample regeneration', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'acme-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('regenerating the sample rewrites every committed file byte for byte', async () => {
    const stats = await writeSnapshot(dir, generateAcme());
    // The README and the preview's macro config are written by hand beside the generated files.
    const committed = (await readdir(ACME_SAMPLE_DIR))
      .filter((f) => f !== 'README.md' && f !== 'preview-config.json')
      .sort();
    expect((await readdir(dir)).sort()).toEqual(committed);
    for (const file of committed) {
      const fresh = await readFile(path.join(dir, file));
      const kept = await readFile(path.join(ACME_SAMPLE_DIR, file));
      expect({ file, equal: fresh.equals(kept) }).toEqual({ file, equal: true });
    }
    expect(stats.issues).toBe(587);
    expect(stats.histories).toBe(5469);
  });
});
