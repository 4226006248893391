using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;
using Qingfeng.Platform.Data;
using Qingfeng.Platform.Documents;
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

    /// <summary>
    /// Every spreadsheet leaves the app through <see cref="Spreadsheet"/>, which makes formula-like text inert: no other type
    /// calls a spreadsheet writer (MiniExcel's SaveAs/Insert, Open XML's SpreadsheetDocument, ClosedXML, NPOI, CsvHelper)
    /// or names a CSV file or type. Method bodies are read from the compiled assembly, so Razor pages, lambdas and async
    /// methods count as the type that declares them.
    /// </summary>
    [Fact]
    public void Only_the_spreadsheet_writer_writes_spreadsheets()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(Web.Location);
        var writers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in WithNested(assembly.MainModule.Types))
        {
            foreach (var instruction in type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions))
            {
                if (WritesSpreadsheet(instruction))
                {
                    writers.Add(Outermost(type).FullName);
                }
            }
        }

        // The writer itself is found, so the rule sees the calls it looks for.
        Assert.Equal([typeof(Spreadsheet).FullName!], writers);
    }

    private static bool WritesSpreadsheet(Instruction instruction) => instruction.Operand switch
    {
        MethodReference method => method.DeclaringType.FullName switch
        {
            "MiniExcelLibs.MiniExcel" => method.Name.StartsWith("SaveAs", StringComparison.Ordinal) || method.Name.StartsWith("Insert", StringComparison.Ordinal),
            "DocumentFormat.OpenXml.Packaging.SpreadsheetDocument" => method.Name.StartsWith("Create", StringComparison.Ordinal),
            var name => name.StartsWith("ClosedXML.", StringComparison.Ordinal) || name.StartsWith("NPOI.", StringComparison.Ordinal) || name.StartsWith("CsvHelper.", StringComparison.Ordinal),
        },
        string text => text.Contains("text/csv", StringComparison.OrdinalIgnoreCase) || text.EndsWith(".csv", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static IEnumerable<TypeDefinition> WithNested(IEnumerable<TypeDefinition> types) =>
        types.SelectMany(t => WithNested(t.NestedTypes).Prepend(t));

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
