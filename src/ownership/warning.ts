// A bottleneck or health warning (DOMAIN.md "Bottleneck and health warnings"): who, the figure, the threshold, the evidence.
import { z } from 'zod';
import { EvidenceSchema } from './evidence';

/** The eleven warnings DOMAIN.md defines; each one lives in src/ownership/warnings/<id>.ts. */
export const WARNING_IDS = [
  'strategy-and-acceptance',
  'tactical-overload',
  'acceptance-concentration',
  'vague-stories',
  'deferred-strategy',
  'span-of-control',
  'squad-size',
  'self-acceptance',
  'no-owner',
  'single-point',
  'declared-mismatch',
] as const;
export const WarningIdSchema = z.enum(WARNING_IDS);
export type WarningId = z.infer<typeof WarningIdSchema>;

export const SeveritySchema = z.enum(['high', 'medium', 'low']);
export type Severity = z.infer<typeof SeveritySchema>;

export const WarningSchema = z.object({
  id: WarningIdSchema,
  severity: SeveritySchema,
  /** Short heading, e.g. "Roadmap owner is also the only acceptor". */
  title: z.string(),
  /** A plain sentence: who, the figure, the threshold, what to do. */
  message: z.string(),
  /** Person ids (see the result's people list for names). */
  people: z.array(z.string()),
  /** The numbers that fired it, e.g. { acceptanceShare: 0.82, medianWaitDays: 3 }. */
  figures: z.record(z.string(), z.number()),
  /** The thresholds those numbers were compared with, same keys where it makes sense. */
  thresholds: z.record(z.string(), z.number()),
  /** Set when the warning is about one board (squad). */
  boardId: z.number().optional(),
  /** At most EVIDENCE_CAP items (src/ownership/evidence.ts); evidenceTotal says how many there were. */
  evidence: z.array(EvidenceSchema),
  evidenceTotal: z.number().int().min(0),
});
export type Warning = z.infer<typeof WarningSchema>;
