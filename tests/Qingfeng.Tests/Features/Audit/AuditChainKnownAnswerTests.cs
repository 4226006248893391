using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Qingfeng.Features.Audit;
using Xunit;

namespace Qingfeng.Tests.Features.Audit;

/// <summary>
/// Known answers for the audit hash chain: fixed records give fixed digests, under the legacy algorithm (plain SM3, the
/// entries written before the audit key existed) and the keyed one (HMAC-SM3 under a fixed key, bytes 0x00…0x1f). The
/// hex strings were computed independently of this code base, with OpenSSL's SM3 through Python's <c>hashlib</c> and
/// <c>hmac</c> over the canonical record written out by hand (fields in order, joined by U+001F, UTF-8), so a change to
/// the field order, the formats, the digest or the MAC shows here.
/// </summary>
public sealed class AuditChainKnownAnswerTests
{
    private const char Separator = '\u001f';
    private const string FullHash = "830dedb25c54054b5ba26d2f4e1287e5cefe27762c64a0f4a91906872904245a";
    private const string BareHash = "03d0d5fa6ab849e4dd9606d8c62acea31fee9aceef45c7e22e4aac1e5b23de53";
    private const string ExtendedFirstHash = "f7e4dc2e189aaf0b2dce5685eacac565f6c1e0c63ecd7f11f58b884834fc6c68";
    private const string ExtendedSecondHash = "e6dc3c174bef18b2700afafc92764ec8cbad84dc58b06b9c4c03d672d3032ac1";
    private const string KeyedFullHash = "6c2ced38f8350d88c4764a6fe43ee2b802832d15ce55fef0eb9609f1eafdc16e";
    private const string KeyedFirstHash = "cadc22504478042ee7fc23b2c313e6d11d5a73d79b820cca3e87a82146bf8e52";
    private const string KeyedSecondHash = "e8a875cc247c8e7515117a21991db9ece66709dc8c04a869f7e5b3923f8807a3";
    private const string CheckpointMac = "191327f73d47da9fd133c5f8f92e9b611d02f6e6011c4c9eed1a557b7adb1a23";

    private static readonly string Checkpoint = string.Concat(Enumerable.Repeat("cd", 32));

    private static readonly AuditKey Key = new([.. Enumerable.Range(0, 32).Select(i => (byte)i)]);

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
    public void The_genesis_hash_is_sixty_four_zeros_and_the_algorithms_are_sm3_and_hmac_sm3()
    {
        Assert.Equal(new string('0', 64), AuditChain.Genesis);
        Assert.Equal("SM3", AuditChain.Algorithm);
        Assert.Equal("HMAC-SM3", AuditChain.KeyedAlgorithm);
    }

    [Fact]
    public void Hmac_sm3_of_abc_under_the_test_key_is_its_known_answer()
    {
        Assert.Equal("a8f95cf26f204957e7ca73c9602a25dda35f168b28103b51dfc968c810416b63", Key.Mac("abc"u8));
    }

    [Fact]
    public void A_keyed_record_is_hmac_sm3_of_the_same_canonical_form_naming_its_algorithm()
    {
        var entry = Full();
        entry.Algorithm = AuditChain.KeyedAlgorithm;

        Assert.Equal(KeyedFullHash, AuditChain.Compute(entry, AuditChain.Genesis, Key));
        Assert.NotEqual(KeyedFullHash, AuditChain.Compute(entry, AuditChain.Genesis, AuditKey.Generate()));
    }

    [Fact]
    public void Extending_with_the_key_marks_the_entries_keyed_and_chains_their_macs()
    {
        var first = Entry("Export", "Clue", null, "导出 3 条", AuditOutcome.Success, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        var second = Entry("View", "Clue", "c-9", null, AuditOutcome.Failure, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 1, TimeSpan.Zero));

        AuditChain.Extend(41, Checkpoint, [first, second], Key);

        Assert.Equal((42L, "HMAC-SM3", Checkpoint, KeyedFirstHash), (first.Sequence, first.Algorithm, first.PreviousHash, first.Hash));
        Assert.Equal((43L, "HMAC-SM3", KeyedFirstHash, KeyedSecondHash), (second.Sequence, second.Algorithm, second.PreviousHash, second.Hash));
    }

    [Fact]
    public void A_checkpoint_is_the_hmac_sm3_of_its_domain_and_fields_in_order()
    {
        var checkpoint = AuditCheckpoint.Create(3, new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(8)), 752, KeyedSecondHash, 752, Key);

        Assert.Equal(CheckpointMac, checkpoint.Mac);
        Assert.Equal(
            string.Join(Separator, "qingfeng-audit-checkpoint/1", "3", "2026-12-02T02:00:00.000000Z", "752", KeyedSecondHash, "752", "HMAC-SM3"),
            System.Text.Encoding.UTF8.GetString(checkpoint.Canonical()));
        Assert.True(checkpoint.IsAuthentic(Key));
        Assert.False(checkpoint.IsAuthentic(AuditKey.Generate()));
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
    public void Verifying_from_a_checkpoint_moves_the_walk_to_the_last_entry()
    {
        var walk = new AuditChainWalk(Key, 42, Checkpoint);

        Assert.Null(walk.Check(Extended()));

        Assert.Equal((44L, ExtendedSecondHash, 2L, 0L), (walk.NextSequence, walk.PreviousHash, walk.LegacyEntries, walk.KeyedEntries));
    }

    [Fact]
    public void Verifying_nothing_leaves_the_walk_where_it_was()
    {
        var walk = new AuditChainWalk(Key, 42, Checkpoint);

        Assert.Null(walk.Check([]));

        Assert.Equal((42L, Checkpoint, 0L), (walk.NextSequence, walk.PreviousHash, walk.EntriesVerified));
    }

    [Fact]
    public void A_gap_is_reported_at_the_missing_number_and_a_broken_link_at_the_entry()
    {
        Assert.Equal(new AuditBreak(41, "Audit.Verify.Gap"), new AuditChainWalk(Key, 41, Checkpoint).Check(Extended()));
        Assert.Equal(new AuditBreak(42, "Audit.Verify.Link"), new AuditChainWalk(Key, 42, AuditChain.Genesis).Check(Extended()));
    }

    [Fact]
    public void An_entry_rehashed_under_another_algorithm_name_is_refused()
    {
        var entries = Extended();
        entries[1].Algorithm = "SM3-forged";
        entries[1].Hash = AuditChain.Compute(entries[1], entries[1].PreviousHash);

        Assert.Equal(new AuditBreak(43, "Audit.Verify.Hash"), new AuditChainWalk(Key, 42, Checkpoint).Check(entries));
    }

    [Fact]
    public void A_changed_hash_is_refused_even_when_the_record_is_untouched()
    {
        var entries = Extended();
        entries[0].Hash = FullHash;

        Assert.Equal(new AuditBreak(42, "Audit.Verify.Hash"), new AuditChainWalk(Key, 42, Checkpoint).Check(entries));
    }

    [Fact]
    public void Keyed_entries_verify_under_their_key_and_not_under_another()
    {
        var entries = Keyed();

        Assert.Null(new AuditChainWalk(Key, 42, Checkpoint).Check(entries));
        Assert.Equal(new AuditBreak(42, "Audit.Verify.Hash"), new AuditChainWalk(AuditKey.Generate(), 42, Checkpoint).Check(entries));
        Assert.Equal(new AuditBreak(42, "Audit.Verify.NoKey"), new AuditChainWalk(null, 42, Checkpoint).Check(entries));
    }

    [Fact]
    public void Legacy_entries_verify_before_keyed_ones_but_not_after_them()
    {
        var legacy = Extended();
        var keyed = Entry("Login", "Account", null, null, AuditOutcome.Success, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 2, TimeSpan.Zero));
        AuditChain.Extend(43, legacy[^1].Hash, [keyed], Key);
        var walk = new AuditChainWalk(Key, 42, Checkpoint);
        Assert.Null(walk.Check([.. legacy, keyed]));
        Assert.Equal((2L, 1L, 3L), (walk.LegacyEntries, walk.KeyedEntries, walk.EntriesVerified));

        // The same three, rebuilt without the key after a keyed entry: the plain entry gives the rebuild away.
        var plainAgain = Entry("Logout", "Account", null, null, AuditOutcome.Success, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 3, TimeSpan.Zero));
        AuditChain.Extend(44, keyed.Hash, [plainAgain]);
        Assert.Equal(new AuditBreak(45, "Audit.Verify.Downgrade"), new AuditChainWalk(Key, 42, Checkpoint).Check([.. legacy, keyed, plainAgain]));
    }

    [Fact]
    public void Missing_arguments_are_refused_by_name()
    {
        var entry = Extended()[0];

        Assert.Equal("key", Assert.Throws<ArgumentNullException>(() => AuditChain.Compute(entry, Checkpoint, null!)).ParamName);
        Assert.Equal("entry", Assert.Throws<ArgumentNullException>(() => AuditChain.Canonical(null!, Checkpoint)).ParamName);
        Assert.Equal("entries", Assert.Throws<ArgumentNullException>(() => AuditChain.Extend(0, AuditChain.Genesis, null!)).ParamName);
        Assert.Equal("orderedEntries", Assert.Throws<ArgumentNullException>(() => new AuditChainWalk(Key).Check(null!)).ParamName);
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

    private static List<AuditEntry> Keyed()
    {
        var entries = new List<AuditEntry>
        {
            Entry("Export", "Clue", null, "导出 3 条", AuditOutcome.Success, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero)),
            Entry("View", "Clue", "c-9", null, AuditOutcome.Failure, "ky.casemgmt", new DateTimeOffset(2026, 11, 28, 8, 0, 1, TimeSpan.Zero)),
        };
        AuditChain.Extend(41, Checkpoint, entries, Key);
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
