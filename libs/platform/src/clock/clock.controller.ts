import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Put } from '@nestjs/common';
import { z } from 'zod';

import { CLOCK, SimulatedClock } from './clock';

const SetClockSchema = z.strictObject({ now: z.iso.datetime({ offset: true }) });

/**
 * Moves a simulated clock (CLOCK_MODE=simulated only; the route does not exist otherwise). For replays
 * and tests; a production deployment runs on the system clock and has no way to move time.
 */
@Controller('admin/clock')
export class SimulatedClockController {
  public constructor(@Inject(CLOCK) private readonly clock: SimulatedClock) {}

  @Get()
  public current(): { now: string; mode: 'simulated' } {
    return { now: this.clock.now().toISOString(), mode: 'simulated' };
  }

  @Put()
  @HttpCode(HttpStatus.OK)
  public set(@Body() body: unknown): { now: string } {
    const parsed = SetClockSchema.safeParse(body);
    if (!parsed.success) throw new HttpException({ field: 'now', rule: 'iso_datetime', message: 'must be an ISO-8601 instant with offset' }, HttpStatus.BAD_REQUEST);
    try {
      this.clock.set(new Date(parsed.data.now));
    } catch (error) {
      throw new HttpException({ field: 'now', rule: 'forward_only', message: (error as Error).message }, HttpStatus.CONFLICT);
    }
    return { now: this.clock.now().toISOString() };
  }
}
