// `npm run bundle [appDir]`: bundles the backend with Atlassian's @forge/bundler exactly as `forge deploy` does,
// prints what it wrote and how long it took, and removes it; exit code 1 when bundling fails.
import path from 'node:path';
import { APP_DIR, bundleApp } from './bundle';

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}

async function main(): Promise<number> {
  const appDir = path.resolve(process.argv[2] ?? APP_DIR);
  console.log(`Bundling the backend of ${appDir} as forge deploy does (@forge/bundler, offline)…`);
  const started = Date.now();
  const bundle = await bundleApp(appDir);
  try {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Bundled ${bundle.handlers.map((h) => `${h.module}.${h.func}`).join(', ')} in ${seconds} s:`);
    for (const file of bundle.files) console.log(`  ${file.name.padEnd(20)} ${kib(file.bytes).padStart(10)}`);
    for (const warning of bundle.warnings) console.log(`warning: ${warning}`);
  } finally {
    bundle.remove();
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
