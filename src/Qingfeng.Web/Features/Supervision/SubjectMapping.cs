using Microsoft.EntityFrameworkCore.Metadata;

namespace Qingfeng.Features.Supervision;

/// <summary>
/// Which members of the <see cref="SupervisedSubject"/> a record's table keeps, under the column names the tables have always had.
/// Members a table does not keep read back as empty.
/// </summary>
/// <param name="UnitName">Whether the unit's name is copied (every record but adopted rules).</param>
/// <param name="Official">The prefix of the official's id and name columns ("Official", or "Principal" where the record names the 一把手); null keeps none.</param>
/// <param name="OfficialRequired">Whether the record is always about an official (the id and name columns are not null).</param>
/// <param name="PositionColumn">The column of the official's position, if kept.</param>
/// <param name="PositionMaxLength">Its length.</param>
/// <param name="IsPrincipal">Whether the 一把手 flag is kept.</param>
/// <param name="LeaderCategory">Whether the leader category is kept.</param>
public sealed record SubjectColumns(
    bool UnitName = true,
    string? Official = "Official",
    bool OfficialRequired = false,
    string? PositionColumn = "OfficialPosition",
    int PositionMaxLength = 128,
    bool IsPrincipal = true,
    bool LeaderCategory = true)
{
    /// <summary>Every member, about one official (talks, inquiries).</summary>
    public static readonly SubjectColumns AboutOfficial = new(OfficialRequired: true);

    /// <summary>The unit and its 一把手 by id and name (recommendations, decision records).</summary>
    public static readonly SubjectColumns UnitAndPrincipal = new(Official: "Principal", PositionColumn: null, IsPrincipal: false, LeaderCategory: false);

    /// <summary>The unit's id and region key only (adopted rules).</summary>
    public static readonly SubjectColumns UnitKeyOnly = new(UnitName: false, Official: null, PositionColumn: null, IsPrincipal: false, LeaderCategory: false);
}

/// <summary>
/// The one EF Core mapping of the supervised subject: <c>Subject</c> is a complex property whose members keep the flat column
/// names (<c>UnitId</c>, <c>UnitName</c>, <c>RegionKey</c>, <c>OfficialId</c> …), so the schema is the one the flattened entities had.
/// </summary>
/// <remarks>
/// EF Core 10 does not index complex-type members (dotnet/efcore#31246), while every record table indexes its unit, region key
/// and official. The mapping therefore also declares shadow properties <see cref="UnitId"/>, <see cref="RegionKey"/> and
/// <see cref="OfficialId"/> on the same columns, for the indexes alone: EF never writes them (the subject does), reads them
/// from the same column, and names the indexes after the columns as before.
/// </remarks>
public static class SubjectMapping
{
    /// <summary>Shadow index key on the <c>UnitId</c> column.</summary>
    public const string UnitId = "UnitId";

    /// <summary>Shadow index key on the <c>RegionKey</c> column.</summary>
    public const string RegionKey = "RegionKey";

    /// <summary>Shadow index key on the official's id column (<c>OfficialId</c> or <c>PrincipalId</c>).</summary>
    public const string OfficialId = "OfficialId";

    public const int UnitNameMaxLength = 128;
    public const int RegionKeyMaxLength = 12;
    public const int OfficialNameMaxLength = 64;

    /// <summary>
    /// Maps a supervision record the way every record table is mapped: onto <paramref name="table"/>, its subject onto the columns
    /// <paramref name="columns"/> names, and its <see cref="Entity.Version"/> as the optimistic concurrency token each save checks.
    /// </summary>
    public static void MapRecord<T>(EntityTypeBuilder<T> b, string table, SubjectColumns columns)
        where T : Entity, ISupervisedRecord
    {
        ArgumentNullException.ThrowIfNull(b);
        b.ToTable(table);
        Map(b, columns);
        b.Property(r => r.Version).IsConcurrencyToken();
    }

    /// <summary>Maps <see cref="ISupervisedRecord.Subject"/> of <typeparamref name="T"/> onto the columns <paramref name="columns"/> names.</summary>
    public static void Map<T>(EntityTypeBuilder<T> b, SubjectColumns columns)
        where T : class, ISupervisedRecord
    {
        IndexKey<Guid>(b, UnitId, UnitId);
        IndexKey<string>(b, RegionKey, RegionKey).HasMaxLength(RegionKeyMaxLength).IsRequired();
        if (columns.Official is { } official)
        {
            IndexKey<Guid?>(b, OfficialId, official + "Id").IsRequired(columns.OfficialRequired);
        }

        b.ComplexProperty<SupervisedSubject>(nameof(ISupervisedRecord.Subject), s =>
        {
            s.IsRequired();
            s.Property(x => x.UnitId).HasColumnName(UnitId);
            s.Property(x => x.RegionKey).HasColumnName(RegionKey).HasMaxLength(RegionKeyMaxLength).IsRequired();
            Keep(s, x => x.UnitName, columns.UnitName, p => p.HasColumnName("UnitName").HasMaxLength(UnitNameMaxLength).IsRequired());
            Keep(s, x => x.OfficialId, columns.Official is not null, p => p.HasColumnName(columns.Official + "Id").IsRequired(columns.OfficialRequired));
            Keep(s, x => x.OfficialName, columns.Official is not null, p => p.HasColumnName(columns.Official + "Name").HasMaxLength(OfficialNameMaxLength).IsRequired(columns.OfficialRequired));
            Keep(s, x => x.OfficialPosition, columns.PositionColumn is not null, p => p.HasColumnName(columns.PositionColumn).HasMaxLength(columns.PositionMaxLength).IsRequired(columns.OfficialRequired));
            Keep(s, x => x.IsPrincipal, columns.IsPrincipal, p => p.HasColumnName("IsPrincipal"));
            Keep(s, x => x.LeaderCategory, columns.LeaderCategory, p => p.HasColumnName("LeaderCategory"));
        });
    }

    /// <summary>
    /// The indexes a record's lists read through: the region key followed by <paramref name="thenBy"/> (the jurisdiction scope, then
    /// the list's order or filter), the unit, and the official where <paramref name="byOfficial"/>.
    /// </summary>
    public static void IndexForLists<T>(EntityTypeBuilder<T> b, string thenBy, bool byOfficial = true)
        where T : class, ISupervisedRecord
    {
        b.HasIndex(RegionKey, thenBy);
        b.HasIndex(UnitId);
        if (byOfficial)
        {
            b.HasIndex(OfficialId);
        }
    }

    private static PropertyBuilder<TValue> IndexKey<TValue>(EntityTypeBuilder b, string name, string column)
    {
        var key = b.Property<TValue>(name).HasColumnName(column);
        key.Metadata.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        key.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        return key;
    }

    private static void Keep<TValue>(
        ComplexPropertyBuilder<SupervisedSubject> s,
        System.Linq.Expressions.Expression<Func<SupervisedSubject, TValue>> member,
        bool kept,
        Action<ComplexTypePropertyBuilder<TValue>> configure)
    {
        if (kept)
        {
            configure(s.Property(member));
        }
        else
        {
            s.Ignore(((System.Linq.Expressions.MemberExpression)member.Body).Member.Name);
        }
    }
}
