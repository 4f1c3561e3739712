export { builtInProblems, builtInScenarios } from './builtInScenarios';
export { LibraryView } from './LibraryView';
