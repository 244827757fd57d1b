// Forge entry points: the one resolver function every UI module calls, and the background sync's consumer and
// scheduled trigger (manifest.yml names them as index.<export>).
import { handler as resolverHandler } from './resolvers';

export const handler = resolverHandler;
export { consume as syncConsume, schedule as syncSchedule } from './sync/handlers';
