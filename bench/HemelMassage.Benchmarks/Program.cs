using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HemelMassage.Benchmarks;

// `writes` runs the concurrent-writer check once and prints one line; anything else goes to BenchmarkDotNet.
// `writes 100000` starts from a copy of the 100k-booking file instead of an empty one.
if (args is ["writes", ..])
{
    var existing = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
    using var clinic = existing > 0 ? BenchClinic.CopyWithBookings(existing) : BenchClinic.Empty("writes");
    var result = await BookingWrites.RunAsync(clinic.Services, writers: 4, perWriter: 250);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"writes: existing={existing} writers={result.Writers} per_writer={result.PerWriter} booked={result.Booked} locked={result.Locked} other_errors={result.OtherErrors} seconds={result.Elapsed.TotalSeconds:F2} per_second={result.PerSecond:F0}"));
    if (result.FirstError is not null)
    {
        Console.WriteLine("first error: " + result.FirstError);
    }
    return result.Booked == result.Writers * result.PerWriter && result.Locked == 0 ? 0 : 1;
}

// In-process and short: the machine is shared, and ratios within one run are what the budgets compare.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance))
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max)
    .WithArtifactsPath(BenchClinic.Out("bdn"));
BenchmarkSwitcher.FromAssembly(typeof(BenchClinic).Assembly).Run(args, config);
return 0;
