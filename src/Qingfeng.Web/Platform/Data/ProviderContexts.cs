using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Qingfeng.Features.Audit;

namespace Qingfeng.Platform.Data;

/// <summary>The SQLite flavour of <see cref="QingfengDb"/>; owns the SQLite migration set.</summary>
public sealed class SqliteQingfengDb(DbContextOptions<SqliteQingfengDb> options, DbActor? actor = null, AuditKey? auditKey = null)
    : QingfengDb(options, actor, auditKey)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; store exact UTC ticks instead
        // (EF's DateTimeOffsetToBinaryConverter drops precision, which would break audit hashes).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks; read back with offset zero.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>The PostgreSQL flavour of <see cref="QingfengDb"/>; owns the PostgreSQL migration set.</summary>
public sealed class PostgresQingfengDb(DbContextOptions<PostgresQingfengDb> options, DbActor? actor = null, AuditKey? auditKey = null)
    : QingfengDb(options, actor, auditKey);

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteQingfengDb>
{
    public SqliteQingfengDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteQingfengDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresQingfengDb>
{
    public PostgresQingfengDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresQingfengDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
