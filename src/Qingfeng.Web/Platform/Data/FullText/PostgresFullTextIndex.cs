using System.Runtime.CompilerServices;
using System.Text;

namespace Qingfeng.Platform.Data.FullText;

/// <summary>
/// <see cref="IFullTextIndex"/> on PostgreSQL: a document is one row (rarely several parts, see below) holding a
/// <c>tsvector</c> built here, token by token — terms without positions, runs with their positions (a gap of one
/// between runs, so no phrase spans two) — with a GIN index on it. A phrase is a <c>tsquery</c> of its tokens joined
/// by <c>&lt;-&gt;</c> (followed by): the GIN index finds the rows holding all tokens and PostgreSQL checks the
/// positions on those rows. Tokens go in as literals (<c>::tsvector</c>, <c>::tsquery</c>), not through a text search
/// configuration, so nothing is stemmed, split or dropped.
/// <para>
/// A <c>tsvector</c> keeps positions only up to 16,383 and at most 256 per token, so a long document is cut into
/// parts that stay within both limits, at run boundaries; each part carries all the document's terms. A run too long
/// for one part is cut into windows overlapping by <see cref="Overlap"/> tokens, enough for the longest phrase a search
/// can ask (<c>ClueQuery.Search</c> is at most 64 characters: 63 bigrams). A query of several phrases matches a
/// document when each phrase matches one of its parts (an <c>INTERSECT</c> per phrase).
/// </para>
/// </summary>
public sealed class PostgresFullTextIndex : FullTextIndex
{
    /// <summary>Creates the index table (for <c>migrationBuilder.Sql</c>).</summary>
    public const string CreateSql = """
        CREATE TABLE search_documents (
            kind text NOT NULL,
            document_id uuid NOT NULL,
            part integer NOT NULL,
            terms tsvector NOT NULL,
            CONSTRAINT pk_search_documents PRIMARY KEY (kind, document_id, part)
        );
        CREATE INDEX ix_search_documents_terms ON search_documents USING gin (terms);
        """;

    /// <summary>Drops the index table (for <c>migrationBuilder.Sql</c> in <c>Down</c>).</summary>
    public const string DropSql = "DROP TABLE IF EXISTS search_documents;";

    /// <summary>The largest position a <c>tsvector</c> keeps.</summary>
    internal const int MaxPosition = 16_383;

    /// <summary>The most positions a <c>tsvector</c> keeps per token.</summary>
    internal const int MaxPositionsPerToken = 256;

    /// <summary>Tokens shared by consecutive windows of a run cut in parts: phrases up to this many tokens plus one are found across the cut.</summary>
    internal const int Overlap = 64;

    protected override Task UpsertAsync(QingfengDb db, string kind, Guid documentId, IReadOnlyList<string> terms, IReadOnlyList<IReadOnlyList<string>> runs, CancellationToken ct)
    {
        var parts = Parts(terms, runs).ToArray();
        return db.Database.ExecuteSqlAsync(
            $"""
            DELETE FROM search_documents WHERE kind = {kind} AND document_id = {documentId};
            INSERT INTO search_documents (kind, document_id, part, terms)
                SELECT {kind}, {documentId}, (p.n - 1)::integer, p.v::tsvector FROM unnest({parts}::text[]) WITH ORDINALITY AS p(v, n);
            """,
            ct);
    }

    protected override Task DeleteAsync(QingfengDb db, string kind, Guid documentId, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM search_documents WHERE kind = {kind} AND document_id = {documentId}", ct);

    protected override IQueryable<Guid> Query(QingfengDb db, string kind, IReadOnlyList<IReadOnlyList<string>> phrases, IReadOnlyList<string>? scopes)
    {
        // Per phrase 't1 <-> t2 <-> t3 & (s1 | s2)' from validated [a-z0-9]+ tokens, bound as a parameter.
        var scope = scopes is null ? "" : " & (" + string.Join(" | ", scopes) + ")";
        var format = new StringBuilder();
        var arguments = new List<object?>();
        foreach (var phrase in phrases)
        {
            if (arguments.Count > 0)
            {
                format.Append(" INTERSECT ");
            }

            format.Append(CultureInfo.InvariantCulture, $$"""SELECT {{(phrases.Count == 1 ? "DISTINCT " : "")}}document_id AS "Value" FROM search_documents WHERE kind = {{{arguments.Count}}} AND terms @@ {{{arguments.Count + 1}}}::tsquery""");
            arguments.Add(kind);
            arguments.Add("(" + string.Join(" <-> ", phrase) + ")" + scope);
        }

        return db.Database.SqlQuery<Guid>(FormattableStringFactory.Create(format.ToString(), [.. arguments]));
    }

    protected override IQueryable<Guid> None(QingfengDb db) =>
        db.Database.SqlQuery<Guid>($"SELECT document_id AS \"Value\" FROM search_documents WHERE FALSE");

    /// <summary>The document's parts as <c>tsvector</c> literals (<c>term t1:1,7 t2:2</c>), within the limits of a <c>tsvector</c>.</summary>
    internal static List<string> Parts(IReadOnlyList<string> terms, IReadOnlyList<IReadOnlyList<string>> runs)
    {
        var parts = new List<string>();
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var next = 1;

        void Emit()
        {
            var literal = new StringBuilder();
            foreach (var term in terms)
            {
                if (!positions.ContainsKey(term))
                {
                    literal.Append(term).Append(' ');
                }
            }

            foreach (var (token, at) in positions)
            {
                literal.Append(token).Append(':').AppendJoin(',', at).Append(' ');
            }

            parts.Add(literal.ToString().TrimEnd());
            positions.Clear();
            next = 1;
        }

        // How many tokens of the run, from its start, fit into the current part.
        int Fitting(IReadOnlyList<string> run, int from)
        {
            var added = new Dictionary<string, int>(StringComparer.Ordinal);
            var count = 0;
            for (var i = from; i < run.Count && next + count <= MaxPosition; i++, count++)
            {
                var already = positions.TryGetValue(run[i], out var list) ? list.Count : 0;
                var more = added[run[i]] = added.GetValueOrDefault(run[i]) + 1;
                if (already + more > MaxPositionsPerToken)
                {
                    break;
                }
            }

            return count;
        }

        void Add(IReadOnlyList<string> run, int from, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var token = run[from + i];
                if (!positions.TryGetValue(token, out var list))
                {
                    positions[token] = list = [];
                }

                list.Add(next + i);
            }

            next += count + 1;
        }

        foreach (var run in runs)
        {
            var from = 0;
            while (from < run.Count)
            {
                var fitting = Fitting(run, from);
                if (fitting == run.Count - from)
                {
                    Add(run, from, fitting);
                    break;
                }

                if (positions.Count > 0)
                {
                    Emit();
                    continue;
                }

                // The rest of the run does not fit into an empty part: a window now, the next one overlapping it.
                Add(run, from, fitting);
                Emit();
                from += fitting - Overlap;
            }
        }

        if (positions.Count > 0 || parts.Count == 0)
        {
            Emit();
        }

        return parts;
    }
}
