// The sync's own points budget per hour and installation, kept in storage so every slice of every job shares it.
// Jira charges 1 point per request plus 1 per object returned (issues, histories, boards…): the sync counts the
// same way as it reads, stops before the hour's budget is spent, and resumes when the next hour begins.
import { z } from 'zod';
import type { Storage } from '../store/storage';

const BUDGET_KEY = 'sync:budget';
const HOUR_MS = 3_600_000;
const BudgetSchema = z.object({ hourStart: z.number(), spent: z.number() });

export class PointsBudget {
  private hourStart: number;
  private spentThisHour: number;
  /** Points spent through this object (across hours), for the benchmark. */
  spentTotal = 0;

  private constructor(
    private readonly storage: Storage,
    private readonly perHour: number,
    private readonly now: () => number,
    saved: z.infer<typeof BudgetSchema> | undefined,
  ) {
    const hour = Math.floor(now() / HOUR_MS) * HOUR_MS;
    this.hourStart = hour;
    this.spentThisHour = saved?.hourStart === hour ? saved.spent : 0;
  }

  static async load(storage: Storage, perHour: number, now: () => number): Promise<PointsBudget> {
    return new PointsBudget(storage, perHour, now, await storage.get(BUDGET_KEY, BudgetSchema));
  }

  private roll(): void {
    const hour = Math.floor(this.now() / HOUR_MS) * HOUR_MS;
    if (hour !== this.hourStart) {
      this.hourStart = hour;
      this.spentThisHour = 0;
    }
  }

  /** Whether `points` more may be spent this hour. */
  allows(points: number): boolean {
    this.roll();
    return this.spentThisHour + points <= this.perHour;
  }

  /** Points still allowed this hour. */
  get remaining(): number {
    this.roll();
    return Math.max(0, this.perHour - this.spentThisHour);
  }

  spend(points: number): void {
    this.roll();
    this.spentThisHour += points;
    this.spentTotal += points;
  }

  /** When the budget is whole again: the start of the next hour. */
  get refillsAt(): number {
    this.roll();
    return this.hourStart + HOUR_MS;
  }

  async save(): Promise<void> {
    await this.storage.setMany([
      { key: BUDGET_KEY, value: { hourStart: this.hourStart, spent: this.spentThisHour } },
    ]);
  }
}
