import { CredentialCache, Verdict } from './credential-cache';

const ALICE: Verdict = { principal: { userId: 'alice', administrator: false }, expiresAt: null };
const BOB: Verdict = { principal: { userId: 'bob', administrator: false }, expiresAt: null };

describe(CredentialCache.name, () => {
  let sut: CredentialCache;
  let lookups: number;
  const lookUp = (verdict: Verdict) => () => {
    lookups++;
    return Promise.resolve(verdict);
  };

  beforeEach(() => {
    sut = new CredentialCache(10_000);
    lookups = 0;
  });

  it('looks a credential up once, and again once its time is over', async () => {
    await expect(sut.verdict('h1', lookUp(ALICE), 0)).resolves.toBe(ALICE);
    await expect(sut.verdict('h1', lookUp(BOB), 9_999)).resolves.toBe(ALICE);
    expect(lookups).toBe(1);
    await expect(sut.verdict('h1', lookUp(BOB), 10_000)).resolves.toBe(BOB);
    expect(lookups).toBe(2);
  });

  it('shares one lookup between concurrent first requests', async () => {
    let release: (verdict: Verdict) => void = () => undefined;
    const slow = () => {
      lookups++;
      return new Promise<Verdict>((resolve) => (release = resolve));
    };
    const both = Promise.all([sut.verdict('h1', slow, 0), sut.verdict('h1', slow, 1)]);
    release(ALICE);
    await expect(both).resolves.toEqual([ALICE, ALICE]);
    expect(lookups).toBe(1);
  });

  it('gives a finished lookup at once while it is trusted, nothing before or after', async () => {
    let release: (verdict: Verdict) => void = () => undefined;
    const pending = sut.verdict(
      'h1',
      () => new Promise<Verdict>((resolve) => (release = resolve)),
      0,
    );
    expect(sut.settled('h1', 1)).toBeUndefined();
    release(ALICE);
    await pending;
    expect(sut.settled('h1', 9_999)).toBe(ALICE);
    expect(sut.settled('h1', 10_000)).toBeUndefined();
    expect(sut.settled('h2', 1)).toBeUndefined();
  });

  it('keeps no failed lookup: the next request asks again', async () => {
    const failing = () => Promise.reject(new Error('database down'));
    await expect(sut.verdict('h1', failing, 0)).rejects.toThrow('database down');
    await expect(sut.verdict('h1', lookUp(ALICE), 1)).resolves.toBe(ALICE);
    expect(lookups).toBe(1);
  });

  it('forgets a revoked credential, and every credential of a deleted user, at once', async () => {
    await sut.verdict('alice-laptop', lookUp(ALICE), 0);
    await sut.verdict('alice-phone', lookUp(ALICE), 0);
    await sut.verdict('bob-laptop', lookUp(BOB), 0);
    sut.forget('bob-laptop');
    sut.forgetUser('alice');
    const refused: Verdict = { refused: 'gone' };
    for (const hash of ['alice-laptop', 'alice-phone', 'bob-laptop']) {
      await expect(sut.verdict(hash, lookUp(refused), 1)).resolves.toBe(refused);
    }
    expect(lookups).toBe(6);
  });
});
