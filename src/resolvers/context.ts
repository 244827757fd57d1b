// The parts of the Forge invocation context the resolvers read, validated like any other input: a context the
// app does not understand is a typed bad-request answer naming the part, never an exception from the resolver.
import { z } from 'zod';
import type { InvocationContextLike } from '../jira/requester';

/** Jira ids arrive as numbers or digit strings, depending on the module. */
const IdSchema = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'a number')])
  .transform((v) => String(v));
/** Jira project keys: an upper-case letter, then upper-case letters, digits or "_" (Jira's own rule). */
const ProjectKeySchema = z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'a Jira project key such as "CHK"');

export const ForgeContextSchema = z.looseObject({
  accountId: z.string().optional(),
  siteUrl: z.string().optional(),
  installContext: z.unknown().optional(),
  installation: z.unknown().optional(),
  extension: z
    .looseObject({
      type: z.string().optional(),
      /** Macro: the saved custom configuration (view.submit). Trusted over anything in the payload. */
      config: z.unknown().optional(),
      project: z.looseObject({ key: ProjectKeySchema.optional(), id: IdSchema.optional() }).optional(),
      sprint: z.looseObject({ id: IdSchema.optional() }).optional(),
      board: z.looseObject({ id: IdSchema.optional() }).optional(),
    })
    .optional(),
});
export type ForgeContext = z.infer<typeof ForgeContextSchema> & InvocationContextLike;

/** A Forge context that does not have the shape the app's modules are given. */
export class BadContextError extends Error {
  override readonly name = 'BadContextError';
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('The page this view was opened from gave the app a context it does not understand.');
  }
}

export function forgeContextOf(raw: unknown): ForgeContext {
  const parsed = ForgeContextSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new BadContextError(parsed.error.issues);
  return parsed.data;
}

/** The macro's saved configuration, or undefined when none was saved yet (Confluence gives `{}` before a save). */
export function savedMacroConfig(context: ForgeContext): unknown {
  const saved = context.extension?.config;
  if (saved === undefined || saved === null) return undefined;
  if (typeof saved === 'object' && Object.keys(saved).length === 0) return undefined;
  return saved;
}
