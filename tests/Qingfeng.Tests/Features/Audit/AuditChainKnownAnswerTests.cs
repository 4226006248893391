using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Qingfeng.Features.Audit;
using Xunit;

namespace Qingfeng.Tests.Features.Audit;

/// <summary>
/// Known answers for the audit hash chain: fixed records give fixed SM3 digests. The hex strings were computed
/// independently of this code base, with OpenSSL's SM3 over the canonical record written out by hand (fields in
/// order, joined by U+001F, UTF-8), so a change to the field order, the formats or the digest shows here.
/// </summary>
public sealed class AuditChainKnownAnswerTests
{
    private const char Separator = '\u001f';
    private const string FullHash = "830dedb25c54054b5ba26d2f4e1287e5cefe27762c64a0f4a91906872904245a";
    private const string BareHash = "03d0d5fa6ab849e4dd9606d8c62acea31fee9aceef45c7e22e4aac1e5b23de53";
    private const string ExtendedFirstHash = "f7e4dc2e189aaf0b2dce5685eacac565f6c1e0c63ecd7f11f58b884834fc6c68";
    private const string ExtendedSecondHash = "e6dc3c174bef18b2700afafc92764ec8cbad84dc58b06b9c4c03d672d3032ac1";

    private static readonly string Checkpoint = string.Concat(Enumerable.Repeat("cd", 32));

    [Fact]
    public void Sm3_of_abc_is_the_standard_test_vector()
    {
        // GB/T 32905-2016, example 1.
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Sm3("abc"));
    }

    [Fact]
    public void A_full_record_hashes_to_its_known_answer()
    {
        Assert.Equal(FullHash, AuditChain.Compute(Full(), AuditChain.Genesis));
    }

    [Fact]
    public void A_record_without_its_optional_fields_hashes_to_its_known_answer()
    {
        Assert.Equal(BareHash, AuditChain.Compute(Bare(), string.Concat(Enumerable.Repeat("ab", 32))));
    }

    [Fact]
    public void The_canonical_record_is_every_field_in_order_with_utc_microseconds_and_empty_text_for_missing_values()
    {
        var full = string.Join(
            Separator,
            "7",
            "2026-11-28T00:30:15.123456Z",
            "0b6f3c1e-2a4d-4c8b-9e57-1f2a3b4c5d6e",
            "ky.supervision",
            "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
            "开阳县纪委监委",
            "View",
            "Clue",
            "c-1",
            "查看线索",
            "10.0.0.8",
            "2",
            "SM3",
            AuditChain.Genesis);
        var bare = string.Join(Separator, "1", "2026-01-01T00:00:00.000000Z", "", "system", "", "", "Login", "Account", "", "", "", "1", "SM3", string.Concat(Enumerable.Repeat("ab", 32)));

        Assert.Equal(FullHash, Sm3(full));
        Assert.Equal(BareHash, Sm3(bare));
    }

    [Fact]
    public void The_previous_hash_is_part_of_the_record()
    {
        Assert.NotEqual(FullHash, AuditChain.Compute(Full(), Checkpoint));
    }

    [Fact]
    public void The_genesis_hash_is_sixty_four_zeros_and_the_algorithm_is_sm3()
    {
        Assert.Equal(new string('0', 64), AuditChain.Genesis);
        Assert.Equal("SM3", AuditChain.Algorithm);
    }

    [Fact]
    public void Extending_continues_the_numbers_and_links_each_entry_to_the_one_before()
    {
        var first = Entry("Export", "Clue", null, "导出 3 条", AuditOutcome.Success, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        var second = Entry("View", "Clue", "c-9", null, AuditOutcome.Failure, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 1, TimeSpan.Zero));

        AuditChain.Extend(41, Checkpoint, [first, second]);

        Assert.Equal((42L, "SM3", Checkpoint, ExtendedFirstHash), (first.Sequence, first.Algorithm, first.PreviousHash, first.Hash));
        Assert.Equal((43L, "SM3", ExtendedFirstHash, ExtendedSecondHash), (second.Sequence, second.Algorithm, second.PreviousHash, second.Hash));
    }

    [Fact]
    public void Verifying_from_a_checkpoint_moves_the_checkpoint_to_the_last_entry()
    {
        var entries = Extended();
        var expected = 42L;
        var previous = Checkpoint;

        Assert.Null(AuditChain.FindBreak(entries, ref expected, ref previous));

        Assert.Equal((44L, ExtendedSecondHash), (expected, previous));
    }

    [Fact]
    public void Verifying_nothing_leaves_the_checkpoint_where_it_was()
    {
        var expected = 42L;
        var previous = Checkpoint;

        Assert.Null(AuditChain.FindBreak([], ref expected, ref previous));

        Assert.Equal((42L, Checkpoint), (expected, previous));
    }

    [Fact]
    public void A_gap_is_reported_at_the_missing_number_and_a_broken_link_at_the_entry()
    {
        var expected = 41L;
        var previous = Checkpoint;
        Assert.Equal(new AuditBreak(41, "Audit.Verify.Gap"), AuditChain.FindBreak(Extended(), ref expected, ref previous));

        expected = 42L;
        previous = AuditChain.Genesis;
        Assert.Equal(new AuditBreak(42, "Audit.Verify.Link"), AuditChain.FindBreak(Extended(), ref expected, ref previous));
    }

    [Fact]
    public void An_entry_rehashed_under_another_algorithm_name_is_refused()
    {
        var entries = Extended();
        entries[1].Algorithm = "SM3-forged";
        entries[1].Hash = AuditChain.Compute(entries[1], entries[1].PreviousHash);
        var expected = 42L;
        var previous = Checkpoint;

        Assert.Equal(new AuditBreak(43, "Audit.Verify.Hash"), AuditChain.FindBreak(entries, ref expected, ref previous));
    }

    [Fact]
    public void A_changed_hash_is_refused_even_when_the_record_is_untouched()
    {
        var entries = Extended();
        entries[0].Hash = FullHash;
        var expected = 42L;
        var previous = Checkpoint;

        Assert.Equal(new AuditBreak(42, "Audit.Verify.Hash"), AuditChain.FindBreak(entries, ref expected, ref previous));
    }

    private static List<AuditEntry> Extended()
    {
        var entries = new List<AuditEntry>
        {
            Entry("Export", "Clue", null, "导出 3 条", AuditOutcome.Success, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero)),
            Entry("View", "Clue", "c-9", null, AuditOutcome.Failure, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 1, TimeSpan.Zero)),
        };
        AuditChain.Extend(41, Checkpoint, entries);
        return entries;
    }

    private static AuditEntry Full()
    {
        // 08:30:15.1234567 in China is 00:30:15.1234567 UTC; the record keeps microseconds.
        var entry = Entry("View", "Clue", "c-1", "查看线索", AuditOutcome.Denied, "ky.supervision", new DateTimeOffset(2026, 11, 28, 8, 30, 15, TimeSpan.FromHours(8)).AddTicks(1_234_567));
        entry.Sequence = 7;
        entry.UserId = Guid.Parse("0b6f3c1e-2a4d-4c8b-9e57-1f2a3b4c5d6e");
        entry.OrganId = Guid.Parse("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        entry.OrganName = "开阳县纪委监委";
        entry.IpAddress = "10.0.0.8";
        entry.Algorithm = AuditChain.Algorithm;
        return entry;
    }

    private static AuditEntry Bare()
    {
        var entry = Entry("Login", "Account", null, null, AuditOutcome.Success, "system", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        entry.Sequence = 1;
        entry.Algorithm = AuditChain.Algorithm;
        return entry;
    }

    private static AuditEntry Entry(string action, string entityType, string? entityId, string? details, AuditOutcome outcome, string userName, DateTimeOffset at) =>
        new(action, entityType, entityId, details, outcome) { UserName = userName, Timestamp = at };

    private static string Sm3(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = new SM3Digest();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return Convert.ToHexStringLower(output);
    }
}
