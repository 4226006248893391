using Qingfeng.Features.Audit;
using Xunit;

namespace Qingfeng.Tests.Features.Audit;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = Enumerable.Range(0, count).Select(i =>
        {
            var e = new AuditEntry("View", "Official", $"id-{i}", null) { UserName = "ky.supervision", Timestamp = new DateTimeOffset(2026, 11, 28, 8, 0, i, TimeSpan.Zero) };
            return e;
        }).ToList();
        AuditChain.Extend(0, AuditChain.Genesis, entries);
        return entries;
    }

    private static AuditBreak? Verify(IEnumerable<AuditEntry> entries) => new AuditChainWalk(null).Check(entries);

    [Fact]
    public void An_untouched_chain_verifies_and_names_its_algorithm()
    {
        var entries = Chain(5);
        Assert.Null(Verify(entries));
        Assert.All(entries, e => Assert.Equal("SM3", e.Algorithm));
        Assert.Equal(entries[1].PreviousHash, entries[0].Hash);
        Assert.Equal(64, entries[0].Hash.Length);
    }

    [Fact]
    public void The_hash_is_sm3_of_the_canonical_record()
    {
        // GB/T 32905 test vector: SM3("abc").
        var digest = new Org.BouncyCastle.Crypto.Digests.SM3Digest();
        var input = "abc"u8.ToArray();
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Convert.ToHexStringLower(output));
    }

    [Fact]
    public void Editing_any_field_breaks_the_chain_at_that_entry()
    {
        var entries = Chain(5);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Details))!.SetValue(entries[2], "tampered");

        Assert.Equal(new AuditBreak(3, "Audit.Verify.Hash"), Verify(entries));
    }

    [Fact]
    public void Deleting_an_entry_is_reported_as_a_gap()
    {
        var entries = Chain(5);
        entries.RemoveAt(1);

        Assert.Equal(new AuditBreak(2, "Audit.Verify.Gap"), Verify(entries));
    }

    [Fact]
    public void Swapping_two_entries_and_their_numbers_breaks_the_link()
    {
        var entries = Chain(5);
        (entries[1].Sequence, entries[2].Sequence) = (entries[2].Sequence, entries[1].Sequence);
        (entries[1], entries[2]) = (entries[2], entries[1]);

        Assert.Equal(new AuditBreak(2, "Audit.Verify.Link"), Verify(entries));
    }
}
