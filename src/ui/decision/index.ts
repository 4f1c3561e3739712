export { AnswerPanel } from './AnswerPanel';
export { DecisionPanel } from './DecisionPanel';
export { PollTable } from './PollTable';
export { RecommendationPanel } from './RecommendationPanel';
