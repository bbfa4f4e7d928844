import { onClockChange, SimulatedClock, systemClock } from './clock';

describe('SimulatedClock', () => {
  it('stands still until moved, then tells the schedulers listening', () => {
    const clock = new SimulatedClock(new Date('2025-01-06T06:00:00Z'));
    const woken: string[] = [];
    onClockChange(clock, () => woken.push(clock.now().toISOString()));
    expect(clock.now().toISOString()).toBe('2025-01-06T06:00:00.000Z');
    clock.set(new Date('2025-01-07T06:00:00Z'));
    clock.set(new Date('2025-01-07T06:00:00Z')); // the same instant again is allowed
    expect(woken).toEqual(['2025-01-07T06:00:00.000Z', '2025-01-07T06:00:00.000Z']);
  });

  it('never moves back, and refuses what is not an instant', () => {
    const clock = new SimulatedClock(new Date('2025-06-30T12:00:00Z'));
    expect(() => clock.set(new Date('2025-06-29T12:00:00Z'))).toThrow(/cannot move back/);
    expect(() => clock.set(new Date('not a date'))).toThrow(/not a valid instant/);
    expect(clock.now().toISOString()).toBe('2025-06-30T12:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move time by mutating what it got', () => {
    const clock = new SimulatedClock(new Date('2025-01-01T00:00:00Z'));
    clock.now().setUTCFullYear(2030);
    expect(clock.now().getUTCFullYear()).toBe(2025);
  });

  it('leaves the system clock alone: nobody can listen for it to be moved', () => {
    expect(() => onClockChange(systemClock, () => undefined)).not.toThrow();
  });
});
