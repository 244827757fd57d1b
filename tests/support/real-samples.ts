// Where the real Apache Jira samples live: tests/fixtures/real-jira, inside the repository, so a fresh clone tests
// with nothing beside it. Their source and attribution are in that folder's README.md.
import path from 'node:path';

export const REAL_SAMPLES_DIR = path.resolve(__dirname, '..', 'fixtures', 'real-jira');
