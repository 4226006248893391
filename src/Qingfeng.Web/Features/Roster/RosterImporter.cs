using MiniExcelLibs;
using Qingfeng.Features.Audit;
using Qingfeng.Platform.Text;
using Qingfeng.Platform.Ui;

namespace Qingfeng.Features.Roster;

public sealed record RosterImportError(int Row, string Column, string Header, string Message);

public sealed record RosterImportResult(
    bool Succeeded,
    int Rows,
    int OfficialsCreated,
    int UnitsCreated,
    int TenuresCreated,
    IReadOnlyList<RosterImportError> Errors);

/// <summary>
/// Imports the roster template: every row is validated (row, column, reason) and, only when all
/// rows are valid, everything is written in one transaction — all rows or none. A row changes only what the importing
/// commission keeps (<see cref="RosterKeepers"/>, ADR 0008): units in the regions it keeps, and officials who serve there or nowhere.
/// </summary>
public sealed class RosterImporter(
    IDbContextFactory<QingfengDb> dbFactory,
    CurrentUser currentUser,
    JurisdictionService jurisdiction,
    TimeProvider time,
    ILogger<RosterImporter>? logger = null)
{
    public const int MaxRows = 100_000;
    public const long MaxBytes = 30 * 1024 * 1024;

    /// <summary>What the workbook may expand to: a 100,000-row roster is a few dozen megabytes of XML; a zip bomb is far more.</summary>
    public const long MaxUncompressedBytes = 128 * 1024 * 1024;

    public async Task<RosterImportResult> ImportAsync(Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        var user = currentUser.Require();
        if (!user.Has(Permission.RosterManage))
        {
            throw new DomainRuleException("Rule.Forbidden") { Status = 403 };
        }

        var culture = CultureInfo.CurrentUICulture;
        var rows = ReadRows(file, culture, out var fileError);
        if (fileError is not null)
        {
            return Failed(0, [fileError]);
        }

        var scope = await jurisdiction.ScopeAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var keepers = await RosterKeepers.LoadAsync(db, cancellationToken);
        var plan = new ImportPlan(db, scope, keepers, user.OrganId, ChinaTime.DateOf(time.GetUtcNow()), culture);
        await plan.PreloadAsync(rows, cancellationToken);
        for (var i = 0; i < rows.Count; i++)
        {
            plan.Apply(rows[i], rowNumber: i + 2);
        }

        if (plan.Errors.Count > 0)
        {
            return Failed(rows.Count, plan.Errors);
        }

        // The rows and the import's own audit entry commit together: a crash leaves neither or both.
        await db.InTransactionAsync(
            async ct =>
            {
                logger?.LogInformation("Roster import of {Rows} rows: transaction begun", rows.Count);
                // One save for the rows, their audit entries and the import's own entry.
                db.AuditEntries.Add(new AuditEntry("Import", nameof(Official), null, string.Create(CultureInfo.InvariantCulture, $"file={Path.GetFileName(fileName)}; rows={rows.Count}; officials={plan.OfficialsCreated}; units={plan.UnitsCreated}; tenures={plan.TenuresCreated}")));
                await db.SaveChangesAsync(ct);
                return true;
            },
            cancellationToken);
        logger?.LogInformation("Roster import of {Rows} rows: committed", rows.Count);
        return new RosterImportResult(true, rows.Count, plan.OfficialsCreated, plan.UnitsCreated, plan.TenuresCreated, []);
    }

    private static RosterImportResult Failed(int rows, IReadOnlyList<RosterImportError> errors) =>
        new(false, rows, 0, 0, 0, errors.Take(1000).ToList());

    private static List<string?[]> ReadRows(Stream file, CultureInfo culture, out RosterImportError? error)
    {
        error = null;
        var result = new List<string?[]>();
        try
        {
            using var buffer = new MemoryStream();
            CopyLimited(file, buffer);
            if (UncompressedSize(buffer) > MaxUncompressedBytes)
            {
                error = new RosterImportError(0, "", "", TextCatalog.Instance.Get("Import.Expands", culture, MaxUncompressedBytes / 1024 / 1024));
                return [];
            }

            buffer.Position = 0;
            var table = buffer.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
            string[]? headers = null;
            foreach (var row in table)
            {
                if (headers is null)
                {
                    headers = [.. row.Keys];
                    var missing = RosterExcel.Columns.Where(c => c.Required && !headers.Contains(c.Header)).Select(c => c.Header).ToList();
                    if (missing.Count > 0)
                    {
                        error = new RosterImportError(1, "", string.Join("、", missing), TextCatalog.Instance.Get("Import.MissingColumns", culture, string.Join("、", missing)));
                        return [];
                    }
                }

                var values = RosterExcel.Columns.Select(c => row.TryGetValue(c.Header, out var v) ? Text(v) : null).ToArray();
                if (values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                result.Add(values);
                if (result.Count > MaxRows)
                {
                    error = new RosterImportError(MaxRows + 2, "", "", TextCatalog.Instance.Get("Import.TooManyRows", culture, MaxRows));
                    return [];
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException or IndexOutOfRangeException or ArgumentException)
        {
            error = new RosterImportError(0, "", "", TextCatalog.Instance.Get("Import.NotExcel", culture));
            return [];
        }

        if (result.Count == 0)
        {
            error = new RosterImportError(2, "", "", TextCatalog.Instance.Get("Import.Empty", culture));
        }

        return result;
    }

    /// <summary>The sizes the zip's directory declares for its entries, summed before anything is inflated.</summary>
    private static long UncompressedSize(MemoryStream workbook)
    {
        workbook.Position = 0;
        using var zip = new System.IO.Compression.ZipArchive(workbook, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        return zip.Entries.Sum(e => e.Length);
    }

    private static void CopyLimited(Stream source, Stream destination)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = source.Read(chunk, 0, chunk.Length)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                throw new InvalidDataException("File too large.");
            }

            destination.Write(chunk, 0, read);
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) => n.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim(),
    };

    /// <summary>Validates rows against the database and each other, building the entities as it goes.</summary>
    private sealed class ImportPlan(QingfengDb db, JurisdictionScope scope, RosterKeepers keepers, Guid? organId, DateOnly today, CultureInfo culture)
    {
        private readonly Dictionary<string, Region> _regions = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Region, string Name), Unit> _units = [];
        private readonly Dictionary<(Guid Unit, string Title), Post> _posts = [];
        private readonly HashSet<Guid> _principalPostsHeld = [];
        private readonly Dictionary<(string Name, DateOnly Birth), Official> _officials = [];

        public List<RosterImportError> Errors { get; } = [];

        public int OfficialsCreated { get; private set; }

        public int UnitsCreated { get; private set; }

        public int TenuresCreated { get; private set; }

        public async Task PreloadAsync(List<string?[]> rows, CancellationToken cancellationToken)
        {
            var codes = rows.Select(r => r[3]).OfType<string>().Distinct().ToList();
            foreach (var region in await db.Regions.Where(r => codes.Contains(r.Code)).ToListAsync(cancellationToken))
            {
                _regions[region.Code] = region;
            }

            foreach (var unit in await db.Units.Include(u => u.Posts).Where(u => codes.Contains(u.RegionCode)).ToListAsync(cancellationToken))
            {
                _units[(unit.RegionCode, unit.Name)] = unit;
                foreach (var post in unit.Posts)
                {
                    _posts[(unit.Id, post.Title)] = post;
                }
            }

            var postIds = _posts.Values.Where(p => p.IsPrincipal).Select(p => p.Id).ToList();
            foreach (var held in await db.Tenures.Where(t => t.End == null && postIds.Contains(t.PostId)).Select(t => t.PostId).ToListAsync(cancellationToken))
            {
                _principalPostsHeld.Add(held);
            }

            var names = rows.Select(r => r[0]).OfType<string>().Distinct().ToList();
            var existing = await db.Officials.Include(o => o.Tenures).ThenInclude(t => t.Post).ThenInclude(p => p!.Unit)
                .Where(o => names.Contains(o.Name) && o.BirthDate != null).ToListAsync(cancellationToken);
            // Someone outside the jurisdiction is never matched (nor named): the row makes a record of its own.
            foreach (var official in existing.Where(o => scope.Covers(o.RegionKey, o.UnitId)))
            {
                _officials[(official.Name, official.BirthDate!.Value)] = official;
            }
        }

        public void Apply(string?[] row, int rowNumber)
        {
            var errorsBefore = Errors.Count;
            var name = Required(row, 0, rowNumber);
            if (name is not null && (name.Length > 32 || !name.All(c => char.IsLetter(c) || c == '·')))
            {
                Error(rowNumber, 0, "Import.NameInvalid");
            }

            var gender = ParseEnum<Gender>(row, 1, rowNumber, required: true);
            DateOnly? birth = ParseDate(row, 2, rowNumber, required: false);
            if (birth is { } b && (b > today.AddYears(-18) || b < today.AddYears(-90)))
            {
                Error(rowNumber, 2, "Import.BirthDateRange");
            }

            Region? region = null;
            if (Required(row, 3, rowNumber) is { } code)
            {
                if (!_regions.TryGetValue(code, out region))
                {
                    Error(rowNumber, 3, "Import.RegionUnknown", code);
                }
                else if (!scope.Covers(region.TreeKey, null))
                {
                    Error(rowNumber, 3, "Import.RegionOutsideJurisdiction", code);
                    region = null;
                }
                else if (keepers.KeeperOf(region.TreeKey) is not { } keeper || keeper.OrganId != organId)
                {
                    Error(rowNumber, 3, "Import.RegionKeptElsewhere", code, keepers.KeeperOf(region.TreeKey)?.Name ?? "");
                    region = null;
                }
            }

            var unitName = Required(row, 4, rowNumber);
            if (unitName is { Length: > 128 })
            {
                Error(rowNumber, 4, "Import.TooLong", 128);
            }

            var kind = ParseEnum<UnitKind>(row, 5, rowNumber, required: true);
            var level = ParseEnum<ManagingLevel>(row, 6, rowNumber, required: true);
            var sector = row[7] ?? "";
            if (sector.Length > 32)
            {
                Error(rowNumber, 7, "Import.TooLong", 32);
            }

            var title = Required(row, 8, rowNumber);
            if (title is { Length: > 64 })
            {
                Error(rowNumber, 8, "Import.TooLong", 64);
            }

            bool? principal = Required(row, 9, rowNumber) switch
            {
                null => null,
                "是" or "Y" or "Yes" or "yes" => true,
                "否" or "N" or "No" or "no" => false,
                _ => Invalid<bool?>(rowNumber, 9, "Import.YesNo"),
            };
            var category = ParseEnum<LeaderCategory>(row, 10, rowNumber, required: principal == true);
            if (principal == false && category is not null)
            {
                Error(rowNumber, 10, "Import.CategoryWithoutPrincipal");
            }

            var rank = ParseEnum<OfficialRank>(row, 11, rowNumber, required: true);
            var start = ParseDate(row, 12, rowNumber, required: true);
            if (start is { } s && s > today)
            {
                Error(rowNumber, 12, "Import.StartInFuture");
            }

            if (birth is { } born && start is { } begun && begun < born.AddYears(18))
            {
                Error(rowNumber, 12, "Import.StartBeforeAdulthood");
            }

            if (Errors.Count > errorsBefore)
            {
                return;
            }

            var unit = UnitFor(region!, unitName!, kind!.Value, level!.Value, sector);
            var post = PostFor(unit, title!, principal!.Value, category, rank!.Value);
            if (post.IsPrincipal && !_principalPostsHeld.Add(post.Id))
            {
                Error(rowNumber, 8, "Import.PrincipalPostHeld", title!);
                return;
            }

            var official = OfficialFor(name!, gender!.Value, birth);
            if (official.UnitId is not null && keepers.KeeperOf(official.RegionKey) is var kept && kept?.OrganId != organId)
            {
                // An official who serves elsewhere is changed by the commission that keeps that post: it ends the tenure first.
                Error(rowNumber, 0, "Import.OfficialKeptElsewhere", name!, kept?.Name ?? "");
                return;
            }

            if (official.Tenures.Any(t => t.PostId == post.Id && t.End is null))
            {
                Error(rowNumber, 8, "Import.DuplicateTenure", title!);
                return;
            }

            // Added explicitly: found through an official already in the database, a new tenure (its id set) would be taken for an existing row.
            db.Tenures.Add(official.BeginTenure(post, start!.Value));
            TenuresCreated++;
        }

        private Unit UnitFor(Region region, string name, UnitKind kind, ManagingLevel level, string sector)
        {
            if (!_units.TryGetValue((region.Code, name), out var unit))
            {
                unit = new Unit(name, kind, level, sector, region);
                db.Units.Add(unit);
                _units[(region.Code, name)] = unit;
                UnitsCreated++;
            }

            return unit;
        }

        private Post PostFor(Unit unit, string title, bool principal, LeaderCategory? category, OfficialRank rank)
        {
            if (!_posts.TryGetValue((unit.Id, title), out var post))
            {
                post = new Post(unit, title, principal, category, rank);
                db.Posts.Add(post);
                _posts[(unit.Id, title)] = post;
            }

            return post;
        }

        private Official OfficialFor(string name, Gender gender, DateOnly? birth)
        {
            if (birth is { } b && _officials.TryGetValue((name, b), out var known))
            {
                return known;
            }

            var official = new Official(name, ChinesePinyin.ToPinyin(name), ChinesePinyin.ToInitials(name), gender, birth);
            db.Officials.Add(official);
            OfficialsCreated++;
            if (birth is { } born)
            {
                _officials[(name, born)] = official;
            }

            return official;
        }

        private string? Required(string?[] row, int column, int rowNumber)
        {
            var value = row[column];
            if (string.IsNullOrWhiteSpace(value))
            {
                if (RosterExcel.Columns[column].Required)
                {
                    Error(rowNumber, column, "Import.Required");
                }

                return null;
            }

            return value.Trim();
        }

        private TEnum? ParseEnum<TEnum>(string?[] row, int column, int rowNumber, bool required)
            where TEnum : struct, Enum
        {
            var value = row[column];
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    Error(rowNumber, column, "Import.Required");
                }

                return null;
            }

            var parsed = EnumText.Parse<TEnum>(value);
            if (parsed is null)
            {
                Error(rowNumber, column, "Import.NotInList", value, string.Join("/", EnumText.All<TEnum>().Select(e => EnumText.Label(e.Value, CultureInfo.GetCultureInfo("zh-CN")))));
            }

            return parsed;
        }

        private DateOnly? ParseDate(string?[] row, int column, int rowNumber, bool required)
        {
            var value = required ? Required(row, column, rowNumber) : row[column]?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            string[] formats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy-MM-dd HH:mm:ss"];
            if (DateTime.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return DateOnly.FromDateTime(parsed);
            }

            Error(rowNumber, column, "Import.DateInvalid", value);
            return null;
        }

        private T? Invalid<T>(int rowNumber, int column, string code)
        {
            Error(rowNumber, column, code);
            return default;
        }

        private void Error(int rowNumber, int column, string code, params object[] arguments) =>
            Errors.Add(new RosterImportError(rowNumber, RosterExcel.ColumnLetter(column), RosterExcel.HeaderOf(column), TextCatalog.Instance.Get(code, culture, arguments)));
    }
}
