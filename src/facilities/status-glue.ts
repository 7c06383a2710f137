/**
 * Feeds the folded `facility.change` list (src/stores/facilities.ts) to the map as single-element
 * status updates. Pure bookkeeping, no Vue, no engine: WallMap.vue calls `sync` whenever the feed's
 * version changes and when the map handle is (re)created.
 *
 * - Only changes not yet applied to this target are applied (an index into the append-only list): a
 *   batch of 3 changes costs 3 updates, never a pass over the facilities and never a layer rebuild.
 * - A new target (the map remounted after a WebGL context loss, or mounted late) gets the whole list
 *   from the start: its columns came fresh from the files, so every status so far is re-applied.
 * - A new list (the store was reset: a seek or a reconnect) first puts back every facility this target
 *   changed — to the files' status when the target can (`resetFacilityStatuses`), else to normal (the
 *   demo's changes all start from normal) — then applies the new list from the start.
 */
import { STATUS_CODE, type FacilityKind, type FacilityStatus } from './schema';

export interface FacilityStatusChange {
  kind: FacilityKind;
  id: number;
  status: FacilityStatus;
}

/** What the glue needs of the map handle (src/map/wall-map.ts WallMapHandle). */
export interface FacilityStatusTarget {
  /** FACILITY_STATUSES code; false when unchanged or unknown (the map holds changes until it has loaded). */
  setFacilityStatusById(kind: FacilityKind, id: number, code: number): boolean;
  /** Restores the files' status of every facility changed so far (optional). */
  resetFacilityStatuses?(): void;
}

export interface SyncResult {
  /** Changes handed to the target by this call. */
  applied: number;
  /** Why: 'append' (new changes only), 'target' (new map: all), 'reset' (new list: restore, then all), 'none'. */
  mode: 'append' | 'target' | 'reset' | 'none';
}

export class FacilityStatusGlue {
  private target: FacilityStatusTarget | null = null;
  private list: readonly FacilityStatusChange[] | null = null;
  private applied = 0;
  /** Facilities this target was told about since its last restore ("kind:id"). */
  private readonly touched = new Map<string, { kind: FacilityKind; id: number }>();
  /** Changes handed over in all (for tests and the hook). */
  total = 0;

  sync(target: FacilityStatusTarget | null, list: readonly FacilityStatusChange[]): SyncResult {
    if (!target) {
      this.target = null;
      return { applied: 0, mode: 'none' };
    }
    let mode: SyncResult['mode'] = 'append';
    if (target !== this.target) {
      this.target = target;
      this.touched.clear();
      this.applied = 0;
      mode = 'target';
    } else if (list !== this.list) {
      this.restore(target);
      this.applied = 0;
      mode = 'reset';
    }
    this.list = list;
    if (this.applied > list.length) this.applied = 0; // a list that shrank in place: start over
    const from = this.applied;
    for (let i = from; i < list.length; i += 1) {
      const c = list[i] as FacilityStatusChange;
      target.setFacilityStatusById(c.kind, c.id, STATUS_CODE[c.status]);
      this.touched.set(`${c.kind}:${c.id}`, { kind: c.kind, id: c.id });
    }
    this.applied = list.length;
    const applied = list.length - from;
    this.total += applied;
    return { applied, mode: applied === 0 && mode === 'append' ? 'none' : mode };
  }

  private restore(target: FacilityStatusTarget): void {
    if (target.resetFacilityStatuses) target.resetFacilityStatuses();
    else for (const { kind, id } of this.touched.values()) target.setFacilityStatusById(kind, id, STATUS_CODE.normal);
    this.touched.clear();
  }
}
