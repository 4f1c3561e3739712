export { DecisionPanel } from './DecisionPanel';
export { RecommendationPanel } from './RecommendationPanel';
