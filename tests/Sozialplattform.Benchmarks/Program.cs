using BenchmarkDotNet.Running;
using Sozialplattform.Benchmarks.Engine;

if (args is ["workload"])
{
    WorkloadReport.Print(Console.Out);
    return 0;
}

// scale-out-load.sh: citizens applying against a running portal (behind nginx); not a BenchmarkDotNet benchmark.
if (args is ["submissions", var url, var seconds, var citizens, .. var rest])
{
    return await Sozialplattform.Benchmarks.Web.SubmissionsLoad.RunAsync(url, TimeSpan.FromSeconds(int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
        int.Parse(citizens, System.Globalization.CultureInfo.InvariantCulture), rest is [var form] ? form : "kontakt", Console.Out);
}

// scale-out-load.sh: the final submit alone — drafts filled first, then their submits fired; host process ids for the CPU time.
if (args is ["submits", var baseUrl, var drafts, var atOnce, .. var pids])
{
    var number = (string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    return await Sozialplattform.Benchmarks.Web.SubmitsLoad.RunAsync(baseUrl, number(drafts), number(atOnce), pids.Select(number).ToList(), Console.Out);
}

if (args is ["counselling-live", .. var load])
{
    await Sozialplattform.Benchmarks.Counselling.CounsellingLoad.RunAsync(load);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
