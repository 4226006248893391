using NetArchTest.Rules;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.Tests.Architecture;

/// <summary>The boundaries of house-style.md, checked on the compiled assembly.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Web = typeof(QingfengDb).Assembly;

    [Fact]
    public void Entities_do_not_depend_on_ASP_NET_Core()
    {
        var result = Types.InAssembly(Web)
            .That().Inherit(typeof(Entity))
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Nothing_outside_the_data_platform_references_the_migrations()
    {
        var result = Types.InAssembly(Web)
            .That().DoNotResideInNamespace("Qingfeng.Platform.Data.Migrations")
            .ShouldNot().HaveDependencyOn("Qingfeng.Platform.Data.Migrations")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Features_use_each_other_only_through_services_and_contracts()
    {
        // Roster pages and endpoints may use Audit only through AuditLog (a service) and its records.
        var result = Types.InAssembly(Web)
            .That().ResideInNamespace("Qingfeng.Features.Roster")
            .ShouldNot().HaveDependencyOnAny("Qingfeng.Features.Accounts", "Qingfeng.Features.DemoProvince")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
