using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Platform.Security;

public class FieldEncryptionTests
{
    private const string Place = "clue:0197a3c2-0000-7000-8000-000000000001:Content";

    private static EncryptionKeyRing Ring(string currentId, Dictionary<string, byte[]> keys, byte[]? index = null) =>
        new(currentId, keys, index ?? RandomNumberGenerator.GetBytes(EncryptionKeyRing.IndexKeyBytes));

    [Fact]
    public void SM4Engine_matches_the_GB_T_32907_block_test_vector()
    {
        var key = Convert.FromHexString("0123456789abcdeffedcba9876543210");
        var engine = new SM4Engine();
        engine.Init(true, new KeyParameter(key));
        var output = new byte[16];
        engine.ProcessBlock(key, 0, output, 0);
        Assert.Equal("681edf34d206965e86b3e94f536e4246", Convert.ToHexStringLower(output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII")]
    [InlineData("反映某县交通局局长张某在工程招标中收受好处费20万元，举报人：李某，电话13800000000")]
    public void Text_round_trips_including_Chinese(string plaintext)
    {
        var encryption = new FieldEncryption(EncryptionKeyRing.Generate());
        var ciphertext = encryption.Encrypt(plaintext, Place);

        Assert.StartsWith("sm4gcm:demo-1:", ciphertext, StringComparison.Ordinal);
        Assert.DoesNotContain("张某", ciphertext, StringComparison.Ordinal);
        Assert.Equal(plaintext, encryption.Decrypt(ciphertext, Place));
        Assert.NotEqual(ciphertext, encryption.Encrypt(plaintext, Place));
    }

    [Fact]
    public void Attachments_round_trip_with_a_binary_header()
    {
        var encryption = new FieldEncryption(EncryptionKeyRing.Generate());
        var content = RandomNumberGenerator.GetBytes(100_000);
        var encrypted = encryption.EncryptBytes(content, "attachment:42");

        Assert.Equal("QFE1"u8.ToArray(), encrypted[..4]);
        Assert.Equal(content, encryption.DecryptBytes(encrypted, "attachment:42"));
        Assert.Throws<CryptographicException>(() => encryption.DecryptBytes(encrypted, "attachment:43"));
        Assert.True(encryption.IsCurrent(encrypted));
    }

    [Fact]
    public void A_flipped_bit_is_detected()
    {
        var encryption = new FieldEncryption(EncryptionKeyRing.Generate());
        var ciphertext = encryption.Encrypt("举报内容", Place);
        var payload = Convert.FromBase64String(ciphertext.Split(':')[2]);
        foreach (var position in new[] { 0, 12, payload.Length - 1 })
        {
            var tampered = payload.ToArray();
            tampered[position] ^= 0x01;
            var error = Assert.Throws<CryptographicException>(() => encryption.Decrypt($"sm4gcm:demo-1:{Convert.ToBase64String(tampered)}", Place));
            Assert.Contains("authentication", error.Message, StringComparison.Ordinal);
        }

        var attachment = encryption.EncryptBytes([1, 2, 3], "attachment:1");
        attachment[^5] ^= 0x80;
        Assert.Throws<CryptographicException>(() => encryption.DecryptBytes(attachment, "attachment:1"));
    }

    [Fact]
    public void A_value_moved_to_another_record_or_field_does_not_decrypt()
    {
        var encryption = new FieldEncryption(EncryptionKeyRing.Generate());
        var ciphertext = encryption.Encrypt("举报人：李某", "clue:1:Reporter");

        Assert.Throws<CryptographicException>(() => encryption.Decrypt(ciphertext, "clue:2:Reporter"));
        Assert.Throws<CryptographicException>(() => encryption.Decrypt(ciphertext, "clue:1:Content"));
    }

    [Fact]
    public void An_unknown_key_id_or_a_foreign_format_is_reported_clearly()
    {
        var encryption = new FieldEncryption(EncryptionKeyRing.Generate());
        var ciphertext = encryption.Encrypt("x", Place).Replace("demo-1", "k9", StringComparison.Ordinal);

        var error = Assert.Throws<CryptographicException>(() => encryption.Decrypt(ciphertext, Place));
        Assert.Contains("Encryption:Keys:k9", error.Message, StringComparison.Ordinal);
        Assert.Throws<CryptographicException>(() => encryption.Decrypt("plain text", Place));
        Assert.Throws<CryptographicException>(() => encryption.Decrypt("sm4gcm:demo-1:!!!", Place));
    }

    [Fact]
    public void A_value_encrypted_under_an_old_key_still_decrypts_after_rotation_and_is_not_current()
    {
        var oldKey = RandomNumberGenerator.GetBytes(16);
        var index = RandomNumberGenerator.GetBytes(32);
        var before = new FieldEncryption(Ring("2025", new() { ["2025"] = oldKey }, index));
        var stored = before.Encrypt("线索内容", Place);
        var storedFile = before.EncryptBytes([7, 7, 7], "attachment:1");
        Assert.True(before.IsCurrent(stored));

        var after = new FieldEncryption(Ring("2026", new() { ["2025"] = oldKey, ["2026"] = RandomNumberGenerator.GetBytes(16) }, index));

        Assert.Equal("线索内容", after.Decrypt(stored, Place));
        Assert.Equal([7, 7, 7], after.DecryptBytes(storedFile, "attachment:1"));
        Assert.False(after.IsCurrent(stored));
        Assert.False(after.IsCurrent(storedFile));
        var reencrypted = after.Encrypt(after.Decrypt(stored, Place), Place);
        Assert.True(after.IsCurrent(reencrypted));
        Assert.StartsWith("sm4gcm:2026:", reencrypted, StringComparison.Ordinal);
    }

    [Fact]
    public void Blind_tokens_are_deterministic_per_index_key_and_lowercase_hex()
    {
        var index = RandomNumberGenerator.GetBytes(32);
        var first = new FieldEncryption(Ring("a", new() { ["a"] = RandomNumberGenerator.GetBytes(16) }, index));
        var sameIndexOtherDataKey = new FieldEncryption(Ring("b", new() { ["b"] = RandomNumberGenerator.GetBytes(16) }, index));
        var otherIndex = new FieldEncryption(EncryptionKeyRing.Generate());

        var token = first.BlindToken("张三");
        Assert.Equal(token, first.BlindToken("张三"));
        Assert.Equal(token, sameIndexOtherDataKey.BlindToken("张三"));
        Assert.NotEqual(token, first.BlindToken("张四"));
        Assert.NotEqual(token, otherIndex.BlindToken("张三"));
        Assert.Matches("^[0-9a-f]{16}$", token);
    }

    [Fact]
    public void Blind_token_is_HMAC_SM3_of_the_UTF8_term_truncated_to_16_hex_digits()
    {
        // Independent computation with BouncyCastle's generic HMAC over SM3.
        var index = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var encryption = new FieldEncryption(Ring("a", new() { ["a"] = new byte[16] }, index));
        var mac = Org.BouncyCastle.Security.MacUtilities.GetMac("HMAC-SM3");
        mac.Init(new KeyParameter(index));
        var term = System.Text.Encoding.UTF8.GetBytes("受贿");
        mac.BlockUpdate(term, 0, term.Length);
        var expected = Convert.ToHexStringLower(Org.BouncyCastle.Security.MacUtilities.DoFinal(mac))[..16];

        Assert.Equal(expected, encryption.BlindToken("受贿"));
    }
}
