// Forge entry points: the one resolver function every UI module calls, the background sync's consumer and
// scheduled trigger, and the consumer preparing big scopes' results (manifest.yml names them as index.<export>).
import { handler as resolverHandler } from './resolvers';

export const handler = resolverHandler;
export { consume as syncConsume, schedule as syncSchedule } from './sync/handlers';
export { prepare as servePrepare } from './serve/prepare';
