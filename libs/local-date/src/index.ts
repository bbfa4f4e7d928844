export * from './local-date';
export * from './norwegian-workdays';
