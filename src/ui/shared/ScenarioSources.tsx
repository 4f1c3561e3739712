import { createContext, type ReactNode, useContext } from 'react';

const ScenarioSourcesContext = createContext<Readonly<Record<string, string>>>({});

/** The open scenario's sources table (key → citation), for every source key shown inside. */
export function ScenarioSourcesProvider({
  sources,
  children,
}: {
  sources: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  return <ScenarioSourcesContext value={sources}>{children}</ScenarioSourcesContext>;
}

export const useScenarioSources = () => useContext(ScenarioSourcesContext);
