import { calibrate, formatReport } from './calibration';
import { commandLineOrExit, SIMULATION_USAGE } from './cli-options';
import { simulate } from './simulation';

const USAGE = `Usage: node dist/tools/simulator/calibration.main.js (--region <name> | --country) [options]

Generates the synthetic population and prints, for every published figure it is calibrated to, the
target, the simulated value, the tolerance and OK / NOT OK. Exits 1 when any figure is out of
tolerance, 2 on bad arguments.

${SIMULATION_USAGE}
`;

function main(): void {
  const options = commandLineOrExit(USAGE);
  if (!options) return;
  const { simulation: settings } = options;
  const started = performance.now();
  const simulation = simulate(settings);
  process.stdout.write(
    `Seed ${settings.seed}, ${settings.area}, scale ${settings.scale}, ${settings.firstYear}–${settings.lastYear}: ` +
      `${simulation.size.employed.toLocaleString('en-US')} employed, ${simulation.size.withoutEmployer.toLocaleString('en-US')} without an employer, ` +
      `${simulation.size.establishments.toLocaleString('en-US')} establishments\n\n`,
  );
  const report = calibrate(simulation);
  process.stdout.write(`${formatReport(report)}\n\nGenerated and measured in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  process.exitCode = report.ok ? 0 : 1;
}

main();
