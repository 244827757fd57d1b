// The zod form of a piece of evidence (model.ts `Evidence`), so results and warnings can carry it across the wire.
import { z } from 'zod';
import type { Evidence } from './model';

export const EvidenceSchema = z.object({
  issueKey: z.string(),
  historyId: z.string().optional(),
  at: z.string(),
  field: z.string().optional(),
  from: z.string().nullish(),
  to: z.string().nullish(),
});

// Both directions must hold, so the schema and the model interface can never drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const evidenceMatchesModel: Same<z.infer<typeof EvidenceSchema>, Evidence> = true;
void evidenceMatchesModel;

/** Lists of evidence are capped at this many items in a result; the full count travels beside them. */
export const EVIDENCE_CAP = 20;
