import { type ComponentProps, lazy, Suspense } from 'react';

// The library is the first screen: the walkthrough and the audit trail (and all they draw) come when opened.
const Walkthrough = lazy(() => import('./WalkthroughScreen').then((m) => ({ default: m.WalkthroughScreen })));
const Audit = lazy(() => import('../audit').then((m) => ({ default: m.AuditView })));

function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export const WalkthroughScreen = (props: ComponentProps<typeof Walkthrough>) => (
  <Suspense fallback={<Loading what="the walkthrough" />}>
    <Walkthrough {...props} />
  </Suspense>
);

export const AuditView = (props: ComponentProps<typeof Audit>) => (
  <Suspense fallback={<Loading what="the audit trail" />}>
    <Audit {...props} />
  </Suspense>
);
