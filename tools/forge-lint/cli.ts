// `npm run lint:forge [appDir]`: the offline Forge check (manifest + scopes); exit code 1 when it finds problems.
import path from 'node:path';
import { runForgeLint } from './lint';
import { describeReport } from './report-text';

async function main(): Promise<number> {
  const appDir = path.resolve(process.argv[2] ?? path.join(__dirname, '../..'));
  console.log(
    `Checking the Forge app in ${appDir} offline: manifest.yml, and the Jira calls in src/ against its scopes.`,
  );
  const report = await runForgeLint({ appDir });
  const { lines, ok } = describeReport(report);
  for (const line of lines) console.log(line);
  if (!ok) console.log('The Forge check found problems; fix them before `forge deploy`.');
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`The Forge check could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
