export { AnswerPanel } from './AnswerPanel';

export { DecisionPanel } from './DecisionPanel';
export { DescentCabinPanel } from './DescentCabinPanel';
export { PollTable } from './PollTable';
export { RecommendationPanel } from './RecommendationPanel';
export { SideBySide } from './SideBySide';
