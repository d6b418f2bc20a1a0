import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { TRANSACTION_ATTEMPTS, retryAbortedTransactions } from './transaction-retry';

const aborted = (code: string) =>
  new QueryFailedError('UPDATE tasks ...', [], Object.assign(new Error('aborted'), { code }));

describe(retryAbortedTransactions.name, () => {
  let transaction: jest.Mock;
  let sut: DataSource;

  beforeEach(() => {
    transaction = jest.fn();
    sut = { manager: { transaction } as unknown as EntityManager } as DataSource;
    retryAbortedTransactions(sut);
  });

  it.each(['40001', '40P01'])('runs a transaction aborted with %s again', async (code) => {
    transaction.mockRejectedValueOnce(aborted(code)).mockResolvedValueOnce('done');
    await expect(sut.manager.transaction(async () => 'done')).resolves.toBe('done');
    expect(transaction).toHaveBeenCalledTimes(2);
  });

  it(`gives up after ${TRANSACTION_ATTEMPTS} attempts, with the database's error`, async () => {
    transaction.mockRejectedValue(aborted('40P01'));
    await expect(sut.manager.transaction(async () => 'never')).rejects.toMatchObject({
      driverError: { code: '40P01' },
    });
    expect(transaction).toHaveBeenCalledTimes(TRANSACTION_ATTEMPTS);
  });

  it('never repeats a transaction that failed for another reason', async () => {
    transaction.mockRejectedValue(aborted('23505'));
    await expect(sut.manager.transaction(async () => 'never')).rejects.toBeInstanceOf(
      QueryFailedError,
    );
    expect(transaction).toHaveBeenCalledTimes(1);
  });
});
