// Where the real Apache Jira samples live: ../shared/real-jira-samples beside the repository (as in CI), or
// REAL_JIRA_SAMPLES. They are not copied into the repo (no licence is stated for them).
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REAL_SAMPLES_DIR =
  process.env.REAL_JIRA_SAMPLES ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'real-jira-samples');

if (!existsSync(REAL_SAMPLES_DIR)) {
  throw new Error(
    `The real Jira samples are missing at ${REAL_SAMPLES_DIR}: put shared/ beside the repository or set REAL_JIRA_SAMPLES.`,
  );
}
