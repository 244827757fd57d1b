// Zod without its compiled fast path: zod probes `new Function` to decide whether it may compile parsers, and a
// strict Content-Security-Policy (Forge's Custom UI default has no 'unsafe-eval') reports that probe as a violation
// even though zod catches it. Import this module first in every Custom UI entry.
import { z } from 'zod';

z.config({ jitless: true });
