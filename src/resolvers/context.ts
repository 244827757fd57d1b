// The parts of the Forge invocation context the resolvers read, validated like any other input.
import { z } from 'zod';
import type { InvocationContextLike } from '../jira/requester';

const IdSchema = z.union([z.string(), z.number()]).transform((v) => String(v));

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
      project: z.looseObject({ key: z.string().optional(), id: IdSchema.optional() }).optional(),
      sprint: z.looseObject({ id: IdSchema.optional() }).optional(),
      board: z.looseObject({ id: IdSchema.optional() }).optional(),
    })
    .optional(),
});
export type ForgeContext = z.infer<typeof ForgeContextSchema> & InvocationContextLike;
