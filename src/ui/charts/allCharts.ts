/** Every chart in one module: the one chunk loaded lazily, with the charting library inside it. */
import './charts.css';

export { CabinChart } from './CabinChart';
export { FlipChart } from './FlipChart';
export { MarginChart } from './MarginChart';
export { OutcomeOddsChart, TornadoChart } from './MonteCarloCharts';
export { VehicleLifeChart } from './VehicleLifeChart';
