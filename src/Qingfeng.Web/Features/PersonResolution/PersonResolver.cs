using Qingfeng.Platform.Text;

namespace Qingfeng.Features.PersonResolution;

/// <summary>
/// Entity resolution for Chinese names: turns a person as a petition names them into roster officials (within the
/// caller's jurisdiction only), each with a score and a reason per point, and decides. Candidates come from the
/// index: the exact name, the same toneless pinyin (homophones: 王建花 for 王建华), the near-homophone key (汪/王,
/// 张/章, 林/宁…), pinyin and initials typed in Latin letters, the 2-character cuts of a 3-character name (and the
/// other way), and for a masked name (王某) everyone of the surname. Each is scored on the unit (normalised, the
/// abbreviation table applied), the post (exact, related, deputy ≠ principal), the region and the tenure at the date
/// of the facts. It <b>auto-links</b> only when the best candidate reaches <see cref="AutoLinkScore"/> and leads the
/// runner-up by <see cref="Margin"/> — so never on the name alone — and a masked name only with its unit and the exact
/// post; otherwise the mention waits for an officer. Officers' earlier decisions about the same mention (normalised
/// name + unit) are reused: "same" links, "not same" removes the candidate.
/// </summary>
public sealed class PersonResolver(RosterNameIndex index, JurisdictionService jurisdiction, IDbContextFactory<QingfengDb> dbFactory, ChineseSegmenter segmenter)
{
    public const int AutoLinkScore = 75;
    public const int Margin = 20;
    public const int MaxCandidates = 5;

    private const int MinCandidateScore = 10;

    /// <summary>Resolves within the current user's jurisdiction, reusing officers' decisions about the same mention.</summary>
    public async Task<MentionResolution> ResolveAsync(PersonMention mention, CancellationToken cancellationToken = default) =>
        (await ResolveManyAsync([mention], cancellationToken))[0];

    public async Task<IReadOnlyList<MentionResolution>> ResolveManyAsync(IReadOnlyList<PersonMention> mentions, CancellationToken cancellationToken = default)
    {
        var snapshot = await index.SnapshotAsync(cancellationToken);
        var scope = await jurisdiction.ScopeAsync(cancellationToken);
        var visible = scope.Predicate<RosterPerson>(o => o.RegionKey, o => o.UnitId).Compile();
        var parser = new MentionParser(segmenter);
        var parsed = mentions.Select(m => parser.Parse(snapshot, m)).ToList();
        var keys = parsed.Select(KeyOf).Distinct(StringComparer.Ordinal).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var decisions = (await db.Set<PersonLinkDecision>().AsNoTracking()
                .Where(d => keys.Contains(d.MentionKey) && !d.IsAutomatic)
                .Select(d => new { d.MentionKey, d.OfficialId, d.IsSame, d.DecidedBy, d.DecidedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.MentionKey, d => new KnownDecision(d.OfficialId, d.IsSame, d.DecidedBy, d.DecidedAt), StringComparer.Ordinal);
        return [.. mentions.Select((m, i) => Resolve(snapshot, parsed[i], m, visible, [.. decisions[KeyOf(parsed[i])]]))];
    }

    /// <summary>The key under which decisions about a mention are kept: the name (or 王某) and the unit as normalised.</summary>
    public static string KeyOf(ParsedMention parsed)
    {
        var key = parsed.NameKey + "|" + parsed.Unit.Full;
        return key.Length <= PersonLinkDecision.MentionKeyMaxLength ? key : key[..PersonLinkDecision.MentionKeyMaxLength];
    }

    /// <summary>The pure resolution over one roster snapshot (what the measurement runs).</summary>
    public static MentionResolution Resolve(RosterSnapshot roster, PersonMention mention, Func<RosterPerson, bool>? visible = null, IReadOnlyList<KnownDecision>? decisions = null, ChineseSegmenter? segmenter = null)
    {
        var parsed = new MentionParser(segmenter).Parse(roster, mention);
        return Resolve(roster, parsed, mention, visible ?? (_ => true), decisions ?? []);
    }

    private static MentionResolution Resolve(RosterSnapshot roster, ParsedMention parsed, PersonMention mention, Func<RosterPerson, bool> visible, IReadOnlyList<KnownDecision> decisions)
    {
        var key = KeyOf(parsed);
        var latest = decisions.OrderByDescending(d => d.DecidedAt).DistinctBy(d => d.OfficialId).ToList();
        var excluded = latest.Where(d => !d.IsSame).Select(d => d.OfficialId).ToHashSet();
        var named = NameCandidates(roster, parsed)
            .Where(c => visible(c.Person) && !excluded.Contains(c.Person.Id))
            .Where(c => mention.RegionKey is not { Length: > 0 } region || c.Person.RegionKey.StartsWith(region, StringComparison.Ordinal))
            .ToList();
        var scored = named
            .Select(c => Score(c.Person, c.Reason, parsed, mention.FactsOn))
            .Where(c => !parsed.IsMasked || c.Reasons.Any(r => r.Code is "unit.exact" or "unit.similar" or "post.exact" or "post.related"))
            .Where(c => c.Score >= MinCandidateScore)
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.IsPrincipal).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.OfficialId)
            .ToList();

        if (latest.FirstOrDefault(d => d.IsSame) is { } same && roster.Officials.FirstOrDefault(o => o.Id == same.OfficialId) is { } chosen && visible(chosen))
        {
            var reason = new MatchReason("decision.same", 100, string.Create(CultureInfo.InvariantCulture, $"{same.DecidedBy} {same.DecidedAt:yyyy-MM-dd}"));
            var linked = scored.FirstOrDefault(c => c.OfficialId == chosen.Id) is { } known
                ? known with { Reasons = [reason, .. known.Reasons] }
                : Candidate(chosen, 100, [reason]);
            return new MentionResolution(ResolutionOutcome.AutoLinked, key, parsed.Name ?? parsed.Latin, parsed.Unit.Full, parsed.Post, parsed.IsMasked, linked, [linked, .. scored.Where(c => c.OfficialId != chosen.Id).Take(MaxCandidates - 1)]);
        }

        var top = scored.Take(MaxCandidates).ToList();
        var outcome = top.Count == 0 ? ResolutionOutcome.NoCandidate : ClearlyAhead(scored, parsed) ? ResolutionOutcome.AutoLinked : ResolutionOutcome.Pending;
        return new MentionResolution(outcome, key, parsed.Name ?? parsed.Latin, parsed.Unit.Full, parsed.Post, parsed.IsMasked, outcome == ResolutionOutcome.AutoLinked ? top[0] : null, top);
    }

    /// <summary>Whether the best candidate may be linked without an officer.</summary>
    private static bool ClearlyAhead(List<PersonCandidate> scored, ParsedMention parsed)
    {
        var best = scored[0];
        if (best.Score < AutoLinkScore || (scored.Count > 1 && best.Score - scored[1].Score < Margin))
        {
            return false;
        }

        // Never on the name (and region) alone: the unit or the post must point at the same person.
        var unit = best.Reasons.Any(r => r.Code is "unit.exact" or "unit.similar");
        var post = best.Reasons.Any(r => r.Code == "post.exact");
        if (!unit && !post)
        {
            return false;
        }

        // A masked name narrows, never links alone: its unit and its exact post must both match.
        return !parsed.IsMasked || (best.Reasons.Any(r => r.Code == "unit.exact") && post);
    }

    private static IEnumerable<(RosterPerson Person, MatchReason Reason)> NameCandidates(RosterSnapshot roster, ParsedMention parsed)
    {
        var seen = new HashSet<Guid>();
        IEnumerable<(RosterPerson, MatchReason)> Take(IEnumerable<RosterPerson> people, string code, int points, string detail) =>
            people.Where(p => seen.Add(p.Id)).Select(p => (p, new MatchReason(code, points, detail))).ToList();

        if (parsed.Name is { } name)
        {
            foreach (var c in Take(roster.ByName(name), "name.exact", 40, name))
            {
                yield return c;
            }

            var pinyin = PersonNames.Pinyin(name);
            foreach (var c in Take(roster.ByPinyin(pinyin), "name.homophone", 25, pinyin))
            {
                yield return c;
            }

            foreach (var c in Take(roster.ByNearKey(PersonNames.NearKey(name)), "name.nearHomophone", 18, pinyin))
            {
                yield return c;
            }

            foreach (var c in Take(roster.ByShortForm(name), "name.shortForm", 12, name))
            {
                yield return c;
            }

            foreach (var cut in PersonNames.ShortForms(name))
            {
                foreach (var c in Take(roster.ByName(cut), "name.longForm", 12, cut))
                {
                    yield return c;
                }
            }
        }
        else if (parsed.Latin is { } latin)
        {
            foreach (var c in Take(roster.ByPinyin(latin), "name.pinyin", 35, latin))
            {
                yield return c;
            }

            foreach (var c in Take(roster.ByInitials(latin), "name.initials", 15, latin))
            {
                yield return c;
            }
        }
        else if (parsed.MaskedSurname is { } surname && (!parsed.Unit.IsEmpty || parsed.Post is not null))
        {
            foreach (var c in Take(roster.BySurname(surname), "name.masked", 10, surname + "某"))
            {
                yield return c;
            }
        }
    }

    /// <summary>Scores one official: the name point, then the best of their holdings on unit, region, post and tenure.</summary>
    private static PersonCandidate Score(RosterPerson person, MatchReason name, ParsedMention parsed, DateOnly? factsOn)
    {
        List<MatchReason>? best = null;
        var bestPoints = int.MinValue;
        IEnumerable<RosterHolding> holdings = person.Holdings.Count > 0 ? person.Holdings : [new RosterHolding(person.UnitId, person.UnitName ?? "", person.RegionKey, person.Position, person.IsPrincipal, null, null)];
        foreach (var holding in holdings)
        {
            var reasons = Holding(holding, parsed, factsOn);
            var points = reasons.Sum(r => r.Points);
            if (points > bestPoints)
            {
                (best, bestPoints) = (reasons, points);
            }
        }

        List<MatchReason> all = [name, .. best ?? []];
        return Candidate(person, all.Sum(r => r.Points), all);
    }

    private static List<MatchReason> Holding(RosterHolding holding, ParsedMention parsed, DateOnly? factsOn)
    {
        var reasons = new List<MatchReason>();
        var unit = parsed.Unit;
        var matched = false;
        if (unit.Core.Length > 0)
        {
            if (string.Equals(unit.Core, holding.UnitCore, StringComparison.Ordinal))
            {
                reasons.Add(new MatchReason("unit.exact", 30, holding.UnitName));
                matched = true;
            }
            else if (unit.OnlyRegions)
            {
                // 开阳县县长: the text names a region, not a unit; the region point below counts it.
            }
            else if (UnitNames.Similarity(unit.Core, holding.UnitCore) is var similarity and >= 0.5)
            {
                reasons.Add(new MatchReason("unit.similar", (int)Math.Round(24 * similarity), holding.UnitName));
                matched = true;
            }
            else
            {
                reasons.Add(new MatchReason("unit.different", -10, holding.UnitName));
            }
        }

        if (unit.Regions.Count > 0)
        {
            var covered = unit.Regions.All(keys => keys.Any(k => holding.RegionKey.StartsWith(k, StringComparison.Ordinal)));
            reasons.Add(covered ? new MatchReason("region.match", 10, holding.RegionKey) : new MatchReason("region.mismatch", -30, holding.RegionKey));
        }

        if (parsed.Post is { } post)
        {
            switch (PostTitles.Compare(post, holding.Post))
            {
                case PostMatch.Exact:
                    reasons.Add(new MatchReason("post.exact", 20, holding.Post));
                    matched = true;
                    break;
                case PostMatch.Related:
                    reasons.Add(new MatchReason("post.related", 8, holding.Post));
                    matched = true;
                    break;
                case PostMatch.DeputyMismatch:
                    reasons.Add(new MatchReason("post.deputyMismatch", -25, holding.Post));
                    break;
                default:
                    reasons.Add(new MatchReason("post.different", -5, holding.Post));
                    break;
            }
        }
        else if (parsed.PrincipalWord)
        {
            reasons.Add(holding.IsPrincipal ? new MatchReason("post.principal", 15, holding.Post) : new MatchReason("post.different", -5, holding.Post));
            matched |= holding.IsPrincipal;
        }

        if (matched || unit.Regions.Count > 0)
        {
            var span = string.Create(CultureInfo.InvariantCulture, $"{holding.Start:yyyy-MM-dd}–{holding.End:yyyy-MM-dd}");
            if (factsOn is { } date)
            {
                reasons.Add(holding.Covers(date) ? new MatchReason("tenure.covers", 5, span) : new MatchReason("tenure.outside", -25, span));
            }
            else if (holding.End is not null)
            {
                reasons.Add(new MatchReason("tenure.past", -10, span));
            }
        }

        return reasons;
    }

    private static PersonCandidate Candidate(RosterPerson person, int score, IReadOnlyList<MatchReason> reasons) =>
        new(person.Id, person.Name, person.UnitName, person.Position, person.IsPrincipal, person.Category, person.RegionKey, person.UnitId, score, reasons);
}
