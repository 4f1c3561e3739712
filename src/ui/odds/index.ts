export { OddsPanel } from './OddsPanel';
