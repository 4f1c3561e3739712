import { type ComponentProps, type ComponentType, lazy, Suspense } from 'react';
import { useDrawnWhenNear } from './useDrawnWhenNear';

// One chunk holds every chart and the charting library: loaded on first use, out of the initial JavaScript.
const charts = () => import('./allCharts');
const Margin = lazy(() => charts().then((c) => ({ default: c.MarginChart })));
const Cabin = lazy(() => charts().then((c) => ({ default: c.CabinChart })));
const Flip = lazy(() => charts().then((c) => ({ default: c.FlipChart })));
const VehicleLife = lazy(() => charts().then((c) => ({ default: c.VehicleLifeChart })));
const OutcomeOdds = lazy(() => charts().then((c) => ({ default: c.OutcomeOddsChart })));
const Tornado = lazy(() => charts().then((c) => ({ default: c.TornadoChart })));

/** Until its code has come, a chart's place is held and says so; scrolled away, it is drawn again only as it comes near. */
function ChartSlot<Props extends object>({ chart: Chart, props }: { chart: ComponentType<Props>; props: Props }) {
  const { ref, drawn, stale } = useDrawnWhenNear(props);
  return (
    <div ref={ref} className="chart-slot" aria-busy={stale}>
      <Suspense
        fallback={
          <p className="plot-pending" role="status">
            Drawing the chart…
          </p>
        }
      >
        <Chart {...drawn} />
      </Suspense>
    </div>
  );
}

export const MarginChart = (props: ComponentProps<typeof Margin>) => <ChartSlot chart={Margin} props={props} />;
export const CabinChart = (props: ComponentProps<typeof Cabin>) => <ChartSlot chart={Cabin} props={props} />;
export const FlipChart = (props: ComponentProps<typeof Flip>) => <ChartSlot chart={Flip} props={props} />;
export const VehicleLifeChart = (props: ComponentProps<typeof VehicleLife>) => <ChartSlot chart={VehicleLife} props={props} />;
export const OutcomeOddsChart = (props: ComponentProps<typeof OutcomeOdds>) => <ChartSlot chart={OutcomeOdds} props={props} />;
export const TornadoChart = (props: ComponentProps<typeof Tornado>) => <ChartSlot chart={Tornado} props={props} />;
