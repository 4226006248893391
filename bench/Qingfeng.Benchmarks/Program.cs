using System.Globalization;
using Qingfeng.Benchmarks;

// Qingfeng benchmarks: each operation next to a baseline measured in the same run; see BENCHMARKS.md.
//   dotnet run -c Release --project bench/Qingfeng.Benchmarks -- province [--scale province|quick] [--postgres "Host=…"] [--samples 200] [--import-runs 3] [--only search] [--fresh] [--out BENCHMARKS.md]
//   dotnet run -c Release --project bench/Qingfeng.Benchmarks -- import [--rows 25000] [--import-runs 3] [--postgres "…"]
//   dotnet run -c Release --project bench/Qingfeng.Benchmarks -- load [--users 32] [--seconds 60] [--requests 200000] [--ui-sessions 50] [--phase-seconds 10]
//   dotnet run -c Release --project bench/Qingfeng.Benchmarks -- dataset [--scale …] [--postgres "…"] [--fresh]    (generate only)
var verb = args.FirstOrDefault() ?? "province";
var scale = BenchScale.Parse(Text("--scale") ?? "province");
var postgres = Text("--postgres");
var data = Text("--data") ?? Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "bench-data");
var fresh = args.Contains("--fresh");
var samples = int.Parse(Text("--samples") ?? "200", CultureInfo.InvariantCulture);
var importRuns = int.Parse(Text("--import-runs") ?? "3", CultureInfo.InvariantCulture);
var output = Text("--out") ?? "BENCHMARKS.md";
var only = Text("--only");

switch (verb)
{
    case "dataset":
        await using (var dataset = await ProvinceDataset.OpenAsync(scale, postgres, data, fresh))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataset.Label}: {dataset.Officials:N0} officials, {dataset.Clues:N0} clues, {dataset.AuditRows:N0} audit rows; measured organ {dataset.Organ.Name} ({dataset.Organ.Clues:N0} clues)"));
        }

        return 0;
    case "province":
        {
            await using var dataset = await ProvinceDataset.OpenAsync(scale, postgres, data, fresh);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataset.Label}: {dataset.Officials:N0} officials, {dataset.Clues:N0} clues, {dataset.AuditRows:N0} audit rows"));
            var searchOnly = only == "search";
            var notes = new List<string>();
            var rows = await ProvinceBenchmark.RunAsync(dataset, samples, searchOnly, notes);
            if (!searchOnly)
            {
                rows.Add(await RosterImportBenchmark.RunAsync(25_000, importRuns, postgres));
            }

            var command = $"dotnet run -c Release --project bench/Qingfeng.Benchmarks -- province --scale {scale.Name}{(postgres is null ? "" : " --postgres \"…\"")} --samples {samples}{(searchOnly ? " --only search" : $" --import-runs {importRuns}")}";
            await BenchmarkReport.WriteAsync(output, dataset, rows, command, notes, searchOnly ? "search" : null);
            Console.WriteLine(await File.ReadAllTextAsync(output));
            return rows.All(r => r.Met != false) ? 0 : 1;
        }

    case "probe":
        await using (var dataset = await ProvinceDataset.OpenAsync(scale, postgres, data, fresh))
        {
            await ProvinceBenchmark.ProbeAsync(dataset);
        }

        return 0;
    case "import":
        {
            var import = await RosterImportBenchmark.RunAsync(int.Parse(Text("--rows") ?? "25000", CultureInfo.InvariantCulture), importRuns, postgres);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"roster import: app median {import.App.P(50) / 1000:0.00} s, raw SQL median {import.Raw.P(50) / 1000:0.00} s"));
            return import.Met == false ? 1 : 0;
        }

    case "load":
        return await LoadTest.RunAsync(
            int.Parse(Text("--users") ?? "32", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(Text("--seconds") ?? "60", CultureInfo.InvariantCulture)),
            int.Parse(Text("--requests") ?? "200000", CultureInfo.InvariantCulture),
            int.Parse(Text("--ui-sessions") ?? "50", CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(Text("--phase-seconds") ?? "10", CultureInfo.InvariantCulture)));

    default:
        Console.Error.WriteLine($"Unknown benchmark '{verb}'. Available: province, import, load, dataset");
        return 2;
}

string? Text(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
