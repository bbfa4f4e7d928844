import { LOCAL_SERVICES, TEST_PORT_OFFSETS } from './local-services';

describe('TEST_PORT_OFFSETS', () => {
  // Linux's default ephemeral range: an outgoing connection of any process may hold a port in it.
  const EPHEMERAL = { from: 32_768, to: 60_999 };
  const portsAt = (offset: number) => LOCAL_SERVICES.flatMap((service) => [service.grpcPort + offset, service.httpPort + offset]);

  it.each(Object.entries(TEST_PORT_OFFSETS))('keeps every port of %s outside the ephemeral range', (_suite, offset) => {
    for (const port of portsAt(offset)) {
      expect(port < EPHEMERAL.from || (port > EPHEMERAL.to && port <= 65_535)).toBe(true);
    }
  });

  it('gives no two suites the same port', () => {
    const ports = Object.values(TEST_PORT_OFFSETS).flatMap(portsAt);
    expect(new Set(ports).size).toBe(ports.length);
  });
});
