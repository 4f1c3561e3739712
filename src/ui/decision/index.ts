export { AnswerPanel } from './AnswerPanel';
export { DecisionPanel } from './DecisionPanel';
export { RecommendationPanel } from './RecommendationPanel';
