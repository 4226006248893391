using CsCheck;
using Qingfeng.Platform.Security;
using Xunit;

namespace Qingfeng.Tests.Platform.Security;

/// <summary>
/// <see cref="JurisdictionScope.Covers"/> (in memory) and <see cref="JurisdictionScope.Predicate"/> (the query filter)
/// must give one answer for every scope: generated scopes with several region subtrees, unit grants and
/// recusals, over generated records. The examples below pin what that answer is.
/// </summary>
public sealed class JurisdictionScopePropertyTests
{
    private static readonly Guid[] Units = [.. Enumerable.Range(1, 6).Select(i => new Guid(i, 0, 0, new byte[8]))];

    /// <summary>Digit strings over few digits (9 among them), so that prefixes, siblings and carries occur often.</summary>
    private static readonly Gen<string> Key = Gen.Char["0129"].Array[0, 10].Select(digits => "52" + new string(digits));

    private static readonly Gen<Guid?> Unit = Gen.Frequency((1, Gen.Const((Guid?)null)), (4, Gen.OneOf(Units).Select(u => (Guid?)u)));

    /// <summary>A grant is a prefix of some key: sometimes everything (""), mostly a subtree.</summary>
    private static readonly Gen<string> Grant = Gen.Frequency((1, Gen.Const("")), (12, Gen.Select(Key, Gen.Int[0, 12], (k, n) => k[..Math.Min(n, k.Length)])));

    private static readonly Gen<JurisdictionScope> Scope = Gen.Select(
        Grant.List[0, 4],
        Gen.OneOf(Units).List[0, 3],
        Gen.OneOf(Units).List[0, 2],
        (regions, units, recused) => new JurisdictionScope(regions, units, recused));

    private static readonly Gen<(JurisdictionScope Scope, List<(string Key, Guid? Unit)> Records)> Cases =
        Gen.Select(Scope, Gen.Select(Key, Unit).List[1, 16]);

    [Fact]
    public void The_query_predicate_and_covers_agree_on_every_generated_scope_and_record()
    {
        Cases.Sample(
            c =>
            {
                var predicate = Compile(c.Scope);
                foreach (var (key, unit) in c.Records)
                {
                    Assert.True(
                        c.Scope.Covers(key, unit) == predicate((key, unit)),
                        $"scope [{string.Join(",", c.Scope.RegionKeys)}] units [{c.Scope.UnitIds.Count}] recused [{c.Scope.RecusedUnitIds.Count}] on ({key}, {unit})");
                }
            },
            iter: 1000,
            print: c => $"regions [{string.Join(", ", c.Scope.RegionKeys)}], units [{string.Join(", ", c.Scope.UnitIds)}], recused [{string.Join(", ", c.Scope.RecusedUnitIds)}], records [{string.Join(", ", c.Records)}]");
    }

    [Fact]
    public void Covers_is_a_region_prefix_or_a_granted_unit_less_the_recused_units_on_every_generated_scope()
    {
        // The specification written out once more, independently of both implementations.
        Cases.Sample(
            c =>
            {
                foreach (var (key, unit) in c.Records)
                {
                    var expected = !(unit is { } r && c.Scope.RecusedUnitIds.Contains(r))
                        && (c.Scope.RegionKeys.Any(k => key.StartsWith(k, StringComparison.Ordinal)) || (unit is { } u && c.Scope.UnitIds.Contains(u)));
                    Assert.Equal(expected, c.Scope.Covers(key, unit));
                }
            },
            iter: 500);
    }

    [Theory]
    [InlineData("520121100200")]
    [InlineData("520122")]
    [InlineData("520122100")]
    public void A_scope_of_several_regions_covers_the_subtree_of_each(string key)
    {
        var scope = new JurisdictionScope(["520121", "520122"], [], []);

        Assert.True(scope.Covers(key, null));
        Assert.True(Compile(scope)((key, null)));
    }

    [Theory]
    [InlineData("520123")]
    [InlineData("5201")]
    [InlineData("52012")]
    [InlineData("530102")]
    public void A_scope_of_several_regions_covers_nothing_beside_or_above_them(string key)
    {
        var scope = new JurisdictionScope(["520121", "520122"], [], []);

        Assert.False(scope.Covers(key, null));
        Assert.False(Compile(scope)((key, null)));
    }

    [Theory]
    [InlineData("520129", "520129100", true)]
    [InlineData("520129", "520129", true)]
    [InlineData("520129", "520130", false)]
    [InlineData("520129", "52013", false)]
    [InlineData("520129", "520128999", false)]
    [InlineData("5299", "529901", true)]
    [InlineData("5299", "53", false)]
    [InlineData("99", "991", true)]
    [InlineData("99", "98", false)]
    public void A_region_whose_key_ends_in_nine_covers_its_own_subtree_and_nothing_after_it(string grant, string key, bool covered)
    {
        var scope = new JurisdictionScope([grant], [], []);

        Assert.Equal(covered, scope.Covers(key, null));
        Assert.Equal(covered, Compile(scope)((key, null)));
    }

    [Theory]
    [InlineData("5201", "5202")]
    [InlineData("5209", "521")]
    [InlineData("52099", "521")]
    [InlineData("520129", "52013")]
    [InlineData("99", null)]
    public void The_range_bound_is_the_next_digit_string_with_nines_carried(string key, string? bound)
    {
        Assert.Equal(bound, JurisdictionScope.UpperBound(key));
    }

    [Fact]
    public void A_unit_grant_covers_that_unit_wherever_it_lies_and_no_other_unit()
    {
        var scope = new JurisdictionScope(["520121"], [Units[0], Units[1]], []);

        foreach (var granted in new[] { Units[0], Units[1] })
        {
            Assert.True(scope.Covers("530102", granted));
            Assert.True(Compile(scope)(("530102", granted)));
        }

        Assert.False(scope.Covers("530102", Units[2]));
        Assert.False(Compile(scope)(("530102", Units[2])));
        Assert.False(scope.Covers("530102", null));
        Assert.False(Compile(scope)(("530102", null)));
    }

    [Fact]
    public void A_scope_of_units_alone_covers_those_units_only()
    {
        var scope = new JurisdictionScope([], [Units[0]], []);

        Assert.True(Compile(scope)(("520121", Units[0])));
        Assert.False(Compile(scope)(("520121", Units[1])));
        Assert.False(scope.IsEmpty);
    }

    [Fact]
    public void A_recused_unit_is_not_covered_even_inside_a_granted_region_or_when_granted_itself()
    {
        var scope = new JurisdictionScope(["520121"], [Units[0]], [Units[0], Units[1]]);
        var predicate = Compile(scope);

        foreach (var recused in new[] { Units[0], Units[1] })
        {
            Assert.False(scope.Covers("520121100", recused));
            Assert.False(predicate(("520121100", recused)));
        }

        Assert.True(scope.Covers("520121100", Units[2]));
        Assert.True(predicate(("520121100", Units[2])));
        Assert.True(scope.Covers("520121100", null));
        Assert.True(predicate(("520121100", null)));
    }

    [Fact]
    public void An_empty_key_grants_every_region_but_not_the_recused_units()
    {
        var scope = new JurisdictionScope(["520121", ""], [], [Units[0]]);

        Assert.True(scope.Covers("530102", null));
        Assert.True(Compile(scope)(("530102", null)));
        Assert.False(Compile(scope)(("530102", Units[0])));
    }

    [Fact]
    public void A_scope_with_only_recusals_is_empty_and_covers_nothing()
    {
        var scope = new JurisdictionScope([], [], [Units[0]]);

        Assert.True(scope.IsEmpty);
        Assert.True(JurisdictionScope.Nothing.IsEmpty);
        Assert.False(new JurisdictionScope(["52"], [], []).IsEmpty);
        Assert.False(scope.Covers("520121", Units[1]));
        Assert.False(Compile(scope)(("520121", Units[1])));
        Assert.False(Compile(JurisdictionScope.Nothing)(("520121", null)));
    }

    private static Func<(string Key, Guid? Unit), bool> Compile(JurisdictionScope scope) =>
        scope.Predicate<(string Key, Guid? Unit)>(x => x.Key, x => x.Unit).Compile();
}
