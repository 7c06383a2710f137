/** The featured topics inside the real recording: cadence, and agreement with industry.systems. */
import { describe, expect, it } from 'vitest';
import type { IndustrySystems } from '../../data-adapters/schemas';
import type { ParkingStatus } from '../../data-adapters/topics/parking';
import type { SkyeyeStatus } from '../../data-adapters/topics/skyeye';
import { DEMO_DURATION_MS, DEMO_SEED } from './config';
import { buildDemoRecording } from './generate';

const rec = buildDemoRecording(DEMO_SEED);
const of = <T>(topic: string): T[] => rec.lines.filter((l) => l.topic === topic).map((l) => l.payload as T);
const industry = of<IndustrySystems>('industry.systems');
const figure = (s: IndustrySystems, id: string): number => s.systems.find((x) => x.id === id)!.keyFigure.value;

describe('featured topics in the demo recording', () => {
  it('has one snapshot of each a minute, at t = asOf − start', () => {
    const minutes = DEMO_DURATION_MS / 60_000 + 1;
    for (const topic of ['flood.status', 'parking.status', 'skyeye.status', 'emergency.status']) {
      const lines = rec.lines.filter((l) => l.topic === topic);
      expect(lines, topic).toHaveLength(minutes);
      lines.forEach((l, m) => {
        expect(l.t).toBe(m * 60_000);
        expect((l.payload as { asOf: number }).asOf).toBe(rec.header.startTime + l.t);
      });
    }
  });

  it('parking leaves exactly the free berths the 停车 system reports, minute by minute', () => {
    of<ParkingStatus>('parking.status').forEach((p, m) => {
      const free = p.carParks.reduce((a, c) => a + c.berths - c.occupied, 0);
      expect(free).toBe(figure(industry[m]!, 'tingche'));
    });
  });

  it('skyeye counts exactly the detections the 天眼查 system reports, minute by minute', () => {
    of<SkyeyeStatus>('skyeye.status').forEach((s, m) => {
      expect(s.today.detected).toBe(figure(industry[m]!, 'tianyan'));
    });
  });
});
