import { describe, expect, it } from 'vitest';
import { createFakeTicker } from './fake-ticker';
import { MAX_SPEED, MIN_SPEED, ReplayClock, type ClockStep } from './replay-clock';

const START = 1_000_000;

function setup(opts: { duration?: number; loop?: boolean; speed?: number } = {}) {
  const fake = createFakeTicker();
  const steps: ClockStep[] = [];
  const clock: ReplayClock = new ReplayClock({
    startTime: START,
    endTime: START + (opts.duration ?? 10_000),
    loop: opts.loop ?? false,
    speed: opts.speed,
    now: fake.now,
    schedule: fake.schedule,
    tickMs: 100,
    onTick: () => steps.push(clock.advance()),
  });
  return { fake, clock, steps };
}

describe('ReplayClock', () => {
  it('starts paused at startTime with no ticker, and ticks only while running', () => {
    const { fake, clock, steps } = setup();
    expect(clock.mode).toBe('paused');
    expect(clock.time).toBe(START);
    expect(fake.active).toBe(0);
    fake.advance(1000);
    expect(steps).toHaveLength(0);
    clock.play();
    expect(fake.active).toBe(1);
    fake.advance(1000);
    expect(steps).toHaveLength(10);
    expect(clock.time).toBe(START + 1000);
    clock.pause();
    expect(fake.active).toBe(0);
    fake.advance(5000);
    expect(clock.time).toBe(START + 1000);
  });

  it('advances by real time × speed, from now() rather than by counting ticks', () => {
    const { fake, clock } = setup({ speed: 4 });
    clock.play();
    fake.advance(1000);
    expect(clock.time).toBe(START + 4000);
    clock.setSpeed(1);
    fake.advance(450); // ticks fire at +100..+400 (the last tick was exactly at +1000)
    expect(clock.time).toBe(START + 4400);
    clock.advance(); // an off-grid advance (a late, throttled tick) still follows now()
    expect(clock.time).toBe(START + 4450);
  });

  it('clamps speed and ignores non-finite values', () => {
    const { clock } = setup();
    expect(clock.setSpeed(1000)).toBe(MAX_SPEED);
    expect(clock.setSpeed(0.01)).toBe(MIN_SPEED);
    expect(clock.setSpeed(Number.NaN)).toBe(MIN_SPEED);
    expect(clock.setSpeed(2)).toBe(2);
  });

  it('with loop on, wraps to startTime at the end and keeps running', () => {
    const { fake, clock, steps } = setup({ duration: 1000, loop: true });
    clock.play();
    fake.advance(1000);
    expect(steps.at(-1)).toEqual({ kind: 'wrapped', from: START + 900 });
    expect(clock.time).toBe(START);
    expect(clock.mode).toBe('running');
    fake.advance(300);
    expect(clock.time).toBe(START + 300);
  });

  it('with loop off, stops at endTime in mode ended and cancels its ticker', () => {
    const { fake, clock, steps } = setup({ duration: 1000, loop: false });
    clock.play();
    fake.advance(1500);
    expect(steps.filter((s) => s.kind === 'ended')).toHaveLength(1);
    expect(clock.mode).toBe('ended');
    expect(clock.time).toBe(START + 1000);
    expect(fake.active).toBe(0);
  });

  it('never wraps a zero-length recording (it would reset the wall every tick)', () => {
    const { fake, clock, steps } = setup({ duration: 0, loop: true });
    clock.play();
    fake.advance(500);
    expect(steps.map((s) => s.kind)).toEqual(['ended']);
  });

  it('seeks within range, clamping, keeps running, and turns ended into paused', () => {
    const { fake, clock } = setup({ duration: 1000 });
    expect(clock.seek(START - 50)).toBe(START);
    expect(clock.seek(START + 5000)).toBe(START + 1000);
    clock.play();
    expect(clock.seek(START + 200)).toBe(START + 200);
    fake.advance(100);
    expect(clock.time).toBe(START + 300);
    expect(clock.mode).toBe('running');
    fake.advance(1000);
    expect(clock.mode).toBe('ended');
    clock.seek(START + 10);
    expect(clock.mode).toBe('paused');
  });

  it('keeps the position when the speed changes (the owner advances first)', () => {
    const { fake, clock } = setup();
    clock.play();
    fake.advance(1000);
    clock.advance();
    clock.setSpeed(8);
    expect(clock.time).toBe(START + 1000);
    fake.advance(100);
    expect(clock.time).toBe(START + 1800);
  });
});
