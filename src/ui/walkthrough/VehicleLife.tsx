import { memo } from 'react';
import { vehicleLifeTimeline } from '../../session/charts/vehicleLife';
import type { WalkthroughView } from '../../session/walkthroughView';
import { VehicleLifeChart } from '../charts';

/** The damaged vehicle's life at this step, beside the vehicle cards: drawn from the view as of the last painted frame. */
export const VehicleLife = memo(function VehicleLife({ view }: { view: WalkthroughView }) {
  if (!view.snapshot.context.anomalyDetected) return null;
  return (
    <section className="vehicle-life" aria-labelledby="vehicle-life-title">
      <h3 id="vehicle-life-title">Vehicle life</h3>
      <VehicleLifeChart timeline={vehicleLifeTimeline(view)} />
    </section>
  );
});
