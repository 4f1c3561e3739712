/**
 * Zod as every schema of the project uses it (a lint plugin refuses `from 'zod'` anywhere else). The
 * Content-Security-Policy forbids eval; unconfigured, Zod probes for it with `new Function` (a reported
 * violation, in the page and in its workers) the first time it builds an object schema. Being the
 * module a schema imports Zod from, this runs before any schema is built, in every bundle and worker.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
