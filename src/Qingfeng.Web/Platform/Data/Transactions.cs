using Qingfeng.Features.Audit;

namespace Qingfeng.Platform.Data;

public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the provider's execution strategy (PostgreSQL
    /// retries transient failures, which requires the whole unit to be repeatable: start it from a clean state).
    /// The audit append lock is held until the transaction ends: audit entries saved inside it are not
    /// visible to others before the commit, so another writer must not chain onto the same tail meanwhile.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this QingfengDb db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await AuditChain.AppendLock.WaitAsync(cancellationToken);
        db.HoldsAuditLock = true;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async ct =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var result = await work(ct);
                    await transaction.CommitAsync(ct);
                    return result;
                },
                cancellationToken);
        }
        finally
        {
            db.HoldsAuditLock = false;
            AuditChain.AppendLock.Release();
        }
    }
}
