// Build of the Jira views: bandwidth breakdown and sprint acceptance review.
import { surfaceConfig } from '../shared/vite-config.ts';

export default surfaceConfig(import.meta.dirname);
