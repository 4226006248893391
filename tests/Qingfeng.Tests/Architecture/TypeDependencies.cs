using System.Runtime.InteropServices;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Qingfeng.Platform.Data;

namespace Qingfeng.Tests.Architecture;

/// <summary>One type of the web assembly using another, both named by their outermost declaring type.</summary>
internal sealed record TypeDependency(string From, string FromNamespace, string To, string ToNamespace)
{
    public override string ToString() => $"{From} → {To}";
}

/// <summary>
/// Which type of the web assembly uses which, read from the compiled IL: base types, interfaces, attributes (and the types
/// they name), fields, properties, signatures, locals and every type, method and field an instruction names. Razor
/// components are classes like any other, so a page that embeds another feature's component (<c>OpenComponent&lt;T&gt;</c>)
/// or injects its service is seen; lambdas, async state machines and closures count as the type that declares them.
/// Constants are inlined by the compiler, so a use of another type's <c>const</c> alone is not seen.
/// </summary>
internal static class TypeDependencies
{
    private static readonly Lazy<Scan> Scanned = new(Read);

    /// <summary>Every dependency between two different types of the assembly (namespaces under <c>Qingfeng.</c>).</summary>
    public static IReadOnlyCollection<TypeDependency> All => Scanned.Value.Dependencies;

    /// <summary>The outermost types whose IL sets <c>DomainRuleException.Status</c>.</summary>
    public static IReadOnlySet<string> StatusSetters => Scanned.Value.StatusSetters;

    /// <summary>
    /// The folder a namespace belongs to: the feature (<c>Qingfeng.Features.Roster.Pages</c> → <c>Roster</c>), <c>Platform</c>
    /// for everything under <c>Qingfeng.Platform</c>, or null for the composition root (<c>Program</c>, the app shell in
    /// <c>Qingfeng.Components</c>), which wires every feature together.
    /// </summary>
    public static string? Folder(string ns) =>
        ns.StartsWith("Qingfeng.Features.", StringComparison.Ordinal) ? ns.Split('.')[2]
        : ns == "Qingfeng.Platform" || ns.StartsWith("Qingfeng.Platform.", StringComparison.Ordinal) ? "Platform"
        : null;

    /// <summary>The dependencies between two feature folders, by (from, to) feature.</summary>
    public static ILookup<(string From, string To), TypeDependency> BetweenFeatures() =>
        All.Select(d => (Dependency: d, From: Folder(d.FromNamespace), To: Folder(d.ToNamespace)))
            .Where(x => x.From is not null and not "Platform" && x.To is not null and not "Platform" && x.From != x.To)
            .ToLookup(x => (x.From!, x.To!), x => x.Dependency);

    private static Scan Read()
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(QingfengDb).Assembly.Location)!);
        resolver.AddSearchDirectory(RuntimeEnvironment.GetRuntimeDirectory());
        resolver.AddSearchDirectory(Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!);
        using var module = ModuleDefinition.ReadModule(typeof(QingfengDb).Assembly.Location, new ReaderParameters { AssemblyResolver = resolver });
        var dependencies = new HashSet<TypeDependency>();
        var statusSetters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            if (string.IsNullOrEmpty(owner.Namespace) || owner.Namespace.StartsWith("Qingfeng.Platform.Data.Migrations", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var used in Uses(type).SelectMany(Flatten).Select(Outermost))
            {
                if (used.FullName != owner.FullName && used.Namespace.StartsWith("Qingfeng.", StringComparison.Ordinal))
                {
                    dependencies.Add(new TypeDependency(owner.FullName, owner.Namespace, used.FullName, used.Namespace));
                }
            }

            if (type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions).Any(SetsStatus))
            {
                statusSetters.Add(owner.FullName);
            }
        }

        return new Scan(dependencies, statusSetters);
    }

    private static bool SetsStatus(Instruction instruction) =>
        instruction.Operand is MethodReference { Name: "set_Status" } method
        && method.DeclaringType.FullName == typeof(Qingfeng.Platform.Rules.DomainRuleException).FullName;

    /// <summary>Every type reference a type's definition and IL hold (before generic instances and arrays are unwrapped).</summary>
    private static IEnumerable<TypeReference?> Uses(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (var reference in type.Interfaces.Select(i => i.InterfaceType)
            .Concat(Attributes(type))
            .Concat(type.GenericParameters.SelectMany(g => g.Constraints).Select(c => c.ConstraintType))
            .Concat(type.Fields.SelectMany(f => Attributes(f).Prepend(f.FieldType)))
            .Concat(type.Properties.SelectMany(p => Attributes(p).Prepend(p.PropertyType)))
            .Concat(type.Events.Select(e => e.EventType)))
        {
            yield return reference;
        }

        foreach (var method in type.Methods)
        {
            yield return method.ReturnType;
            foreach (var reference in method.Parameters.SelectMany(p => Attributes(p).Prepend(p.ParameterType))
                .Concat(Attributes(method))
                .Concat(method.GenericParameters.SelectMany(g => g.Constraints).Select(c => c.ConstraintType)))
            {
                yield return reference;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                yield return variable.VariableType;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var reference in Operand(instruction.Operand))
                {
                    yield return reference;
                }
            }
        }
    }

    private static IEnumerable<TypeReference?> Operand(object? operand) => operand switch
    {
        TypeReference type => [type],
        GenericInstanceMethod generic => [.. Operand(generic.ElementMethod), .. generic.GenericArguments],
        MethodReference method => [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(p => p.ParameterType)],
        FieldReference field => [field.DeclaringType, field.FieldType],
        _ => [],
    };

    private static IEnumerable<TypeReference?> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(a => a.ConstructorArguments
            .Concat(a.Properties.Select(p => p.Argument))
            .Concat(a.Fields.Select(f => f.Argument))
            .SelectMany(Argument)
            .Prepend(a.AttributeType));

    private static IEnumerable<TypeReference?> Argument(CustomAttributeArgument argument) => argument.Value switch
    {
        TypeReference type => [type],
        CustomAttributeArgument inner => Argument(inner),
        CustomAttributeArgument[] items => items.SelectMany(Argument),
        _ => [],
    };

    /// <summary>The named types inside a reference: a generic instance's definition and arguments, an array's element…</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference? type) => type switch
    {
        null or GenericParameter or FunctionPointerType => [],
        GenericInstanceType generic => Flatten(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Flatten)),
        TypeSpecification specification => Flatten(specification.ElementType),
        _ => [type],
    };

    private static TypeReference Outermost(TypeReference type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private sealed record Scan(IReadOnlyCollection<TypeDependency> Dependencies, IReadOnlySet<string> StatusSetters);
}
