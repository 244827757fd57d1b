// Build of the Jira views: bandwidth breakdown and sprint acceptance review.
import { surfaceConfig } from '../shared/vite-config.mts';

export default surfaceConfig(import.meta.dirname);
