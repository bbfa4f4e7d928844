// Domain dates are LocalDates in Europe/Oslo, but the process clock is UTC so no test depends on the host zone.
process.env.TZ = 'UTC';
require('reflect-metadata');
