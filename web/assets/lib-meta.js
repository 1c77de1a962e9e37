// What the server says about its knowledge base (GET /api/meta): sectors, regions and
// cooperation types for labels and filters. Without it the page still works: sector and
// region ids are shown as they are.
import { api } from './lib-api.js';
import { labelOf } from './lib-format.js';

const DEFAULT_COOPERATION = ['license', 'joint_venture', 'technical_cooperation', 'research_cooperation',
  'equipment_supply', 'investment', 'training'];

export const meta = { sectors: [], regions: [], cooperation_types: DEFAULT_COOPERATION, kinds: ['offer', 'demand', 'knowledge'] };
const sectors = new Map();
const regions = new Map();

/** Reads /api/meta once at the start; resolves to the interface language the server suggests, or null. */
export async function loadMeta() {
  try {
    const answer = await api('/api/meta');
    Object.assign(meta, answer);
    if (!Array.isArray(meta.sectors)) meta.sectors = [];
    if (!Array.isArray(meta.regions)) meta.regions = [];
    for (const sector of meta.sectors) sectors.set(sector.id, sector);
    for (const region of meta.regions) regions.set(region.id, region);
    return answer.ui_language;
  } catch {
    return null;
  }
}

export function knownRegion(id) {
  return regions.has(id);
}

export function sectorName(id) {
  const sector = sectors.get(id);
  return sector ? labelOf(sector.labels) : id;
}

export function regionName(id) {
  const region = regions.get(id);
  return region ? labelOf(region.labels) : id;
}
