import { z } from 'zod';

// The Content-Security-Policy forbids eval; Zod would probe for it (a reported violation) before doing
// without. Imported first by main.tsx, since built-in scenarios are parsed as their modules load.
z.config({ jitless: true });
