export { WalkthroughView } from './WalkthroughView';
