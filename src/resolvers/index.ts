// The resolver definitions the Custom UIs call through @forge/bridge invoke.
import Resolver from '@forge/resolver';

const resolver = new Resolver();

resolver.define('ping', () => ({ ok: true as const, data: { version: 1 } }));

export const handler = resolver.getDefinitions();
