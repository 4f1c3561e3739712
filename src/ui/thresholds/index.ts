export { ThresholdsPanel } from './ThresholdsPanel';
