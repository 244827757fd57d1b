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

/** Evidence `from` / `to` texts (descriptions can be long) are cut to this many characters. */
export const EVIDENCE_TEXT_CAP = 200;

/**
 * A `from` / `to` text as evidence shows it: long ones (descriptions, criteria) cut to EVIDENCE_TEXT_CAP. Events
 * keep only this much of their item (a real site's descriptions run to kilobytes, and a description edit holds
 * two), so the cut is a copy of its own: a plain slice would keep the whole text alive behind it.
 */
export function cutEvidenceText<T extends string | null | undefined>(text: T): T | string {
  if (typeof text !== 'string' || text.length <= EVIDENCE_TEXT_CAP) return text;
  const cut = `${text.slice(0, EVIDENCE_TEXT_CAP - 1)}…`;
  // Reading a character flattens V8's joined string into one fresh copy, letting go of `text`.
  cut.charCodeAt(0);
  return cut;
}
