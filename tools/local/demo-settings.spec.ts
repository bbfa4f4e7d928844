import { DEFAULT_HISTORY_DAYS, DEFAULT_SCALE, demoSettings } from './demo-settings';

describe('demoSettings', () => {
  it('defaults to 90 days of history at the default scale', () => {
    expect(demoSettings({}, 'vest-viken')).toEqual({ region: 'vest-viken', historyDays: DEFAULT_HISTORY_DAYS, scale: DEFAULT_SCALE });
    expect(DEFAULT_HISTORY_DAYS).toBe(90);
  });

  it('takes the history and scale from the environment', () => {
    expect(demoSettings({ SYFO_DEMO_HISTORY_DAYS: '30', SYFO_DEMO_SCALE: '0.002' }, 'agder')).toEqual({ region: 'agder', historyDays: 30, scale: 0.002 });
    expect(demoSettings({ SYFO_DEMO_HISTORY_DAYS: '1' }, 'oslo').historyDays).toBe(1);
    expect(demoSettings({ SYFO_DEMO_HISTORY_DAYS: '730', SYFO_DEMO_SCALE: '1' }, 'oslo')).toMatchObject({ historyDays: 730, scale: 1 });
  });

  it.each(['0', '731', '12.5', '-3', 'ninety', ''])('refuses SYFO_DEMO_HISTORY_DAYS=%p', (value) => {
    expect(() => demoSettings({ SYFO_DEMO_HISTORY_DAYS: value }, 'vest-viken')).toThrow('SYFO_DEMO_HISTORY_DAYS must be a whole number of days in 1–730');
  });

  it.each(['0', '1.5', '-0.1', 'small'])('refuses SYFO_DEMO_SCALE=%p', (value) => {
    expect(() => demoSettings({ SYFO_DEMO_SCALE: value }, 'vest-viken')).toThrow('SYFO_DEMO_SCALE must be a fraction in (0, 1]');
  });

  it('refuses a region NAV does not have', () => {
    expect(() => demoSettings({}, 'viken')).toThrow(/^SYFO_REGION must be one of agder, /);
  });
});
