import type { FastifyRequest } from 'fastify';
import { isPublicPath, principalKey } from './principal';

const requestFrom = (ip: string, principal: FastifyRequest['principal'] = null) =>
  ({ ip, principal }) as FastifyRequest;

describe(principalKey.name, () => {
  it('names an authenticated request by its user, wherever it comes from', () => {
    expect(principalKey(requestFrom('203.0.113.7', { userId: 'u-1', administrator: false }))).toBe(
      'user:u-1',
    );
  });

  it.each([
    ['203.0.113.7', 'anonymous:203.0.113.7'],
    ['::ffff:127.0.0.1', 'anonymous:127.0.0.1'],
    ['2001:db8:1:2:aaaa::1', 'anonymous:2001:db8:1:2::'],
    ['2001:db8:1:2:bbbb::9', 'anonymous:2001:db8:1:2::'],
  ])('names an anonymous request from %s by its address (IPv6: its /64)', (ip, key) => {
    expect(principalKey(requestFrom(ip))).toBe(key);
  });
});

describe(isPublicPath.name, () => {
  it.each([
    '/health/live',
    '/health/ready',
    '/docs',
    '/docs/',
    '/docs-json',
    '/docs/swagger-ui.css',
  ])('lets %s through without a credential', (url) => {
    expect(isPublicPath(url)).toBe(true);
  });

  it.each(['/tasks', '/healthz', '/health', '/me', '/metrics', '/tasks?docs'])(
    'asks a credential for %s',
    (url) => {
      expect(isPublicPath(url)).toBe(false);
    },
  );
});
