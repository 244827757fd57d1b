// Build of the Confluence macro (map + its custom configuration share this one resource).
import { surfaceConfig } from '../shared/vite-config.ts';

export default surfaceConfig(import.meta.dirname);
