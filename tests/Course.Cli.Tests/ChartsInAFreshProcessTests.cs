using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Course.Cli.Tests;

/// <summary>
/// Charts in a process that has not loaded Plotly.NET yet, as in `course run` on a fresh machine:
/// the libraries a notebook #r's must share one copy of their dependencies (FSharp.Core).
/// </summary>
public sealed class ChartsInAFreshProcessTests
{
    [Fact]
    public async Task A_notebook_that_references_the_instruments_draws_its_chart_as_html()
    {
        string root = CourseTree.Root();
        string lib = Path.Combine(root, "notebooks", "lib", "TinyTorch.Analysis.dll");
        Assert.True(File.Exists(lib), $"{lib} is built with the CLI");
        string folder = Directory.CreateTempSubdirectory("course-chart-").FullName;
        try
        {
            string notebook = Path.Combine(folder, "chart.ipynb");
            File.WriteAllText(notebook, $$$"""
                {"cells": [
                  {"cell_type": "code", "execution_count": null, "id": "a1", "metadata": {"polyglot_notebook": {"kernelName": "csharp"}}, "outputs": [],
                   "source": ["#r \"{{{lib.Replace("\\", "/")}}}\"\n", "TinyTorch.Analysis.Instruments.ShuffleCost.Run(new[] { 64, 128 }, sampleLength: 8, repeats: 1).ToChart()"]}
                 ],
                 "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { typeof(CourseCommand).Assembly.Location, "run", notebook, "--out", Path.Combine(folder, "out") })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            string output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, output);
            var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out", "chart.ipynb")))!;
            var data = executed["cells"]![0]!["outputs"]![0]!["data"]!;
            Assert.Contains("Plotly", string.Concat(data["text/html"]!.AsArray().Select(line => line!.GetValue<string>())));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
