export { builtInProblems, builtInScenarios } from './builtInScenarios';
export { LibraryView } from './LibraryView';
export { useOpenedScenarioStore } from './useOpenedScenarioStore';
