using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Qingfeng.Features.Clues;
using Qingfeng.Features.DemoProvince;
using Qingfeng.Platform.Data;
using Xunit;

namespace Qingfeng.Tests.Architecture;

/// <summary>
/// Need-to-know as one rule for every derived read (issue 14): whatever a user is shown that is computed from clues — a list,
/// a count, a figure, a suggestion, a document, an export, a notification — reads the clue tables through
/// <see cref="ClueViewer.VisibleClues"/> (and <see cref="ClueViewer.VisibleAttachments"/>), which applies need-to-know and
/// recusals. Checked on the compiled assembly's IL (lambdas, async state machines and Razor components included): outside that
/// door, no code may reach a clue table — a <c>DbSet</c> of the clue aggregate (<c>db.Clues</c>, <c>Set&lt;Clue&gt;()</c>,
/// <c>Set&lt;ClueParticipant&gt;()</c>…), a <c>Find</c> of one, or SQL text that names one — except the jobs named below,
/// which legitimately read every clue and show nobody what they read.
/// </summary>
public sealed partial class NeedToKnowArchitectureTests
{
    /// <summary>The clue aggregate's tables: the clue and everything that hangs off it (persons, categories, history, participants, recusals, sanctions, attachments).</summary>
    private static readonly Type[] ClueTables =
        [typeof(Clue), typeof(ReportedPerson), typeof(ClueCategory), typeof(ClueHistoryEntry), typeof(ClueParticipant), typeof(ClueRecusal), typeof(Sanction), typeof(ClueAttachment)];

    /// <summary>Where clue tables may be read, and why. A new entry here needs the same kind of reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        [typeof(ClueViewer).FullName!] = "the door: every read a user is shown goes through VisibleClues / VisibleAttachments",
        [typeof(QingfengDb).FullName!] = "declares the Clues set",
        [typeof(ClueDeadlineSweep).FullName!] = "the deadline job reads every due clue, then tells each person only about clues that person may see (ClueViewer.SeesLoaded)",
        [typeof(ClueDeadlineRecount).FullName!] = "counts running deadlines again when a year's holiday schedule is uploaded (shows nothing)",
        [typeof(ClueKeyRotation).FullName!] = "re-encrypts every clue and attachment under a new key (command line, shows nothing)",
        [typeof(ClueSearchIndexUpgrade).FullName!] = "re-indexes clues indexed without scope tokens at start-up (shows nothing)",
        [typeof(DemoClues).FullName!] = "seeds the demo province's clues",
    };

    private static readonly Lazy<List<Reach>> Reaches = new(Scan);

    [Fact]
    public void Only_the_need_to_know_door_and_the_named_jobs_read_clue_tables()
    {
        var outside = Reaches.Value.Where(r => !Allowed.ContainsKey(r.Owner)).ToList();
        Assert.True(outside.Count == 0, "Clue tables read outside ClueViewer.VisibleClues (use the door, or name a job that shows nothing in NeedToKnowArchitectureTests):\n"
            + string.Join('\n', outside.Select(r => $"{r.Owner} ({r.Method}): {r.What}")));
    }

    [Fact]
    public void The_scan_sees_the_door_and_every_named_job_reading_clue_tables()
    {
        // The check is live: the IL scan finds the door's reads and each exception's, so a stale exception is noticed and removed.
        var owners = Reaches.Value.Select(r => r.Owner).ToHashSet(StringComparer.Ordinal);
        var stale = Allowed.Keys.Where(k => !owners.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "Allowed but no longer reading clue tables (remove them): " + string.Join(", ", stale));
        Assert.Contains(Reaches.Value, r => r.Owner == typeof(ClueViewer).FullName && r.What.Contains(typeof(ClueAttachment).FullName!, StringComparison.Ordinal));
    }

    /// <summary>Every place in the web assembly's IL that reaches a clue table, attributed to its outermost declaring type.</summary>
    private static List<Reach> Scan()
    {
        var tables = ClueTables.Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        var dbSet = typeof(DbSet<>).FullName!;
        using var module = ModuleDefinition.ReadModule(typeof(QingfengDb).Assembly.Location);
        var reaches = new List<Reach>();
        foreach (var type in module.GetTypes().Where(t => t.Namespace is not { } ns || !ns.StartsWith("Qingfeng.Platform.Data.Migrations", StringComparison.Ordinal)))
        {
            var owner = type;
            while (owner.DeclaringType is not null)
            {
                owner = owner.DeclaringType;
            }

            if (owner.Namespace.StartsWith("Qingfeng.Platform.Data.Migrations", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    var what = instruction.Operand switch
                    {
                        MethodReference m when ReturnsClueSet(m, dbSet, tables) => m.FullName,
                        MethodReference m when m is GenericInstanceMethod g && g.Name is "Find" or "FindAsync"
                            && g.GenericArguments.Any(a => tables.Contains(a.FullName)) => m.FullName,
                        string sql when instruction.OpCode == OpCodes.Ldstr && SqlOnClueTables().IsMatch(sql) => "SQL: " + sql,
                        _ => null,
                    };
                    if (what is not null)
                    {
                        reaches.Add(new Reach(owner.FullName, method.Name, what));
                    }
                }
            }
        }

        return reaches;
    }

    /// <summary>A method (a DbSet property, <c>Set&lt;T&gt;()</c>) that hands out a <c>DbSet</c> of a clue table.</summary>
    private static bool ReturnsClueSet(MethodReference method, string dbSet, HashSet<string> tables)
    {
        var returned = method.ReturnType;
        if (method is GenericInstanceMethod generic && returned is GenericInstanceType { ElementType.FullName: var open } shape && open == dbSet
            && shape.GenericArguments[0] is GenericParameter)
        {
            // Set<T>() is declared as returning DbSet<T>: the table is the method's type argument.
            return generic.GenericArguments.Any(a => tables.Contains(a.FullName));
        }

        return returned is GenericInstanceType closed && closed.ElementType.FullName == dbSet && tables.Contains(closed.GenericArguments[0].FullName);
    }

    /// <summary>SQL text (upper-case keywords, as this code base writes it) that reads or changes a clue table by its name.</summary>
    [GeneratedRegex("""(?s)^(?=.*\b(SELECT|UPDATE|INSERT|DELETE)\b).*\b(FROM|JOIN|UPDATE|INTO)\s+"?(Clues|ClueReportedPersons|ClueCategories|ClueHistory|ClueParticipants|ClueRecusals|Sanctions|ClueAttachments)"?(\s|$|;|\))""")]
    private static partial Regex SqlOnClueTables();

    private sealed record Reach(string Owner, string Method, string What);
}
