// Build of the Confluence macro (map + its custom configuration share this one resource).
import { surfaceConfig } from '../shared/vite-config.mts';

export default surfaceConfig(import.meta.dirname);
