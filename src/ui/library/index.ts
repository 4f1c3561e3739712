export { builtInProblems, builtInScenarios } from './builtInScenarios';
export { LibraryView } from './LibraryView';
export { OpenedFromFileNote } from './OpenedFromFileNote';
export { useOpenedScenarioStore } from './useOpenedScenarioStore';
export { WriteACase } from './WriteACase';
