using System.Linq.Expressions;

namespace Qingfeng.Platform.Data;

/// <summary>
/// The mapping habits the feature configurations share: a record's child rows, their table and key, and the columns of a
/// stored file. Each configuration still states its own tables, lengths and indexes; these name the parts that mean the same
/// everywhere.
/// </summary>
public static class EntityMapping
{
    /// <summary>Length of a stored file's name column.</summary>
    public const int FileNameMaxLength = 200;

    /// <summary>Length of a stored file's content-type column.</summary>
    public const int ContentTypeMaxLength = 100;

    /// <summary>
    /// Rows that belong to the record alone (its history, progress, reviews …): each names its parent by
    /// <paramref name="parentKey"/>, and deleting the record deletes them.
    /// </summary>
    public static void HasChildren<T, TChild>(
        this EntityTypeBuilder<T> b,
        Expression<Func<T, IEnumerable<TChild>?>> children,
        Expression<Func<TChild, object?>> parentKey)
        where T : class
        where TChild : class
    {
        ArgumentNullException.ThrowIfNull(b);
        b.HasMany(children).WithOne().HasForeignKey(parentKey).OnDelete(DeleteBehavior.Cascade);
    }

    /// <summary>
    /// Maps a child row onto <paramref name="table"/> with the key it sets itself (<see cref="ChildRow.Id"/>). EF never generates
    /// that key, so a new child found through its parent's navigation is inserted, not updated.
    /// </summary>
    public static void ToChildTable<T>(this EntityTypeBuilder<T> b, string table)
        where T : ChildRow
    {
        ArgumentNullException.ThrowIfNull(b);
        b.ToTable(table);
        b.Property(r => r.Id).ValueGeneratedNever();
    }

    /// <summary>The name and content type of a stored file (an attachment, a piece of evidence), at their one length.</summary>
    public static void HasFileColumns<T>(
        this EntityTypeBuilder<T> b,
        Expression<Func<T, string>> fileName,
        Expression<Func<T, string>> contentType)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Property(fileName).HasMaxLength(FileNameMaxLength);
        b.Property(contentType).HasMaxLength(ContentTypeMaxLength);
    }
}
