namespace Qingfeng.Platform.Security;

public static class FieldEncryptionFeature
{
    /// <summary>
    /// Registers <see cref="FieldEncryption"/> with keys from configuration (<c>Encryption:*</c>). Without
    /// configured keys a SQLite (demo) installation gets a generated key file beside its database; a
    /// PostgreSQL installation refuses to start.
    /// </summary>
    public static IServiceCollection AddFieldEncryption(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var keys = EncryptionKeyRing.FromConfiguration(configuration);
        if (keys is null)
        {
            if (!EncryptionKeyRing.IsSqlite(configuration))
            {
                throw new InvalidOperationException(
                    $"Field encryption keys are not configured. Set {EncryptionKeyRing.CurrentKeyIdSetting}, {EncryptionKeyRing.KeysSection}:{{id}} " +
                    $"(base64 of {EncryptionKeyRing.DataKeyBytes} random bytes) and {EncryptionKeyRing.IndexKeySetting} (base64 of {EncryptionKeyRing.IndexKeyBytes} random bytes), " +
                    "e.g. as environment variables Encryption__CurrentKeyId, Encryption__Keys__{id} and Encryption__IndexKey.");
            }

            var path = EncryptionKeyRing.DemoKeyFilePath(configuration, contentRootPath);
            (keys, var created) = EncryptionKeyRing.LoadOrCreateFile(path);
            services.AddHostedService(sp => new DemoKeyWarning(sp.GetRequiredService<ILogger<FieldEncryption>>(), path, created));
        }

        services.AddSingleton(keys);
        services.AddSingleton<FieldEncryption>();
        return services;
    }

    private sealed class DemoKeyWarning(ILogger<FieldEncryption> logger, string path, bool created) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning(
                "Field encryption uses the {State} demo key file {Path}. This is for demo use only: configure Encryption:CurrentKeyId, Encryption:Keys and Encryption:IndexKey for production, and back up the key file while it is in use.",
                created ? "newly created" : "generated", path);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
