using BenchmarkDotNet.Running;
using Sozialplattform.Benchmarks.Engine;

if (args is ["workload"])
{
    WorkloadReport.Print(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
