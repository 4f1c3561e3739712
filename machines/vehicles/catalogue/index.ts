import type { VehicleClass } from '../vehicleClass';
import { apolloCsm } from './apolloCsm';
import { crewDragon } from './crewDragon';
import { progressMs } from './progressMs';
import { shenzhou } from './shenzhou';
import { soyuz7kT } from './soyuz7kT';
import { soyuzMs } from './soyuzMs';
import { starliner } from './starliner';

/** The classes the project knows (FACTS.md §5; the classes beyond it in ./FACTS.md, in its style); a scenario may describe its own. */
export const vehicleCatalogue: Readonly<Record<string, VehicleClass>> = Object.fromEntries(
  [soyuzMs, crewDragon, progressMs, starliner, shenzhou, apolloCsm, soyuz7kT].map((c) => [c.id, c]),
);

export const vehicleClassIds = Object.keys(vehicleCatalogue);
