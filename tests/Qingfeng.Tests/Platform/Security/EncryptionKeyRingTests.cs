using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Platform.Security;

public sealed class EncryptionKeyRingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qf-keys-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void The_key_file_is_created_once_and_reused()
    {
        var path = Path.Combine(_root, "data", "keys", "encryption.json");
        var (first, created) = EncryptionKeyRing.LoadOrCreateFile(path);
        var (second, createdAgain) = EncryptionKeyRing.LoadOrCreateFile(path);

        Assert.True(created);
        Assert.False(createdAgain);
        var ciphertext = new FieldEncryption(first).Encrypt("举报内容", "x");
        Assert.Equal("举报内容", new FieldEncryption(second).Decrypt(ciphertext, "x"));
        Assert.Equal(new FieldEncryption(first).BlindToken("张三"), new FieldEncryption(second).BlindToken("张三"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Concurrent_apps_agree_on_one_key_file()
    {
        var path = Path.Combine(_root, "keys", "encryption.json");
        var rings = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => EncryptionKeyRing.LoadOrCreateFile(path))));

        Assert.Single(rings, r => r.Created);
        var ciphertext = new FieldEncryption(rings[0].Keys).Encrypt("x", "ad");
        Assert.All(rings, r => Assert.Equal("x", new FieldEncryption(r.Keys).Decrypt(ciphertext, "ad")));
        Assert.Equal(["encryption.json"], Directory.EnumerateFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Without_configured_keys_SQLite_uses_a_key_file_beside_its_database()
    {
        var configuration = Config(("Database:ConnectionString", $"Data Source={Path.Combine(_root, "db", "app.db")}"));
        new ServiceCollection().AddFieldEncryption(configuration, Path.Combine(_root, "content"));

        Assert.True(File.Exists(Path.Combine(_root, "db", "keys", "encryption.json")));
        Assert.Equal(Path.Combine(_root, "content", "data", "keys", "encryption.json"), EncryptionKeyRing.DemoKeyFilePath(Config(), Path.Combine(_root, "content")));
    }

    [Fact]
    public void Without_configured_keys_PostgreSQL_refuses_to_start_naming_the_settings()
    {
        var configuration = Config(("Database:Provider", "Postgres"), ("Database:ConnectionString", "Host=localhost"));
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddFieldEncryption(configuration, _root));

        Assert.Contains("Encryption:CurrentKeyId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Encryption:Keys:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Encryption:IndexKey", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_root));
    }

    [Fact]
    public void Configured_keys_are_used_and_validated()
    {
        var key = Convert.ToBase64String(new byte[16]);
        var index = Convert.ToBase64String(new byte[32]);
        var ring = EncryptionKeyRing.FromConfiguration(Config(("Encryption:CurrentKeyId", "k2"), ("Encryption:Keys:k1", key), ("Encryption:Keys:k2", key), ("Encryption:IndexKey", index)))!;
        Assert.Equal("k2", ring.CurrentKeyId);
        Assert.Equal(["k1", "k2"], ring.KeyIds.Order(StringComparer.Ordinal));

        Assert.Null(EncryptionKeyRing.FromConfiguration(Config()));
        Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.FromConfiguration(Config(("Encryption:CurrentKeyId", "k1"), ("Encryption:Keys:k1", key))));
        Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.FromConfiguration(Config(("Encryption:CurrentKeyId", "k3"), ("Encryption:Keys:k1", key), ("Encryption:IndexKey", index))));
        Assert.Throws<InvalidOperationException>(() => EncryptionKeyRing.FromConfiguration(Config(("Encryption:CurrentKeyId", "k1"), ("Encryption:Keys:k1", Convert.ToBase64String(new byte[8])), ("Encryption:IndexKey", index))));
    }
}
