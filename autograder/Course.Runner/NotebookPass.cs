using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Boundary;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;
using Course.Specs.Core;

namespace Course.Runner;

/// <summary>Runs the prepared notebooks one after another, in one engine process, and records what each cell did.</summary>
internal static class NotebookPass
{
    public static async Task<IReadOnlyList<CellFacts>> RunAsync(string prepared, RunnerManifest manifest, string work, Action<string, int>? starting = null)
    {
        // Relative #r paths ("../lib/TinyTorch.dll") start at the notebooks' folder, beside work/lib.
        string folder = Path.Combine(work, "notebooks");
        Directory.CreateDirectory(folder);
        var facts = new List<CellFacts>();
        foreach (string name in manifest.Notebooks)
        {
            var runner = new NotebookRunner(new NotebookRunOptions
            {
                KeepGoing = true,
                CellTimeout = TimeSpan.FromSeconds(manifest.CellTimeoutSeconds),
                CellStarting = (cell, _) => starting?.Invoke(name, cell),
            });
            var notebook = NotebookFile.Load(Path.Combine(prepared, name));
            NotebookRunResult run = await runner.RunAsync(notebook, folder).ConfigureAwait(false);
            facts.AddRange(run.Cells.Select(cell => CellFacts.Of(name, cell)));
        }

        return facts;
    }

    public static JsonObject Describe(IReadOnlyList<CellFacts> facts, Implementation recorded) => new()
    {
        ["cells"] = JsonSerializer.SerializeToNode(facts),
        ["exercises"] = new JsonArray(Exercises.All.Where(e => e.Get(recorded) is not null).Select(e => (JsonNode?)e.Name).ToArray()),
    };
}
