/**
 * The two GeoJSON files the map ships (public/geo): minimal types and a loader that validates the
 * shape it relies on, so a bad file fails loudly at start-up rather than drawing nothing.
 */
import { UNIT_GEO_NAME, type UnitId } from '../../data-adapters/domain';

type Ring = [number, number][];

export interface UnitShape {
  id: Exclude<UnitId, 'gaoxin'>;
  name: string;
  /** Label point from the source data. */
  cp: [number, number];
  /** Outer rings only (the source has no holes). */
  rings: Ring[];
}

export interface RiverShape {
  name: string;
  coordinates: Ring;
}

interface Feature {
  properties?: Record<string, unknown>;
  geometry?: { type: string; coordinates: unknown };
}

async function fetchJson(url: string): Promise<{ features?: Feature[] }> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`map: ${url} → HTTP ${res.status}`);
  return (await res.json()) as { features?: Feature[] };
}

const byGeoName = new Map(
  (Object.entries(UNIT_GEO_NAME) as [UnitShape['id'], string][]).map(([id, name]) => [name, id]),
);

/** Polygon / MultiPolygon → outer rings. */
function outerRings(geometry: Feature['geometry']): Ring[] {
  if (geometry?.type === 'Polygon') return [(geometry.coordinates as Ring[])[0]!];
  if (geometry?.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).map((p) => p[0]!);
  throw new Error(`map: unexpected geometry ${geometry?.type}`);
}

export function parseUnits(json: { features?: Feature[] }): UnitShape[] {
  const units: UnitShape[] = [];
  for (const f of json.features ?? []) {
    const name = String(f.properties?.name ?? '');
    const id = byGeoName.get(name);
    if (!id) continue;
    const cp = f.properties?.cp as [number, number] | undefined;
    const rings = outerRings(f.geometry);
    units.push({ id, name, cp: cp ?? rings[0]![0]!, rings });
  }
  if (units.length !== byGeoName.size) {
    throw new Error(`map: expected ${byGeoName.size} units in the boundaries file, found ${units.length}`);
  }
  return units;
}

export function parseRiver(json: { features?: Feature[] }): RiverShape {
  const f = json.features?.[0];
  if (f?.geometry?.type !== 'LineString') throw new Error('map: river file must hold one LineString');
  return { name: String(f.properties?.name ?? '长江'), coordinates: f.geometry.coordinates as Ring };
}

/**
 * Parsed files are kept for the page's life (they never change while it runs): a map rebuilt after a
 * WebGL context loss has its outlines and river at once, in its first frame, instead of after a fetch
 * and a parse behind the new engines' start-up. A failed load is not kept, so the next map tries again.
 */
const loaded = new Map<string, Promise<unknown>>();
function once<T>(url: string, parse: (json: { features?: Feature[] }) => T): Promise<T> {
  let p = loaded.get(url) as Promise<T> | undefined;
  if (!p) {
    p = fetchJson(url).then(parse);
    loaded.set(url, p);
    p.catch(() => loaded.delete(url));
  }
  return p;
}

export function loadUnits(baseUrl: string): Promise<UnitShape[]> {
  return once(`${baseUrl}geo/yichang-counties.geojson`, parseUnits);
}

export function loadRiver(baseUrl: string): Promise<RiverShape> {
  return once(`${baseUrl}geo/yangtze-traced.geojson`, parseRiver);
}
