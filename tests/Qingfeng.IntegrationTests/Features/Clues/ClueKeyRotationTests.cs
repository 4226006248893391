using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qingfeng.Features.Clues;
using Qingfeng.IntegrationTests.Infrastructure;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.IntegrationTests.Features.Clues;

/// <summary>Rotating the SM4 key: every clue and attachment moves to the new key and still reads the same.</summary>
public sealed class ClueKeyRotationTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task After_a_rotation_every_clue_is_re_encrypted_under_the_new_key_and_reads_the_same(Provider provider)
    {
        await using var app = await QingfengApp.StartAsync(provider);
        var officers = new ClueClients(app);
        await officers.ConnectAsync();
        await officers.RegisterAsync(await ClueClients.KaiyangPrincipalAsync(app, skip: 0), "反映其违规收受礼金。", realName: true);
        var oldRing = app.Services.GetRequiredService<EncryptionKeyRing>();
        var oldEncryption = app.Services.GetRequiredService<FieldEncryption>();
        var keys = oldRing.KeyIds.ToDictionary(id => id, id => oldRing.TryKey(id)!);
        keys["rotated"] = RandomNumberGenerator.GetBytes(16);
        var newEncryption = new FieldEncryption(new EncryptionKeyRing("rotated", keys, oldRing.IndexKey));

        await using var before = app.CreateDb();
        var plain = (await before.Clues.AsNoTracking().Where(c => c.ContentCipher != null).OrderBy(c => c.Id).Take(20).ToListAsync())
            .ToDictionary(c => c.Id, c => oldEncryption.Decrypt(c.ContentCipher!, $"{c.Id:N}:content"));

        var result = await ClueKeyRotation.ReencryptAsync(app.Services.GetRequiredService<QingfengDatabase>(), newEncryption, TestContext.Current.CancellationToken);

        Assert.NotEmpty(plain);
        Assert.True(result.Clues >= plain.Count);
        await using var after = app.CreateDb();
        var clues = await after.Clues.AsNoTracking().Where(c => c.ContentCipher != null).ToListAsync();
        Assert.All(clues, c => Assert.True(newEncryption.IsCurrent(c.ContentCipher!)));
        foreach (var (id, text) in plain)
        {
            Assert.Equal(text, newEncryption.Decrypt(clues.Single(c => c.Id == id).ContentCipher!, $"{id:N}:content"));
        }

        Assert.Equal(0, (await ClueKeyRotation.ReencryptAsync(app.Services.GetRequiredService<QingfengDatabase>(), newEncryption, TestContext.Current.CancellationToken)).Clues);
        var verified = await Qingfeng.Features.Audit.AuditLog.VerifyChainAsync(after, TestContext.Current.CancellationToken);
        Assert.True(verified.Intact);
    }
}
