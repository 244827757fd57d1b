// Forge entry point: the one resolver function every module of the manifest calls.
import { handler as resolverHandler } from './resolvers';

export const handler = resolverHandler;
