using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Qingfeng.Platform.Security;

/// <summary>
/// Encryption at rest (字段加密) of sensitive fields and attachments with SM4-GCM (GB/T 32907), and keyed
/// blind-index tokens (HMAC-SM3) for searching encrypted text. The associated data binds a ciphertext
/// to its place (record id + field name), so a value copied into another row does not decrypt.
/// </summary>
/// <remarks>
/// Text form: <c>sm4gcm:{keyId}:{base64(nonce ‖ ciphertext ‖ tag)}</c>. Binary form (attachments):
/// <c>"QFE1" ‖ keyId length (1 byte) ‖ keyId (ASCII) ‖ nonce ‖ ciphertext ‖ tag</c>. Both authenticate the
/// key id with the caller's associated data. Thread-safe: every call uses its own cipher.
/// </remarks>
public sealed class FieldEncryption
{
    public const string Prefix = "sm4gcm";

    private const int NonceBytes = 12;
    private const int TagBits = 128;
    private const int TagBytes = TagBits / 8;
    private const int TokenLength = 16;
    private static readonly byte[] BinaryMagic = "QFE1"u8.ToArray();

    private readonly EncryptionKeyRing _keys;

    public FieldEncryption(EncryptionKeyRing keys) => _keys = keys;

    /// <summary>The key new values are encrypted with.</summary>
    public string CurrentKeyId => _keys.CurrentKeyId;

    public string Encrypt(string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var keyId = _keys.CurrentKeyId;
        var sealedBytes = Seal(keyId, Encoding.UTF8.GetBytes(plaintext), associatedData, headerLength: 0);
        return $"{Prefix}:{keyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    public string Decrypt(string ciphertext, string associatedData)
    {
        var (keyId, payload) = SplitText(ciphertext);
        return Encoding.UTF8.GetString(Open(keyId, payload, associatedData));
    }

    public byte[] EncryptBytes(byte[] plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var keyId = _keys.CurrentKeyId;
        var header = BinaryHeader(keyId);
        var output = Seal(keyId, plaintext, associatedData, header.Length);
        header.CopyTo(output, 0);
        return output;
    }

    public byte[] DecryptBytes(byte[] ciphertext, string associatedData)
    {
        var (keyId, payload) = SplitBinary(ciphertext);
        return Open(keyId, payload, associatedData);
    }

    /// <summary>Whether a stored text value is under the current key; false means re-encrypt it (key rotation).</summary>
    public bool IsCurrent(string ciphertext) => string.Equals(SplitText(ciphertext).KeyId, _keys.CurrentKeyId, StringComparison.Ordinal);

    /// <summary>Whether a stored attachment is under the current key.</summary>
    public bool IsCurrent(byte[] ciphertext) => string.Equals(SplitBinary(ciphertext).KeyId, _keys.CurrentKeyId, StringComparison.Ordinal);

    /// <summary>
    /// A deterministic search token for <paramref name="term"/>: HMAC-SM3 under the index key, lowercase hex,
    /// first 16 characters. The term is used exactly as given; callers normalise (case, width, segmentation).
    /// </summary>
    public string BlindToken(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return BlindTokens([term])[0];
    }

    /// <summary>The <see cref="BlindToken"/> of each term, in order, with one keyed MAC reset between terms (cheaper than one MAC each).</summary>
    public List<string> BlindTokens(IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var mac = new HMac(new SM3Digest());
        mac.Init(new KeyParameter(_keys.IndexKey));
        var output = new byte[mac.GetMacSize()];
        var tokens = new List<string>();
        foreach (var term in terms)
        {
            ArgumentNullException.ThrowIfNull(term, nameof(terms));
            var input = Encoding.UTF8.GetBytes(term);
            mac.BlockUpdate(input, 0, input.Length);
            mac.DoFinal(output, 0);
            tokens.Add(Convert.ToHexStringLower(output, 0, TokenLength / 2));
        }

        return tokens;
    }

    /// <summary>Encrypts into a new array that leaves <paramref name="headerLength"/> bytes free at the front.</summary>
    private byte[] Seal(string keyId, byte[] plaintext, string associatedData, int headerLength)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var cipher = Cipher(forEncryption: true, _keys.CurrentKey, nonce, keyId, associatedData);
        var output = new byte[headerLength + NonceBytes + cipher.GetOutputSize(plaintext.Length)];
        nonce.CopyTo(output, headerLength);
        var written = cipher.ProcessBytes(plaintext, 0, plaintext.Length, output, headerLength + NonceBytes);
        cipher.DoFinal(output, headerLength + NonceBytes + written);
        return output;
    }

    private byte[] Open(string keyId, ReadOnlySpan<byte> payload, string associatedData)
    {
        if (payload.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The encrypted value is truncated.");
        }

        var key = _keys.TryKey(keyId)
            ?? throw new CryptographicException($"The encrypted value uses key '{keyId}', which is not configured (Encryption:Keys:{keyId}).");
        var nonce = payload[..NonceBytes].ToArray();
        var body = payload[NonceBytes..].ToArray();
        var cipher = Cipher(forEncryption: false, key, nonce, keyId, associatedData);
        var output = new byte[cipher.GetOutputSize(body.Length)];
        try
        {
            var written = cipher.ProcessBytes(body, 0, body.Length, output, 0);
            written += cipher.DoFinal(output, written);
            return written == output.Length ? output : output[..written];
        }
        catch (InvalidCipherTextException e)
        {
            throw new CryptographicException("The encrypted value failed authentication: it was altered, belongs to another record or field, or the key is wrong.", e);
        }
    }

    private static GcmBlockCipher Cipher(bool forEncryption, byte[] key, byte[] nonce, string keyId, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(associatedData);
        var cipher = new GcmBlockCipher(new SM4Engine());
        var aad = Encoding.UTF8.GetBytes($"{Prefix}:{keyId}:{associatedData}");
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagBits, nonce, aad));
        return cipher;
    }

    private static (string KeyId, byte[] Payload) SplitText(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        var parts = ciphertext.Split(':');
        if (parts.Length != 3 || !string.Equals(parts[0], Prefix, StringComparison.Ordinal) || parts[1].Length == 0)
        {
            throw new CryptographicException($"The value is not in the {Prefix}:{{keyId}}:{{data}} format.");
        }

        try
        {
            return (parts[1], Convert.FromBase64String(parts[2]));
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The encrypted value is not valid base64.", e);
        }
    }

    private static byte[] BinaryHeader(string keyId)
    {
        var id = Encoding.ASCII.GetBytes(keyId);
        var header = new byte[BinaryMagic.Length + 1 + id.Length];
        BinaryMagic.CopyTo(header, 0);
        header[BinaryMagic.Length] = checked((byte)id.Length);
        id.CopyTo(header, BinaryMagic.Length + 1);
        return header;
    }

    private static (string KeyId, byte[] Payload) SplitBinary(byte[] ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        var span = ciphertext.AsSpan();
        if (span.Length < BinaryMagic.Length + 1 || !span[..BinaryMagic.Length].SequenceEqual(BinaryMagic)
            || span.Length < BinaryMagic.Length + 1 + span[BinaryMagic.Length])
        {
            throw new CryptographicException("The data is not an encrypted attachment (QFE1 header missing or truncated).");
        }

        var idLength = span[BinaryMagic.Length];
        var keyId = Encoding.ASCII.GetString(span.Slice(BinaryMagic.Length + 1, idLength));
        return (keyId, span[(BinaryMagic.Length + 1 + idLength)..].ToArray());
    }
}
