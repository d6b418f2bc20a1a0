import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp } from '../../testing';

const PROBLEM = /^application\/problem\+json/;
const ISSUER = 'https://id.example.com/';
const AUDIENCE = 'task-api';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/**
 * An OpenID Connect provider as far as the API sees one: a JSON Web Key Set served over HTTP
 * from keys this test generates, and JWTs it signs with them. `down()` makes it unreachable.
 */
class TestProvider {
  private readonly server: Server;
  private answering = true;
  fetches = 0;

  private constructor(private readonly keys: { kid: string; privateKey: PrivateKey; jwk: JWK }[]) {
    this.server = createServer((req, res) => {
      this.fetches++;
      if (!this.answering) {
        res.destroy();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: this.keys.map(({ jwk }) => jwk) }));
    });
  }

  static async start(): Promise<TestProvider> {
    const keys = await Promise.all(
      ['key-1', 'key-2'].map(async (kid) => {
        const { publicKey, privateKey } = await generateKeyPair('RS256');
        return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256' } };
      }),
    );
    const provider = new TestProvider(keys);
    await new Promise<void>((resolve) => provider.server.listen(0, '127.0.0.1', resolve));
    return provider;
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks`;
  }

  /** A JWT of this provider (or as `overrides` spoil it), signed with one of its keys. */
  async token(
    claims: Record<string, unknown> = {},
    overrides: {
      issuer?: string;
      audience?: string;
      expiresIn?: string | number;
      kid?: string;
      key?: PrivateKey;
    } = {},
  ): Promise<string> {
    const kid = overrides.kid ?? 'key-1';
    const key = overrides.key ?? this.keys.find((candidate) => candidate.kid === kid)?.privateKey;
    return new SignJWT({ name: 'Ada Lovelace', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setSubject(String(claims.sub ?? 'ada'))
      .setIssuer(overrides.issuer ?? ISSUER)
      .setAudience(overrides.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(overrides.expiresIn ?? '10m')
      .sign(key ?? this.keys[0].privateKey);
  }

  down(): void {
    this.answering = false;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('OpenID Connect (e2e): JWTs of a configured provider', () => {
  let provider: TestProvider;
  let app: NestFastifyApplication;
  let db: DataSource;

  const withJwt = (token: string) =>
    request(app.getHttpServer()).get('/me').set('Authorization', `Bearer ${token}`);
  const expectRefused = (response: request.Response, detail: RegExp) => {
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="Task API", error="invalid_token"',
    );
    expect(response.body.detail).toMatch(detail);
  };
  const usersWithSubject = async (subject: string): Promise<number> =>
    (
      await db.query(
        'SELECT count(*)::int AS n FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2',
        [ISSUER, subject],
      )
    )[0].n;

  beforeAll(async () => {
    provider = await TestProvider.start();
    app = await createTestApp({
      identity: { oidc: { jwksUrl: provider.jwksUrl, issuer: ISSUER, audience: AUDIENCE } },
    });
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await provider.close();
  });

  it('accepts a valid JWT: its subject becomes a user at its first request, the same user after', async () => {
    const first = await withJwt(await provider.token({ sub: 'ada' })).expect(200);
    expect(first.body).toMatchObject({ name: 'Ada Lovelace', administrator: false });
    // Another token of the same subject, signed with the provider's other key.
    const again = await withJwt(
      await provider.token({ sub: 'ada', name: 'Renamed' }, { kid: 'key-2' }),
    ).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await usersWithSubject('ada')).toBe(1);
    // What the user creates is its own, as for any user.
    const token = await provider.token({ sub: 'ada' });
    const task = await request(app.getHttpServer())
      .post('/tasks')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'From my provider' })
      .expect(201);
    const [{ owner_id }] = await db.query('SELECT owner_id FROM tasks WHERE id = $1', [
      task.body.id,
    ]);
    expect(owner_id).toBe(first.body.id);
  });

  it('creates one user when a new subject makes many first requests at once', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, i) => provider.token({ sub: 'grace', jti: `t${i}` })),
    );
    const answers = await Promise.all(tokens.map((token) => withJwt(token)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await usersWithSubject('grace')).toBe(1);
  });

  it('refuses an expired JWT', async () => {
    expectRefused(
      await withJwt(await provider.token({ sub: 'late' }, { expiresIn: '-2m' })),
      /expired/,
    );
  });

  it('refuses a JWT for another audience', async () => {
    expectRefused(
      await withJwt(await provider.token({ sub: 'x' }, { audience: 'another-api' })),
      /"aud"/,
    );
  });

  it('refuses a JWT of another issuer', async () => {
    expectRefused(
      await withJwt(await provider.token({ sub: 'x' }, { issuer: 'https://evil.example.com/' })),
      /"iss"/,
    );
  });

  it('refuses a JWT signed with a key the provider does not publish (unknown kid)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expectRefused(
      await withJwt(await provider.token({ sub: 'x' }, { kid: 'key-9', key: privateKey })),
      /key the provider does not publish/,
    );
  });

  it('refuses a JWT signed with another key under a published kid', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expectRefused(
      await withJwt(await provider.token({ sub: 'x' }, { kid: 'key-1', key: privateKey })),
      /not a valid JWT/,
    );
  });

  it('refuses a tampered JWT (payload changed after signing), and creates nobody', async () => {
    const [header, , signature] = (await provider.token({ sub: 'honest' })).split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 'admin', iss: ISSUER, aud: AUDIENCE, exp: 4102444800 }),
    ).toString('base64url');
    expectRefused(await withJwt(`${header}.${forged}.${signature}`), /not a valid JWT/);
    expect(await usersWithSubject('admin')).toBe(0);
  });

  it('answers 503 (not 401) when the provider cannot be reached for its keys, and creates nobody', async () => {
    const unreachable = await TestProvider.start();
    const blind = await createTestApp({
      identity: { oidc: { jwksUrl: unreachable.jwksUrl, issuer: ISSUER, audience: AUDIENCE } },
    });
    try {
      unreachable.down();
      const response = await request(blind.getHttpServer())
        .get('/me')
        .set('Authorization', `Bearer ${await unreachable.token({ sub: 'patient' })}`);
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.headers['retry-after']).toEqual(expect.any(String));
      expect(unreachable.fetches).toBeGreaterThan(0);
      expect(await usersWithSubject('patient')).toBe(0);
    } finally {
      await blind.close();
      await unreachable.close();
    }
  });
});
