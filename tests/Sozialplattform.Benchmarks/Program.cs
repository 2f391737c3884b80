using BenchmarkDotNet.Running;
using Sozialplattform.Benchmarks.Engine;

if (args is ["workload"])
{
    WorkloadReport.Print(Console.Out);
    return;
}

if (args is ["counselling-live", .. var load])
{
    await Sozialplattform.Benchmarks.Counselling.CounsellingLoad.RunAsync(load);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
