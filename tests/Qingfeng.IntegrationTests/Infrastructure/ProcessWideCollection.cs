using Xunit;

namespace Qingfeng.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that measure the whole test process (managed heap, allocated bytes, EF Core's process-wide compiled-query
/// cache): they run one at a time after all the parallel tests, because whatever else runs meanwhile allocates or
/// compiles queries in the same process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "Process-wide measurements";
}
