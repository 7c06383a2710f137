/**
 * What this wall tells the hub every 2 s (WallReport in protocol.ts): the scene on show, the data clock
 * and playback as the source has them, whether it is the demo, and the alarms a presenter may focus.
 * Values are made to fit the report's schema (a source that has not started yet reports nulls).
 */
import type { SourceState } from '../../data-adapters/source';
import { hooks } from '../kiosk/wall-access';
import type { WallReport } from './protocol';
import { wallAlarmsFromStores, type AlarmStores } from './wall-alarms';

const time = (t: number | null | undefined) => (typeof t === 'number' && Number.isFinite(t) && t >= 0 ? t : null);

export function reportFrom(sceneId: string, state: Pick<SourceState, 'kind' | 'status' | 'clock'> | null, alarms: { id: string; label: string }[]): Omit<WallReport, 'wallId'> {
  const started = state !== null && state.status !== 'idle' && state.status !== 'loading';
  const speed = state?.clock.speed;
  return {
    sceneId,
    dataTime: started ? time(state.clock.currentTime) : null,
    startTime: started ? time(state.clock.startTime) : null,
    endTime: started ? time(state.clock.endTime) : null,
    speed: typeof speed === 'number' && Number.isFinite(speed) && speed > 0 ? Math.min(speed, 100) : 1,
    paused: state?.status === 'paused',
    demo: state?.kind === 'recorded',
    alarms: alarms.map(({ id, label }) => ({ id, label })),
  };
}

export function wallReport(stores: AlarmStores, sceneId: string): Omit<WallReport, 'wallId'> {
  const source = hooks().source as { getState(): SourceState } | undefined;
  return reportFrom(sceneId, source?.getState() ?? null, wallAlarmsFromStores(stores));
}
