export { AnswerPanel } from './AnswerPanel';
export { CompareProfiles } from './CompareProfiles';
export { DecisionPanel } from './DecisionPanel';
export { DescentCabinPanel } from './DescentCabinPanel';
export { PollTable } from './PollTable';
export { RecommendationPanel } from './RecommendationPanel';
